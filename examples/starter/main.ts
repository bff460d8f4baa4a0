// The app cdktf runs (cdktf.json) and `npm run synth` runs: builds Acme's platform for one environment and writes
// cdktf.out/stacks/acme-platform-<env> and acme-gateway-<env>. ENV picks the environment (default dev);
// TF_BACKEND, TF_STATE_DIR, ... pick where Terraform keeps the state (default ./terraform-state).
// Invalid input prints one line per problem (construct path, field, value, what is allowed) and exits 1.
import { StateBackend, synthesize } from "kong-ai-platform";
import { buildPlatform } from "./platform";

synthesize((app) => buildPlatform(app, { environment: process.env.ENV ?? "dev", backend: StateBackend.fromEnv() }));
