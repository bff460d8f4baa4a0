import { bool, nonEmptyString, oneOf } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { knownKeys, strictKeys } from "../../core/keys";
import { compact, optionsOf, PolicySpec } from "./render";
import { checkWindows, RateLimitWindows, renderWindows, WINDOW_KEYS } from "./periods";
import { checkRedis, RedisOptions } from "./redis";
import { isMapToken } from "../../core/tokens";

/**
 * Options of Kong's response-ratelimiting plugin (Kong/kong 3.9.1
 * `kong/plugins/response-ratelimiting/schema.lua`). The upstream reports usage in the `headerName` response header
 * (e.g. `x-kong-limit: tokens=120`), and Kong enforces the per-window limit of each named counter.
 * https://developer.konghq.com/plugins/response-ratelimiting/
 */
export interface ResponseRateLimitingOptions {
  /** Named counters and their windows; at least one counter with at least one window each. */
  readonly limits: Record<string, RateLimitWindows>;
  /** What usage is counted by. @default "consumer" */
  readonly limitBy?: "consumer" | "credential" | "ip";
  /** Response header the upstream reports usage in. @default "x-kong-limit" */
  readonly headerName?: string;
  /** Where counters live. @default "local" */
  readonly policy?: "local" | "cluster" | "redis";
  /** Proxy requests even when the counter store fails. @default true */
  readonly faultTolerant?: boolean;
  /** Block as soon as any one limit is exceeded. @default false */
  readonly blockOnFirstViolation?: boolean;
  /** Hide the X-RateLimit-* response headers. @default false */
  readonly hideClientHeaders?: boolean;
  /** Redis connection, required with policy "redis". @default none */
  readonly redis?: RedisOptions;
}

const RESPONSE_RATE_LIMITING_OPTION_KEYS = knownKeys<ResponseRateLimitingOptions>()([
  "limits", "limitBy", "headerName", "policy", "faultTolerant", "blockOnFirstViolation", "hideClientHeaders", "redis",
]);

export function responseRateLimiting(options: ResponseRateLimitingOptions): PolicySpec {
  const v = new ProblemRecorder("responseRateLimiting");
  const o = optionsOf(v, options, RESPONSE_RATE_LIMITING_OPTION_KEYS);
  const limits: Record<string, unknown> = {};
  if (isMapToken(o.limits)) {
    v.add("limits", o.limits, "must be a literal map (its limits may be references): each counter's config is written in full, as Kong echoes it");
  } else if (o.limits === null || typeof o.limits !== "object" || Array.isArray(o.limits)) {
    v.add("limits", o.limits, "must map a counter name to its windows, e.g. { tokens: { minute: 1000 } }");
  } else if (Object.keys(o.limits).length === 0) {
    v.add("limits", o.limits, "must define at least one counter, e.g. { tokens: { minute: 1000 } }");
  } else {
    for (const [name, windows] of Object.entries(o.limits)) {
      if (name.length === 0) v.add("limits", name, "must not use an empty counter name");
      if (windows === null || typeof windows !== "object" || Array.isArray(windows)) {
        v.add(`limits.${name}`, windows, "must be an object of windows, e.g. { minute: 1000 }");
        continue;
      }
      strictKeys(v, `limits.${name}`, windows, WINDOW_KEYS);
      if (checkWindows(v, `limits.${name}`, windows)) limits[name] = renderWindows(windows);
    }
  }
  oneOf(v, "limitBy", o.limitBy, ["consumer", "credential", "ip"]);
  nonEmptyString(v, "headerName", o.headerName);
  const policyOk = oneOf(v, "policy", o.policy, ["local", "cluster", "redis"]);
  bool(v, "faultTolerant", o.faultTolerant);
  bool(v, "blockOnFirstViolation", o.blockOnFirstViolation);
  bool(v, "hideClientHeaders", o.hideClientHeaders);
  const redis = o.policy === "redis" ? checkRedis(v, o.redis) : undefined;
  if (policyOk && o.policy !== "redis" && o.redis !== undefined) {
    v.add("redis", "<set>", 'is only used with policy "redis": set policy to "redis" or remove redis');
  }
  const config = v.isEmpty
    ? compact({
        limits,
        limit_by: o.limitBy ?? "consumer",
        header_name: o.headerName ?? "x-kong-limit",
        policy: o.policy ?? "local",
        fault_tolerant: o.faultTolerant ?? true,
        block_on_first_violation: o.blockOnFirstViolation ?? false,
        hide_client_headers: o.hideClientHeaders ?? false,
        redis,
      })
    : {};
  return {
    name: "response-ratelimiting",
    label: "responseRateLimiting",
    config,
    problems: v.items,
  };
}
