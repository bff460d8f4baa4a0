import { Problems } from "../core/errors";
import type { Authentication } from "../gateway/authentication";
import type { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import { KONG_REDIS_PASSWORD_ENV } from "../redis/kong-redis";
import type { IKongRedis } from "../redis/kong-redis";
import type { KongClusterProps } from "../kong/kong-cluster-props";
import type { ModelRateLimit } from "../models/props";
import { MODEL_DEFAULTS } from "../models/resolved";
import { PlatformRedis } from "./platform-redis";

/** What the platform gives the models that do not choose for themselves. */
export interface PlatformModelDefaults {
  /** Where a model's rate limit counts. */
  readonly counters: RateLimitCounters;
  /** How a model that is not public authenticates. @default the model's own default (key-auth) */
  readonly authentication?: Authentication;
}

/** The parts of a model the platform's defaults fill in. */
interface ModelPolicyProps {
  readonly rateLimit?: ModelRateLimit | false;
  readonly authentication?: Authentication;
  readonly public?: unknown;
}

/** A model with the platform's defaults where it sets none: its rate limit's counters, its authentication. */
export function withPlatformPolicies<M extends ModelPolicyProps>(model: M, defaults: PlatformModelDefaults): M {
  let out = model;
  const limit = model.rateLimit;
  if (limit !== false && (limit === undefined || (limit !== null && typeof limit === "object" && limit.counters === undefined))) {
    out = { ...out, rateLimit: { ...(limit ?? MODEL_DEFAULTS.rateLimit), counters: defaults.counters } };
  }
  if (defaults.authentication !== undefined && model.authentication === undefined && model.public === undefined) {
    out = { ...out, authentication: defaults.authentication };
  }
  return out;
}

/** Kong's trust store: one setting for every TLS client of Kong (PostgreSQL, Redis), which the database may set. */
const TRUST_STORE = "KONG_LUA_SSL_TRUSTED_CERTIFICATE";

/**
 * Kong's props with what the Redis needs merged in: the password variable read from its Secret, and plain settings
 * unless the user's `env` sets them already. Kong's trust store is left alone when the database verifies its server
 * (`sslVerify`): KongCluster then trusts the system roots already (plus the database's CA), which verify Redis too.
 */
export function withRedisSettings<K extends Pick<KongClusterProps, "env" | "envFromSecrets">>(kong: K, redis: IKongRedis | undefined, databaseVerifies: boolean): K {
  if (redis === undefined) return kong;
  const env = Object.fromEntries(Object.entries(redis.kongEnv).filter(([key]) => !(databaseVerifies && key === TRUST_STORE)));
  return {
    ...kong,
    env: { ...env, ...(kong.env ?? {}) },
    envFromSecrets: { ...(kong.envFromSecrets ?? {}), ...redis.kongEnvFromSecrets },
  };
}

/** `redis` must be a PlatformRedis, and Kong's own settings must leave the password variable to it. */
export function checkRedisChoice(v: Problems, redis: unknown, kong: Pick<KongClusterProps, "env" | "envFromSecrets"> | undefined): void {
  if (redis === undefined) return;
  if (!(redis instanceof PlatformRedis)) {
    v.add("redis", redis, "must be made with PlatformRedis.inCluster() or PlatformRedis.existing({ host, ... })");
    return;
  }
  for (const field of ["env", "envFromSecrets"] as const) {
    const settings = kong?.[field];
    if (settings !== null && typeof settings === "object" && Object.prototype.hasOwnProperty.call(settings, KONG_REDIS_PASSWORD_ENV)) {
      v.add(`kong.${field}.${KONG_REDIS_PASSWORD_ENV}`, "<set>", "is set by the platform from its redis (the password's Secret): remove it");
    }
  }
}
