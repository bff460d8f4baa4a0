import type { IRedisConnection } from "../gateway/plugins/rate-limit-counters";
import type { SecretKeyRef } from "../kubernetes/secret-ref";

/**
 * The environment variable Kong's pods read the Redis password from, and the Kong vault reference that names it.
 * Kong's bundled `env` vault resolves `{vault://env/kong-rate-limiting-redis-password}` to the variable
 * KONG_RATE_LIMITING_REDIS_PASSWORD (upper case, `-` -> `_`; Kong's "Environment Variables Vault" docs), so the
 * plugin config, Kong's database and Terraform's state hold only the reference. Kong ignores KONG_* variables that
 * name none of its settings, and reads the environment when it starts: restart Kong after changing the password.
 */
export const KONG_REDIS_PASSWORD_ENV = "KONG_RATE_LIMITING_REDIS_PASSWORD";
export const KONG_REDIS_PASSWORD_REFERENCE = "{vault://env/kong-rate-limiting-redis-password}";

/** A Redis for Kong's rate-limiting counters: how Kong connects, and what Kong's pods need to. */
export interface IKongRedis extends IRedisConnection {
  /** Settings Kong's pods read from Secrets (the password): pass them to KongCluster's `envFromSecrets`. */
  readonly kongEnvFromSecrets: Readonly<Record<string, SecretKeyRef>>;
  /** Plain settings Kong's pods need (e.g. a trust store to verify Redis' certificate): pass them to KongCluster's `env`. */
  readonly kongEnv: Readonly<Record<string, string>>;
}
