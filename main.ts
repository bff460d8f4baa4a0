import { App } from "cdktf";
import { backendFromEnv } from "./stacks/backend";
import { buildDefaultApp } from "./stacks/default-app";
import { environmentFromEnv } from "./stacks/environments";

// ENV=dev (default) or ENV=prod selects the environment; TF_BACKEND=local|s3|pg selects where state lives.
// Writes cdktf.out/stacks/ai-platform-<env> (Kubernetes) and ai-gateway-<env> (Kong configuration, applied after).
const app = new App();
buildDefaultApp(app, environmentFromEnv(), backendFromEnv());
app.synth();
