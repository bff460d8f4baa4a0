import { Plugin, PluginPolicy } from "../gateway/plugins/plugin";
import { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import type { ModelRateLimit } from "./props";
import type { ResolvedModel } from "./resolved";

/**
 * The policies every model's Kong service carries after its authentication and ACL (attached by `Authentication`) and
 * before the user's own `plugins`: the rate limit, the payload limit (http only).
 */
export function defaultPolicies(p: ResolvedModel): PluginPolicy[] {
  const policies: PluginPolicy[] = [];
  if (p.rateLimitPolicy) policies.push(p.rateLimitPolicy);
  if (p.protocol === "http") {
    policies.push(Plugin.requestSizeLimiting({ allowedPayloadSize: p.maxPayloadMegabytes, sizeUnit: "megabytes" }));
  }
  return policies;
}

/**
 * Per consumer, or per client IP for a public model (there is no consumer to count), counted where `limit.counters`
 * says (across all Kong pods unless told otherwise). Models with the same limits get the same policy object:
 * `Plugin.*` interns identical policies.
 */
export function rateLimitPolicy(limit: ModelRateLimit, isPublic: boolean): PluginPolicy {
  const { second, minute, hour, day } = limit;
  const counters = limit.counters ?? RateLimitCounters.cluster();
  return Plugin.rateLimiting({ second, minute, hour, day, limitBy: isPublic ? "ip" : "consumer", counters });
}
