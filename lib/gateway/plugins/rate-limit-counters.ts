import { isToken, plainObject, SelfValidating } from "../../core/checks";
import { ProblemRecorder, Problems } from "../../core/errors";
import { knownKeys, strictKeys } from "../../core/keys";
import { checkRedis, RedisOptions } from "./redis";

/** A Redis that Kong's rate-limiting plugins can count in: an `InClusterRedis`, an `ExistingRedis`, or your own. */
export interface IRedisConnection {
  /** How Kong connects: host, port, TLS and the password as a Kong vault reference (never a literal). */
  readonly connection: RedisOptions;
}

/** Options of `RateLimitCounters.redis`. */
export interface RedisCountersOptions {
  /**
   * Seconds between each Kong worker's syncs of its counters with Redis, or -1 to increment Redis on every request.
   * Syncing less often saves Redis round trips but lets each worker admit requests Redis has not counted yet.
   * @default -1 (synchronous: accurate)
   */
  readonly syncRateSeconds?: number;
}

const REDIS_COUNTERS_KEYS = knownKeys<RedisCountersOptions>()(["syncRateSeconds"]);

/** Where a platform's rate limits count, as published to its teams (see `PlatformAttachmentValues.rateLimitCounters`). */
export type PublishedCounters =
  | { readonly policy: "local" | "cluster" }
  | { readonly policy: "redis"; readonly redis: RedisOptions; readonly syncRateSeconds: number };

const PUBLISHED_POLICY_KEYS = knownKeys<{ policy: unknown }>()(["policy"]);
const PUBLISHED_REDIS_KEYS = knownKeys<{ policy: unknown; redis: unknown; syncRateSeconds: unknown }>()(["policy", "redis", "syncRateSeconds"]);

type Spec = { readonly policy: "local" | "cluster" } | { readonly policy: "redis"; readonly redis: unknown; readonly options: unknown };

/**
 * Where Kong's rate-limiting plugin keeps its counters (its `policy`), and so what a limit of N per window means once
 * Kong runs several pods (Kong's rate-limiting docs, "Strategies"; `kong/plugins/rate-limiting/policies`, 3.9):
 * - `cluster()`: counters in Kong's PostgreSQL, shared by every pod: about N across the cluster. Per request and per
 *   window, one read of the counter before proxying and one increment written after (`INSERT ... ON CONFLICT ... DO
 *   UPDATE`): Kong calls it the most accurate without extra components and the most costly for the database. The read
 *   and the increment are not atomic, so a burst across pods can pass a few more than N.
 * - `redis(redis)`: counters in Redis, shared by every pod: about N across the cluster, with one Redis round trip
 *   (INCR + EXPIRE) per request and window instead of the database's two statements; `syncRateSeconds` trades that
 *   accuracy for fewer round trips.
 * - `local()`: counters in each Kong pod's memory: N **per pod**, so 3 pods admit up to 3 × N (more when a pod's
 *   nginx workers, each counting alone, are busy). No cost; for limits that guard a pod rather than a budget.
 * With `faultTolerant` (the plugin's default), a failing store lets requests through uncounted.
 */
export class RateLimitCounters implements SelfValidating {
  private static readonly LOCAL = new RateLimitCounters({ policy: "local" });
  private static readonly CLUSTER = new RateLimitCounters({ policy: "cluster" });

  /** Counters in each Kong pod: a limit of N admits N per pod. */
  public static local(): RateLimitCounters {
    return RateLimitCounters.LOCAL;
  }

  /** Counters in Kong's PostgreSQL: about N across all pods; a read and a write of the database per request and window. */
  public static cluster(): RateLimitCounters {
    return RateLimitCounters.CLUSTER;
  }

  /**
   * The counters a platform published (`PublishedCounters`); problems are recorded under `field` of `v` and give
   * undefined.
   */
  public static fromPublished(v: Problems, field: string, value: unknown): RateLimitCounters | undefined {
    const o = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    if (!strictKeys(v, field, value, o.policy === "redis" ? PUBLISHED_REDIS_KEYS : PUBLISHED_POLICY_KEYS)) return undefined;
    if (o.policy === "local" || o.policy === "cluster") return o.policy === "local" ? RateLimitCounters.LOCAL : RateLimitCounters.CLUSTER;
    if (o.policy !== "redis") {
      v.add(`${field}.policy`, o.policy, 'must be "local", "cluster" or "redis"');
      return undefined;
    }
    const counters = RateLimitCounters.redis(o.redis as RedisOptions, { syncRateSeconds: o.syncRateSeconds as number });
    return counters.validate(v, field) ? counters : undefined;
  }

  /** Counters in Redis: about N across all pods; one Redis round trip per request and window. */
  public static redis(redis: IRedisConnection | RedisOptions, options: RedisCountersOptions = {}): RateLimitCounters {
    const connection = redis !== null && typeof redis === "object" && "connection" in redis ? redis.connection : redis;
    return new RateLimitCounters({ policy: "redis", redis: connection, options });
  }

  private constructor(private readonly spec: Spec) {}

  /** Kong's `policy`: "local", "cluster" or "redis". */
  public get policy(): "local" | "cluster" | "redis" {
    return this.spec.policy;
  }

  /** Whether a limit of N admits about N across every Kong pod (cluster or redis), rather than N per pod (local). */
  public get sharedByPods(): boolean {
    return this.spec.policy !== "local";
  }

  /**
   * @internal What a platform publishes to its teams (`team_<name>`): the policy, and for Redis its connection (host,
   * port, TLS, the password as a Kong vault reference) and sync rate. Read back with `RateLimitCounters.fromPublished`.
   */
  public _published(): PublishedCounters {
    const spec = this.spec;
    if (spec.policy !== "redis") return { policy: spec.policy };
    const options = (spec.options !== null && typeof spec.options === "object" ? spec.options : {}) as RedisCountersOptions;
    return { policy: "redis", redis: spec.redis as RedisOptions, syncRateSeconds: options.syncRateSeconds ?? -1 };
  }

  public validate(v: Problems, field: string): boolean {
    return this._render(v, field) !== undefined;
  }

  /**
   * @internal The plugin's `policy`, `redis` and `sync_rate`, in Kong's form, after recording their problems under
   * `field` (undefined when there were any).
   */
  public _render(v: Problems, field: string): Record<string, unknown> | undefined {
    const spec = this.spec;
    if (spec.policy !== "redis") return { policy: spec.policy, sync_rate: -1 };
    const recorder = new ProblemRecorder(field);
    const redis = checkRedis(recorder, spec.redis);
    const o = (spec.options !== null && typeof spec.options === "object" ? spec.options : {}) as RedisCountersOptions;
    if (plainObject(recorder, "options", spec.options, "must be an object { syncRateSeconds? }")) strictKeys(recorder, "", spec.options, REDIS_COUNTERS_KEYS);
    const sync = o.syncRateSeconds ?? -1;
    if (!isToken(sync) && (typeof sync !== "number" || !Number.isFinite(sync) || (sync !== -1 && sync < 0.02))) {
      recorder.add("syncRateSeconds", sync, "must be -1 (synchronous) or at least 0.02 seconds");
    }
    v.addAll(recorder.items);
    return recorder.isEmpty ? { policy: "redis", redis, sync_rate: sync } : undefined;
  }
}
