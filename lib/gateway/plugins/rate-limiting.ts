import { bool, nonEmptyString, numberAbove, oneOf, required } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { headerName, path } from "../validation";
import { compact, optionsOf, PolicySpec } from "./render";
import { checkWindows, RateLimitWindows, renderWindows } from "./periods";
import { RateLimitCounters } from "./rate-limit-counters";
import { checkRedis, RedisOptions } from "./redis";

export type RateLimitBy = "consumer" | "credential" | "ip" | "service" | "header" | "path";
export type RateLimitPolicyType = "local" | "cluster" | "redis";

/**
 * Options of Kong's rate-limiting plugin (Kong/kong 3.9.1 `kong/plugins/rate-limiting/schema.lua`).
 * https://developer.konghq.com/plugins/rate-limiting/
 */
export interface RateLimitingOptions extends RateLimitWindows {
  /** What requests are counted by. "header" needs `headerName`, "path" needs `path`. @default "consumer" */
  readonly limitBy?: RateLimitBy;
  /** Header counted by, with limitBy "header". @default none */
  readonly headerName?: string;
  /** Path counted by, with limitBy "path". @default none */
  readonly path?: string;
  /** Where counters live: "local" (per node), "cluster" (Kong's database) or "redis" (needs `redis`). @default "local" */
  readonly policy?: RateLimitPolicyType;
  /** Proxy requests even when the counter store fails. @default true */
  readonly faultTolerant?: boolean;
  /** Hide the X-RateLimit-* response headers. @default false */
  readonly hideClientHeaders?: boolean;
  /** Status code of rejected requests (> 0). @default 429 */
  readonly errorCode?: number;
  /** Body message of rejected requests. @default "API rate limit exceeded" */
  readonly errorMessage?: string;
  /** Seconds between counter syncs with redis: -1 (synchronous) or >= 0.02; only with policy "redis". @default -1 */
  readonly syncRateSeconds?: number;
  /** Redis connection, required with policy "redis". @default none */
  readonly redis?: RedisOptions;
  /**
   * Where counters live, as a typed choice instead of `policy` / `redis` / `syncRateSeconds` (give one or the other):
   * `RateLimitCounters.cluster()`, `.redis(redis)` or `.local()`. @default none: `policy` and its options apply
   */
  readonly counters?: RateLimitCounters;
}

export function rateLimiting(options: RateLimitingOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("rateLimiting");
  checkWindows(v, "", o);
  oneOf(v, "limitBy", o.limitBy, ["consumer", "credential", "ip", "service", "header", "path"]);
  headerName(v, "headerName", o.headerName);
  path(v, "path", o.path);
  if (o.limitBy === "header") required(v, "headerName", o.headerName, 'is required when limitBy is "header"');
  if (o.limitBy === "path") required(v, "path", o.path, 'is required when limitBy is "path"');
  const policyOk = oneOf(v, "policy", o.policy, ["local", "cluster", "redis"]);
  bool(v, "faultTolerant", o.faultTolerant);
  bool(v, "hideClientHeaders", o.hideClientHeaders);
  numberAbove(v, "errorCode", o.errorCode, 0);
  nonEmptyString(v, "errorMessage", o.errorMessage);
  const counters = checkCounters(v, o);
  const redis = o.policy === "redis" ? checkRedis(v, o.redis) : undefined;
  if (policyOk && o.policy !== "redis" && o.redis !== undefined) {
    v.add("redis", "<set>", 'is only used with policy "redis": set policy to "redis" or remove redis');
  }
  checkSyncRate(v, o.syncRateSeconds, o.policy);
  const config = v.isEmpty
    ? compact({
        ...renderWindows(o),
        limit_by: o.limitBy ?? "consumer",
        header_name: o.headerName,
        path: o.path,
        policy: o.policy ?? "local",
        fault_tolerant: o.faultTolerant ?? true,
        hide_client_headers: o.hideClientHeaders ?? false,
        error_code: o.errorCode ?? 429,
        error_message: o.errorMessage ?? "API rate limit exceeded",
        sync_rate: o.syncRateSeconds ?? -1,
        redis,
        ...counters,
      })
    : {};
  return { name: "rate-limiting", label: "rateLimiting", config, problems: v.items };
}

function checkSyncRate(v: ProblemRecorder, syncRate: unknown, policy: unknown): void {
  if (syncRate === undefined || isToken(syncRate)) return;
  if (typeof syncRate !== "number" || !Number.isFinite(syncRate)) {
    v.add("syncRateSeconds", syncRate, "must be a number: -1, or >= 0.02 with policy \"redis\"");
  } else if (policy !== "redis" && syncRate !== -1) {
    v.add("syncRateSeconds", syncRate, 'can only be used with policy "redis": leave it at -1 or set policy to "redis"');
  } else if (syncRate !== -1 && syncRate < 0.02) {
    v.add("syncRateSeconds", syncRate, "must be -1 (synchronous) or at least 0.02 seconds");
  }
}

/** `counters` (a RateLimitCounters), which replaces `policy`, `redis` and `syncRateSeconds`: its rendered fields. */
function checkCounters(v: ProblemRecorder, o: Partial<RateLimitingOptions>): Record<string, unknown> | undefined {
  if (o.counters === undefined) return undefined;
  if (!(o.counters instanceof RateLimitCounters)) {
    v.add("counters", o.counters, "must be made with RateLimitCounters.cluster(), RateLimitCounters.redis(redis) or RateLimitCounters.local()");
    return undefined;
  }
  for (const field of ["policy", "redis", "syncRateSeconds"] as const) {
    if (o[field] !== undefined) v.add(field, field === "redis" ? "<set>" : o[field], "cannot be combined with counters, which sets where counters live: give one or the other");
  }
  return o.counters._render(v, "counters");
}
