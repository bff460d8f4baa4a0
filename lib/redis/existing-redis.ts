import { Construct } from "constructs";
import { bool, integerIn, isToken, nonEmptyString, required } from "../core/checks";
import { Problems } from "../core/errors";
import type { RedisOptions } from "../gateway/plugins/redis";
import { host, sni } from "../gateway/validation";
import { SecretKeyRef, secretKeyRef } from "../kubernetes/secret-ref";
import { IKongRedis, KONG_REDIS_PASSWORD_ENV, KONG_REDIS_PASSWORD_REFERENCE } from "./kong-redis";

export interface ExistingRedisProps {
  /** Host name or IP of the Redis server (a managed one: ElastiCache, Memorystore, Azure Cache), without port. */
  readonly host: string;
  /** @default 6379 */
  readonly port?: number;
  /**
   * The key of a Secret in Kong's namespace holding the password. Kong's pods read it as the environment variable
   * KONG_RATE_LIMITING_REDIS_PASSWORD, and the plugins name it by the vault reference
   * `{vault://env/kong-rate-limiting-redis-password}`: the password never enters the JSON.
   * @default none: a Redis without a password
   */
  readonly passwordSecret?: SecretKeyRef;
  /** ACL user (Redis 6+). @default none: the default user */
  readonly username?: string;
  /** Database number. @default 0 */
  readonly database?: number;
  /** Connect with TLS. @default false */
  readonly ssl?: boolean;
  /**
   * Verify the server's certificate (with `ssl`) against Kong's trust store: Kong's pods get
   * `KONG_LUA_SSL_TRUSTED_CERTIFICATE=system` (the image's CA bundle), unless Kong's database verification already
   * sets it (it then holds the system roots too). @default false
   */
  readonly sslVerify?: boolean;
  /** Server name (SNI) to send and verify with TLS. @default none: the host */
  readonly serverName?: string;
  /** Milliseconds to connect, send and read. @default 2000 */
  readonly timeoutMs?: number;
}

/**
 * A Redis configured elsewhere, for Kong's rate-limiting counters: nothing is created. Hand `kongEnvFromSecrets` and
 * `kongEnv` to the KongCluster, and the Redis to `RateLimitCounters.redis(redis)`.
 * ```ts
 * const redis = new ExistingRedis(stack, "redis", { host: "redis.prod.internal", ssl: true, sslVerify: true, passwordSecret: { name: "kong-redis", key: "password" } });
 * ```
 */
export class ExistingRedis extends Construct implements IKongRedis {
  public readonly connection: RedisOptions;
  public readonly kongEnvFromSecrets: Readonly<Record<string, SecretKeyRef>>;
  public readonly kongEnv: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ExistingRedisProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<ExistingRedisProps>;
    checkProps(this, p);
    this.connection = {
      host: p.host as string,
      port: p.port,
      timeoutMs: p.timeoutMs,
      username: p.username,
      password: p.passwordSecret ? KONG_REDIS_PASSWORD_REFERENCE : undefined,
      database: p.database,
      ssl: p.ssl,
      sslVerify: p.sslVerify,
      serverName: p.serverName,
    };
    this.kongEnvFromSecrets = p.passwordSecret ? { [KONG_REDIS_PASSWORD_ENV]: { name: p.passwordSecret.name, key: p.passwordSecret.key } } : {};
    this.kongEnv = p.sslVerify ? { KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system" } : {};
  }
}

function checkProps(scope: Construct, p: Partial<ExistingRedisProps>): void {
  const v = new Problems(scope);
  if (required(v, "host", p.host, "is required: the Redis server's host name or IP")) host(v, "host", p.host);
  integerIn(v, "port", p.port, 1, 65535);
  if (p.passwordSecret !== undefined) secretKeyRef(v, "passwordSecret", p.passwordSecret, "the Redis password");
  nonEmptyString(v, "username", p.username);
  integerIn(v, "database", p.database, 0, 2147483647);
  bool(v, "ssl", p.ssl);
  bool(v, "sslVerify", p.sslVerify);
  sni(v, "serverName", p.serverName);
  integerIn(v, "timeoutMs", p.timeoutMs, 0, 2147483646);
  if (p.ssl !== true && !isToken(p.ssl) && (p.sslVerify === true || p.serverName !== undefined)) {
    v.add(p.sslVerify === true ? "sslVerify" : "serverName", p.sslVerify === true ? true : p.serverName, "is only used with ssl: true: set ssl, or remove it");
  }
  v.throwIfAny();
}
