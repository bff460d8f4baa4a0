import { bool, integerIn, nonEmptyString, required } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { host, sni } from "../validation";
import { compact } from "./render";

/**
 * Redis connection of the rate-limiting plugins (Kong/kong 3.9.1 `kong/tools/redis/schema.lua`).
 * The password must be an unresolved token (a sensitive Terraform variable or a secret's reference): a literal would
 * be written in plain text into the synthesized JSON.
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
  /** Password, from a sensitive variable (`TerraformVariable.stringValue`); never a literal. @default none */
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

/** Checks a redis record (prefix `redis`) and returns its snake_case form, with Kong's defaults. */
export function checkRedis(v: ProblemRecorder, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) {
    v.add("redis.host", undefined, 'is required when policy is "redis"');
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add("redis", value, "must be an object with at least host");
    return undefined;
  }
  const r = value as Partial<RedisOptions>;
  if (required(v, "redis.host", r.host, 'is required when policy is "redis"')) host(v, "redis.host", r.host);
  integerIn(v, "redis.port", r.port, 0, 65535);
  integerIn(v, "redis.timeoutMs", r.timeoutMs, 0, 2147483646);
  nonEmptyString(v, "redis.username", r.username);
  if (r.password !== undefined && !isToken(r.password)) {
    v.add(
      "redis.password",
      "<redacted>",
      "must come from a sensitive Terraform variable or secret reference, not a literal (it would be stored in plain text)",
    );
  }
  integerIn(v, "redis.database", r.database, 0, 2147483647);
  bool(v, "redis.ssl", r.ssl);
  bool(v, "redis.sslVerify", r.sslVerify);
  sni(v, "redis.serverName", r.serverName);
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
