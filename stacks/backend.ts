import { LocalBackend, PgBackend, S3Backend, TerraformStack } from "cdktf";
import { Problems } from "../lib/core/errors";

/** Where Terraform keeps a stack's state. */
export type BackendConfig =
  | { readonly type: "local"; readonly directory?: string }
  | { readonly type: "s3"; readonly bucket: string; readonly region: string; readonly keyPrefix?: string; readonly dynamodbTable?: string }
  | { readonly type: "pg"; readonly schemaPrefix?: string };

/**
 * Reads the backend from the environment: TF_BACKEND=local (default) | s3 | pg, with
 * TF_STATE_DIR (local; default <repo>/terraform-state, outside cdktf.out which cdktf rewrites), TF_STATE_BUCKET, TF_STATE_REGION, TF_STATE_KEY_PREFIX, TF_STATE_LOCK_TABLE (s3),
 * TF_STATE_PG_SCHEMA_PREFIX (pg). The pg connection string holds a password, so it never enters the JSON:
 * export PG_CONN_STR for Terraform itself.
 */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env): BackendConfig {
  const type = env.TF_BACKEND ?? "local";
  const v = new Problems("backend");
  switch (type) {
    case "local":
      return { type, directory: env.TF_STATE_DIR };
    case "s3":
      if (!env.TF_STATE_BUCKET) v.add("TF_STATE_BUCKET", env.TF_STATE_BUCKET, "is required when TF_BACKEND=s3");
      if (!env.TF_STATE_REGION) v.add("TF_STATE_REGION", env.TF_STATE_REGION, "is required when TF_BACKEND=s3");
      v.throwIfAny();
      return {
        type,
        bucket: env.TF_STATE_BUCKET as string,
        region: env.TF_STATE_REGION as string,
        keyPrefix: env.TF_STATE_KEY_PREFIX,
        dynamodbTable: env.TF_STATE_LOCK_TABLE,
      };
    case "pg":
      return { type, schemaPrefix: env.TF_STATE_PG_SCHEMA_PREFIX };
    default:
      v.add("TF_BACKEND", type, 'must be one of "local", "s3", "pg"').throwIfAny();
      throw new Error("unreachable");
  }
}

/** Configures the stack's backend; state files and keys are named after the stack. */
export function applyBackend(stack: TerraformStack, stackName: string, backend: BackendConfig): void {
  switch (backend.type) {
    case "local":
      // Terraform runs in cdktf.out/stacks/<stack>/, which the cdktf CLI deletes when it synthesizes other stacks: the default
      // keeps state three levels up, in <repo>/terraform-state/, as a relative path so the JSON stays the same on
      // every machine.
      new LocalBackend(stack, { path: `${backend.directory ?? "../../../terraform-state"}/${stackName}.tfstate` });
      return;
    case "s3":
      new S3Backend(stack, {
        bucket: backend.bucket,
        region: backend.region,
        key: `${backend.keyPrefix ?? "kong-ai-platform"}/${stackName}.tfstate`,
        encrypt: true,
        dynamodbTable: backend.dynamodbTable,
      });
      return;
    case "pg":
      // conn_str is left out on purpose: Terraform reads PG_CONN_STR, so no password lands in the JSON.
      new PgBackend(stack, {
        schemaName: `${backend.schemaPrefix ?? "kong_ai_platform"}_${stackName.replace(/-/g, "_")}`,
      } as unknown as ConstructorParameters<typeof PgBackend>[1]);
      return;
  }
}
