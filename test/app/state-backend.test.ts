import { App, TerraformStack, Testing } from "cdktf";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StateBackend } from "../../lib";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

function backendJson(backend: StateBackend, app: App = Testing.app(), stackName = "ai-platform-dev"): any {
  const stack = new TerraformStack(app, stackName);
  backend.applyTo(stack);
  return JSON.parse(Testing.synth(stack)).terraform.backend;
}

describe("StateBackend.local", () => {
  test("by default one file per stack in <project>/terraform-state, outside cdktf.out (which cdktf deletes on synth)", () => {
    // Terraform runs in cdktf.out/stacks/<stack>/: three levels up is the project
    expect(backendJson(StateBackend.local())).toEqual({ local: { path: "../../../terraform-state/ai-platform-dev.tfstate" } });
  });

  test("a relative directory is relative to the project, an absolute one is kept", () => {
    expect(backendJson(StateBackend.local({ directory: "state/dev" }))).toEqual({ local: { path: "../../../state/dev/ai-platform-dev.tfstate" } });
    expect(backendJson(StateBackend.local({ directory: "/var/tf/" }))).toEqual({ local: { path: "/var/tf/ai-platform-dev.tfstate" } });
  });

  test("the path follows an output folder of the project that is not cdktf.out", () => {
    // GIVEN a project whose cdktf.json (or --output) puts the output in build/cdktf
    const cwd = process.cwd();
    const project = mkdtempSync(join(tmpdir(), "state-project-"));
    mkdirSync(join(project, "build"));
    process.chdir(project);
    try {
      const app = new App({ outdir: "build/cdktf", stackTraces: false });
      // THEN Terraform, running in build/cdktf/stacks/<stack>/, still finds <project>/terraform-state
      expect(backendJson(StateBackend.local(), app)).toEqual({ local: { path: "../../../../terraform-state/ai-platform-dev.tfstate" } });
    } finally {
      process.chdir(cwd);
    }
  });

  test("an output folder outside the project gets the absolute path (test apps excepted, for stable JSON)", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "state-backend-")), stackTraces: false });
    expect(backendJson(StateBackend.local(), app)).toEqual({ local: { path: join(process.cwd(), "terraform-state/ai-platform-dev.tfstate") } });
  });

  test("a directory that is not a path", () => {
    expect(() => StateBackend.local({ directory: " " })).toThrow('[StateBackend.local] directory (" ") must be a non-empty path, absolute or relative to the project');
  });
});

describe("StateBackend.s3 and .pg", () => {
  test("s3 with encryption, a key per stack, and S3's own lock file (no DynamoDB table) by default", () => {
    expect(backendJson(StateBackend.s3({ bucket: "tf-state", region: "eu-west-1" }))).toEqual({
      s3: { bucket: "tf-state", region: "eu-west-1", key: "kong-ai-platform/ai-platform-dev.tfstate", encrypt: true, use_lockfile: true },
    });
    expect(backendJson(StateBackend.s3({ bucket: "b", region: "r", keyPrefix: "acme" }), Testing.app(), "acme-platform-dev").s3.key).toBe("acme/acme-platform-dev.tfstate");
  });

  test("a DynamoDB lock table only when asked: with the lock file while migrating, or alone for Terraform < 1.10", () => {
    // GIVEN a lock table WHEN rendered THEN both locks; with useLockfile false, the table alone
    expect(backendJson(StateBackend.s3({ bucket: "b", region: "r", lockTable: "tf-lock" })).s3).toMatchObject({ use_lockfile: true, dynamodb_table: "tf-lock" });
    const tableOnly = backendJson(StateBackend.s3({ bucket: "b", region: "r", lockTable: "tf-lock", useLockfile: false })).s3;
    expect(tableOnly.dynamodb_table).toBe("tf-lock");
    expect(tableOnly.use_lockfile).toBeUndefined();
  });

  test("s3 refuses state without any lock, and lock settings of the wrong shape", () => {
    expect(() => StateBackend.s3({ bucket: "b", region: "r", useLockfile: false })).toThrow(
      "[StateBackend.s3] useLockfile (false) leaves the state without a lock (no DynamoDB table either): two applies at once could corrupt it. Give lockTable (Terraform < 1.10) or keep the lock file",
    );
    expect(() => StateBackend.s3({ bucket: "b", region: "r", useLockfile: "yes" as never, lockTable: "" })).toThrow(
      '[StateBackend.s3] useLockfile ("yes") must be true or false\n[StateBackend.s3] lockTable ("") must be the name of a DynamoDB table, or left out',
    );
  });

  test("pg keeps the connection string (a password) out of the JSON: Terraform reads PG_CONN_STR", () => {
    expect(backendJson(StateBackend.pg())).toEqual({ pg: { schema_name: "kong_ai_platform_ai_platform_dev" } });
    expect(backendJson(StateBackend.pg({ schemaPrefix: "acme" }))).toEqual({ pg: { schema_name: "acme_ai_platform_dev" } });
  });

  test("s3 without bucket and region names both", () => {
    expect(() => StateBackend.s3({} as never)).toThrow("[StateBackend.s3] bucket (undefined) is required\n[StateBackend.s3] region (undefined) is required");
  });
});

