import { App, LocalBackend, PgBackend, S3Backend, TerraformStack } from "cdktf";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { Problems } from "../core/errors";

/** Local state files. */
export interface LocalStateOptions {
  /**
   * Folder of the state files (`<folder>/<stack>.tfstate`): absolute, or relative to the project, i.e. the folder the
   * app runs in (`cdktf` and npm scripts run it from the project's root).
   * @default "terraform-state"
   */
  readonly directory?: string;
}

/**
 * State in an S3 bucket, encrypted at rest, locked with S3's own lock file (`use_lockfile`: Terraform >= 1.10, general
 * availability in 1.11; hashicorp/terraform `internal/backend/remote-state/s3/backend.go`).
 */
export interface S3StateOptions {
  readonly bucket: string;
  readonly region: string;
  /** Key prefix: each stack's state is `<keyPrefix>/<stack>.tfstate`. @default "kong-ai-platform" */
  readonly keyPrefix?: string;
  /**
   * Lock the state with a lock file next to it in the bucket (`<key>.tflock`; the IAM policy needs s3:GetObject,
   * s3:PutObject and s3:DeleteObject on it). Set false only for Terraform older than 1.10, which rejects the
   * setting, and give `lockTable` instead.
   * @default true
   */
  readonly useLockfile?: boolean;
  /**
   * A DynamoDB table to lock with as well (`dynamodb_table`), while moving an existing setup to the lock file: with
   * both, Terraform takes both locks. Deprecated by Terraform 1.11, which warns about it.
   * @default none: the lock file alone
   */
  readonly lockTable?: string;
}

/** State in PostgreSQL: one schema per stack. The connection string is read by Terraform from `PG_CONN_STR`. */
export interface PgStateOptions {
  /** Schema prefix: each stack's state is in `<schemaPrefix>_<stack, with '_' for '-'>`. @default "kong_ai_platform" */
  readonly schemaPrefix?: string;
}

/**
 * Where Terraform keeps the state of a stack. Every stack gets its own state, named after the stack, so two apps
 * (or two environments) with different stack names never share state.
 * ```ts
 * new AiPlatform(app, "acme", { environment: "dev", backend: StateBackend.fromEnv(), ... });
 * StateBackend.s3({ bucket: "acme-tf-state", region: "eu-west-1" }).applyTo(myOwnStack);
 * ```
 */
export abstract class StateBackend {
  /** Local state files, outside the output folder (the cdktf CLI deletes stack folders it no longer synthesizes). */
  public static local(options: LocalStateOptions = {}): StateBackend {
    const v = new Problems("StateBackend.local");
    const o = options ?? {};
    if (o.directory !== undefined && (typeof o.directory !== "string" || o.directory.trim() === "")) {
      v.add("directory", o.directory, "must be a non-empty path, absolute or relative to the project");
    }
    v.throwIfAny();
    return new LocalState(o.directory);
  }

  /**
   * State in S3 (`encrypt = true`), locked with S3's lock file (`use_lockfile`). Credentials come from the usual AWS
   * environment, never from the app.
   */
  public static s3(options: S3StateOptions): StateBackend {
    const v = new Problems("StateBackend.s3");
    const o = (options ?? {}) as Partial<S3StateOptions>;
    for (const field of ["bucket", "region"] as const) {
      if (typeof o[field] !== "string" || o[field] === "") v.add(field, o[field], "is required");
    }
    checkS3Locking(v, o);
    v.throwIfAny();
    return new S3State(o as S3StateOptions);
  }

  /** State in PostgreSQL. `PG_CONN_STR` (it holds a password) is read by Terraform and never enters the JSON. */
  public static pg(options: PgStateOptions = {}): StateBackend {
    return new PgState(options?.schemaPrefix);
  }

  /**
   * The backend named by environment variables, so one app deploys from a laptop and from CI unchanged:
   * `TF_BACKEND=local` (default; `TF_STATE_DIR`, absolute or relative to the project), `s3` (`TF_STATE_BUCKET`,
   * `TF_STATE_REGION`, optional `TF_STATE_KEY_PREFIX`, `TF_STATE_USE_LOCKFILE` (`true` or `false`; default true),
   * `TF_STATE_LOCK_TABLE`) or `pg` (optional
   * `TF_STATE_PG_SCHEMA_PREFIX`; export `PG_CONN_STR` for Terraform).
   */
  public static fromEnv(env: NodeJS.ProcessEnv = process.env): StateBackend {
    const type = env.TF_BACKEND ?? "local";
    const v = new Problems("backend");
    switch (type) {
      case "local":
        if (env.TF_STATE_DIR === "") v.add("TF_STATE_DIR", env.TF_STATE_DIR, "must be a path when set: unset it for <project>/terraform-state").throwIfAny();
        return new LocalState(env.TF_STATE_DIR);
      case "s3":
        if (!env.TF_STATE_BUCKET) v.add("TF_STATE_BUCKET", env.TF_STATE_BUCKET, "is required when TF_BACKEND=s3");
        if (!env.TF_STATE_REGION) v.add("TF_STATE_REGION", env.TF_STATE_REGION, "is required when TF_BACKEND=s3");
        if (![undefined, "true", "false"].includes(env.TF_STATE_USE_LOCKFILE)) {
          v.add("TF_STATE_USE_LOCKFILE", env.TF_STATE_USE_LOCKFILE, 'must be "true" or "false" (unset: true)');
        } else if (env.TF_STATE_USE_LOCKFILE === "false" && !env.TF_STATE_LOCK_TABLE) {
          v.add("TF_STATE_USE_LOCKFILE", "false", `${NO_LOCK} Set TF_STATE_LOCK_TABLE (Terraform < 1.10) or unset TF_STATE_USE_LOCKFILE`);
        }
        v.throwIfAny();
        return new S3State({
          bucket: env.TF_STATE_BUCKET as string,
          region: env.TF_STATE_REGION as string,
          keyPrefix: env.TF_STATE_KEY_PREFIX,
          useLockfile: env.TF_STATE_USE_LOCKFILE === undefined ? undefined : env.TF_STATE_USE_LOCKFILE === "true",
          lockTable: env.TF_STATE_LOCK_TABLE || undefined,
        });
      case "pg":
        return new PgState(env.TF_STATE_PG_SCHEMA_PREFIX);
      default:
        v.add("TF_BACKEND", type, 'must be one of "local", "s3", "pg"').throwIfAny();
        throw new Error("unreachable");
    }
  }

