import { applyBackend, backendFromEnv } from "../../stacks/backend";
import { expectValidationError, newStack, synth } from "../helpers";

/** GIVEN these environment variables WHEN a stack's backend is chosen from them THEN its `terraform.backend`. */
function backendJson(env: NodeJS.ProcessEnv) {
  const stack = newStack("s");
  applyBackend(stack, "ai-platform-dev", backendFromEnv(env));
  return synth(stack).terraform.backend;
}

describe("state backend selection", () => {
  test("local by default, one file per stack, outside cdktf.out (which cdktf deletes on synth)", () => {
    // Terraform runs in cdktf.out/stacks/<stack>/: three levels up is the repository root
    expect(backendJson({})).toEqual({ local: { path: "../../../terraform-state/ai-platform-dev.tfstate" } });
    expect(backendJson({ TF_STATE_DIR: "/var/tf" })).toEqual({ local: { path: "/var/tf/ai-platform-dev.tfstate" } });
  });

  test("s3 with encryption and a key per stack", () => {
    expect(backendJson({ TF_BACKEND: "s3", TF_STATE_BUCKET: "tf-state", TF_STATE_REGION: "eu-west-1", TF_STATE_LOCK_TABLE: "tf-lock" })).toEqual({
      s3: { bucket: "tf-state", region: "eu-west-1", key: "kong-ai-platform/ai-platform-dev.tfstate", encrypt: true, dynamodb_table: "tf-lock" },
    });
  });

  test("pg keeps the connection string (a password) out of the JSON: Terraform reads PG_CONN_STR", () => {
    expect(backendJson({ TF_BACKEND: "pg" })).toEqual({ pg: { schema_name: "kong_ai_platform_ai_platform_dev" } });
  });

  test("s3 without bucket and region names both missing variables", () => {
    expectValidationError(
      () => backendFromEnv({ TF_BACKEND: "s3" }),
      "[backend] TF_STATE_BUCKET (undefined) is required when TF_BACKEND=s3\n[backend] TF_STATE_REGION (undefined) is required when TF_BACKEND=s3",
    );
  });

  test("an unknown backend lists the known ones", () => {
    expectValidationError(() => backendFromEnv({ TF_BACKEND: "consul" }), '[backend] TF_BACKEND ("consul") must be one of "local", "s3", "pg"');
  });
});
