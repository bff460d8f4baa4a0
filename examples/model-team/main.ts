// The app cdktf runs (cdktf.json) and `npm run synth` runs: team vision's models for one environment, written to
// cdktf.out/stacks/ai-team-vision-<env>. ENV picks the environment (default dev); TF_BACKEND, TF_STATE_DIR, ... pick
// where Terraform keeps the state (default ./terraform-state). Invalid input prints one line per problem and exits 1.
import { StateBackend, synthesize } from "kong-ai-platform";
import { buildTeamApp } from "./models";

synthesize((app) => buildTeamApp(app, { environment: process.env.ENV ?? "dev", backend: StateBackend.fromEnv() }));