  /** "local", "s3" or "pg" for the backends made here; a subclass (e.g. for GCS) names its own. */
  public abstract readonly type: string;

  /** Configures the stack's backend; the state file, key or schema is named after the stack (`stack.node.id`). */
  public abstract applyTo(stack: TerraformStack): void;
}

class LocalState extends StateBackend {
  public readonly type = "local";
  constructor(private readonly directory: string | undefined) {
    super();
  }

  public applyTo(stack: TerraformStack): void {
    new LocalBackend(stack, { path: `${localStateFolder(stack, this.directory ?? "terraform-state")}/${stack.node.id}.tfstate` });
  }
}

class S3State extends StateBackend {
  public readonly type = "s3";
  constructor(private readonly o: S3StateOptions) {
    super();
  }

  public applyTo(stack: TerraformStack): void {
    const backend = new S3Backend(stack, {
      bucket: this.o.bucket,
      region: this.o.region,
      key: `${this.o.keyPrefix ?? "kong-ai-platform"}/${stack.node.id}.tfstate`,
      encrypt: true,
      dynamodbTable: this.o.lockTable,
    });
    // cdktf 0.21's S3BackendConfig has no use_lockfile; an override lands in terraform.backend.s3 as is.
    if (this.o.useLockfile !== false) backend.addOverride("use_lockfile", true);
  }
}

const NO_LOCK = "leaves the state without a lock (no DynamoDB table either): two applies at once could corrupt it.";

/** Locking: the lock file unless turned off, then a DynamoDB table; state without any lock is refused. */
function checkS3Locking(v: Problems, o: Partial<S3StateOptions>): void {
  if (o.useLockfile !== undefined && typeof o.useLockfile !== "boolean") v.add("useLockfile", o.useLockfile, "must be true or false");
  if (o.lockTable !== undefined && (typeof o.lockTable !== "string" || o.lockTable === "")) {
    v.add("lockTable", o.lockTable, "must be the name of a DynamoDB table, or left out");
  }
  if (o.useLockfile === false && !o.lockTable) {
    v.add(
      "useLockfile",
      false,
      `${NO_LOCK} Give lockTable (Terraform < 1.10) or keep the lock file`,
    );
  }
}

class PgState extends StateBackend {
  public readonly type = "pg";
  constructor(private readonly schemaPrefix: string | undefined) {
    super();
  }

  public applyTo(stack: TerraformStack): void {
    // conn_str is left out on purpose: Terraform reads PG_CONN_STR, so no password lands in the JSON.
    new PgBackend(stack, {
      schemaName: `${this.schemaPrefix ?? "kong_ai_platform"}_${stack.node.id.replace(/-/g, "_")}`,
    } as unknown as ConstructorParameters<typeof PgBackend>[1]);
  }
}

/**
 * The state folder as Terraform sees it. Terraform runs in `<output folder>/stacks/<stack>/`, so a folder of the
 * project is written relative to that one (`../../../terraform-state` with the default `cdktf.out`): the JSON is the
 * same on every machine and follows the output folder wherever cdktf.json or `--output` puts it inside the project.
 * An output folder outside the project gets the absolute path, except in test apps (`Testing.app()`, whose output
 * is a temporary folder), which render as if it were `cdktf.out` so their JSON is stable.
 */
function localStateFolder(stack: TerraformStack, directory: string): string {
  if (isAbsolute(directory)) return directory.replace(/(.)\/+$/, "$1");
  const project = process.cwd();
  const target = resolve(project, directory);
  let outdir = relative(project, resolve(project, App.of(stack).outdir));
  if (outdir === ".." || outdir.startsWith(`..${sep}`) || isAbsolute(outdir)) {
    if (stack.node.tryGetContext("cdktfVersion") !== "stubbed") return target;
    outdir = "cdktf.out";
  }
  const path = relative(join(project, outdir, "stacks", stack.node.id), target);
  return path.split(sep).join("/");
}