describe("StateBackend.fromEnv", () => {
  test("local by default; TF_STATE_DIR moves it (relative to the project, or absolute)", () => {
    expect(StateBackend.fromEnv({}).type).toBe("local");
    expect(backendJson(StateBackend.fromEnv({}))).toEqual({ local: { path: "../../../terraform-state/ai-platform-dev.tfstate" } });
    expect(backendJson(StateBackend.fromEnv({ TF_STATE_DIR: "/var/tf" }))).toEqual({ local: { path: "/var/tf/ai-platform-dev.tfstate" } });
    expect(backendJson(StateBackend.fromEnv({ TF_STATE_DIR: "state" }))).toEqual({ local: { path: "../../../state/ai-platform-dev.tfstate" } });
  });

  test("s3 and pg from their variables", () => {
    const env = { TF_BACKEND: "s3", TF_STATE_BUCKET: "tf-state", TF_STATE_REGION: "eu-west-1", TF_STATE_KEY_PREFIX: "acme", TF_STATE_LOCK_TABLE: "tf-lock" };
    expect(backendJson(StateBackend.fromEnv(env))).toEqual({
      s3: { bucket: "tf-state", region: "eu-west-1", key: "acme/ai-platform-dev.tfstate", encrypt: true, dynamodb_table: "tf-lock", use_lockfile: true },
    });
    expect(backendJson(StateBackend.fromEnv({ TF_BACKEND: "pg", TF_STATE_PG_SCHEMA_PREFIX: "acme" }))).toEqual({ pg: { schema_name: "acme_ai_platform_dev" } });
  });

  test("s3 locks with the lock file unless TF_STATE_USE_LOCKFILE=false, which needs TF_STATE_LOCK_TABLE", () => {
    const s3 = { TF_BACKEND: "s3", TF_STATE_BUCKET: "b", TF_STATE_REGION: "r" };
    expect(backendJson(StateBackend.fromEnv(s3)).s3).toEqual({ bucket: "b", region: "r", key: "kong-ai-platform/ai-platform-dev.tfstate", encrypt: true, use_lockfile: true });
    const tableOnly = backendJson(StateBackend.fromEnv({ ...s3, TF_STATE_USE_LOCKFILE: "false", TF_STATE_LOCK_TABLE: "t" })).s3;
    expect([tableOnly.use_lockfile, tableOnly.dynamodb_table]).toEqual([undefined, "t"]);
    expect(() => StateBackend.fromEnv({ ...s3, TF_STATE_USE_LOCKFILE: "false" })).toThrow(
      '[backend] TF_STATE_USE_LOCKFILE ("false") leaves the state without a lock (no DynamoDB table either): two applies at once could corrupt it. Set TF_STATE_LOCK_TABLE (Terraform < 1.10) or unset TF_STATE_USE_LOCKFILE',
    );
    expect(() => StateBackend.fromEnv({ ...s3, TF_STATE_USE_LOCKFILE: "no" })).toThrow('[backend] TF_STATE_USE_LOCKFILE ("no") must be "true" or "false" (unset: true)');
  });

  test("s3 without bucket and region names both missing variables", () => {
    expect(() => StateBackend.fromEnv({ TF_BACKEND: "s3" })).toThrow(
      "[backend] TF_STATE_BUCKET (undefined) is required when TF_BACKEND=s3\n[backend] TF_STATE_REGION (undefined) is required when TF_BACKEND=s3",
    );
  });

  test("an unknown backend lists the known ones; an empty TF_STATE_DIR is refused", () => {
    expect(() => StateBackend.fromEnv({ TF_BACKEND: "consul" })).toThrow('[backend] TF_BACKEND ("consul") must be one of "local", "s3", "pg"');
    expect(() => StateBackend.fromEnv({ TF_STATE_DIR: "" })).toThrow('[backend] TF_STATE_DIR ("") must be a path when set: unset it for <project>/terraform-state');
  });
});
