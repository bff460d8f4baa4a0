import { StateBackend, synthesize } from "./lib";
import { buildDefaultApp } from "./stacks/default-app";
import { environmentFromEnv } from "./stacks/environments";

// ENV=dev (default) or ENV=prod selects the environment; TF_BACKEND=local|s3|pg (and TF_STATE_DIR, ...) where state lives.
// Writes cdktf.out/stacks/ai-platform-<env> (Kubernetes) and ai-gateway-<env> (Kong configuration, applied after).
// Invalid input prints one line per problem (construct path, field, value, what is allowed) and exits 1.
synthesize((app) => buildDefaultApp(app, environmentFromEnv(), StateBackend.fromEnv()));
