import { Plugin } from "../gateway/plugins/plugin";
import { PluginPolicy } from "../gateway/plugins/plugin";
import type { ModelRateLimit } from "./props";
import type { ResolvedModel } from "./resolved";

/**
 * The policies every model's Kong service carries, before the user's own `plugins`: key-auth and an ACL unless the
 * model is public, the rate limit, the payload limit (http only).
 */
export function defaultPolicies(p: ResolvedModel): PluginPolicy[] {
  const policies: PluginPolicy[] = [];
  if (!p.public) {
    policies.push(modelKeyAuth());
    policies.push(Plugin.acl({ allow: p.allowedGroups, hideGroupsHeader: true }));
  }
  if (p.rateLimitPolicy) policies.push(p.rateLimitPolicy);
  if (p.protocol === "http") {
    policies.push(memo(`size:${p.maxPayloadMegabytes}`, () => Plugin.requestSizeLimiting({ allowedPayloadSize: p.maxPayloadMegabytes, sizeUnit: "megabytes" })));
  }
  return policies;
}

/**
 * Policies are immutable and may be attached to many scopes, so models with the same settings share one policy
 * object (and its rendered config_json) instead of rebuilding it per model: a platform of 1,000 models builds a
 * handful of these, not thousands.
 */
const sharedPolicies = new Map<string, PluginPolicy>();
function memo(key: string, make: () => PluginPolicy): PluginPolicy {
  let policy = sharedPolicies.get(key);
  if (policy === undefined) {
    policy = make();
    sharedPolicies.set(key, policy);
  }
  return policy;
}

/** Keys only in a header (a key in the query string ends up in access logs and browser history), hidden upstream. */
function modelKeyAuth(): PluginPolicy {
  return memo("key-auth", () => Plugin.keyAuth({ hideCredentials: true, keyInQuery: false }));
}

/** Per consumer, or per client IP for a public model (there is no consumer to count). */
export function rateLimitPolicy(limit: ModelRateLimit, isPublic: boolean): PluginPolicy {
  const { second, minute, hour, day } = limit;
  const key = `rate:${JSON.stringify([second, minute, hour, day, isPublic])}`;
  const make = () => Plugin.rateLimiting({ ...limit, limitBy: isPublic ? "ip" : "consumer", policy: "local" });
  // only plain, fully-known limits are shared; anything else (extra keys, tokens) gets its own policy
  const plain = Object.keys(limit).every((k) => ["second", "minute", "hour", "day"].includes(k)) && [second, minute, hour, day].every((x) => x === undefined || typeof x === "number");
  return plain ? memo(key, make) : make();
}
