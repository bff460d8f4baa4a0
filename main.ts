import { App } from "cdktf";
import { ValidationError } from "./lib/core/errors";
import { backendFromEnv } from "./stacks/backend";
import { buildDefaultApp } from "./stacks/default-app";
import { environmentFromEnv } from "./stacks/environments";

// ENV=dev (default) or ENV=prod selects the environment; TF_BACKEND=local|s3|pg selects where state lives.
// Writes cdktf.out/stacks/ai-platform-<env> (Kubernetes) and ai-gateway-<env> (Kong configuration, applied after).
try {
  const app = new App();
  buildDefaultApp(app, environmentFromEnv(), backendFromEnv());
  app.synth();
} catch (error) {
  // Input problems are the user's to fix: print just the message (path, field, value, what is allowed).
  if (error instanceof ValidationError || (error instanceof Error && error.message.startsWith("Validation failed"))) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
