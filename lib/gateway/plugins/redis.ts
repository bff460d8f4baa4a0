import { bool, integerIn, nonEmptyString, required } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { host, sni } from "../validation";
import { compact } from "./render";

/**
 * Redis connection of the rate-limiting plugins (Kong/kong 3.9.1 `kong/tools/redis/schema.lua`).
 * The password must be a Kong vault reference (`{vault://env/kong-redis-password}`: Kong reads it from its own
 * environment, so it never enters the JSON, Kong's database or Terraform's state) or an unresolved token (a sensitive
 * Terraform variable): a literal would be written in plain text into the synthesized JSON.
 */
export interface RedisOptions {
  /** Redis host name or IP, without port. Required with policy "redis". */
  readonly host: string;
  /** @default 6379 */
  readonly port?: number;
  /** Milliseconds to connect, send and read, 0..2147483646. @default 2000 */
  readonly timeoutMs?: number;
  /** ACL user name (Redis 6+). @default none */
  readonly username?: string;
  /**
   * Password: a Kong vault reference such as `{vault://env/kong-redis-password}` (Kong's bundled env vault reads the
   * environment variable KONG_REDIS_PASSWORD of its pods: give it from a Secret with KongCluster's `envFromSecrets`),
   * or a sensitive variable (`TerraformVariable.stringValue`); never a literal. @default none
   */
  readonly password?: string;
  /** Database number. @default 0 */
  readonly database?: number;
  /** Use TLS. @default false */
  readonly ssl?: boolean;
  /** Verify the server certificate. @default false */
  readonly sslVerify?: boolean;
  /** SNI name for TLS. @default none */
  readonly serverName?: string;
}

/** Checks a redis record (its fields under `field`) and returns its snake_case form, with Kong's defaults. */
export function checkRedis(v: ProblemRecorder, value: unknown, field = "redis"): Record<string, unknown> | undefined {
  if (value === undefined) {
    v.add(`${field}.host`, undefined, 'is required when policy is "redis"');
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add(field, value, "must be an object with at least host");
    return undefined;
  }
  const r = value as Partial<RedisOptions>;
  if (required(v, `${field}.host`, r.host, 'is required when policy is "redis"')) host(v, `${field}.host`, r.host);
  integerIn(v, `${field}.port`, r.port, 0, 65535);
  integerIn(v, `${field}.timeoutMs`, r.timeoutMs, 0, 2147483646);
  nonEmptyString(v, `${field}.username`, r.username);
  if (r.password !== undefined && !isToken(r.password) && !isVaultReference(r.password)) {
    v.add(
      `${field}.password`,
      "<redacted>",
      "must be a Kong vault reference ({vault://env/<name>}) or come from a sensitive Terraform variable, not a literal (it would be stored in plain text)",
    );
  }
  integerIn(v, `${field}.database`, r.database, 0, 2147483647);
  bool(v, `${field}.ssl`, r.ssl);
  bool(v, `${field}.sslVerify`, r.sslVerify);
  sni(v, `${field}.serverName`, r.serverName);
  return compact({
    host: r.host,
    port: r.port ?? 6379,
    timeout: r.timeoutMs ?? 2000,
    username: r.username,
    password: r.password,
    database: r.database ?? 0,
    ssl: r.ssl ?? false,
    ssl_verify: r.sslVerify ?? false,
    server_name: r.serverName,
  });
}

/** A Kong vault reference, `{vault://<vault>/<resource>[/<key>]...}`: Kong resolves it at run time from the vault. */
export function isVaultReference(value: unknown): boolean {
  return typeof value === "string" && /^\{vault:\/\/[a-z0-9_-]+\/[^{}\s]+\}$/i.test(value);
}
