import { AUTHENTICATION_PLUGINS } from "../gateway/plugins/plugin-sets";
import { EffectivePlugins, flag, stringList, textOf } from "./plugins";
import type { AclInfo, AuthenticationInfo, CatalogAuthMethod, CredentialLocation } from "./types";

/** The ACL groups of the consumer Kong knows by `ref` (its id, username or custom_id); undefined when not in this app. */
export type ConsumerGroups = (ref: string) => readonly string[] | undefined;

/**
 * What a route's authentication plugins demand, with Kong's semantics (Kong 3.9 `kong/plugins/*-auth/handler.lua`):
 * a plugin without `anonymous` must succeed; a plugin with `anonymous` lets a request without its credential through
 * as the anonymous consumer, so that any one of several such plugins suffices, and an ACL after them refuses the
 * anonymous consumer unless one of its groups is allowed.
 */
export function authenticationOf(plugins: EffectivePlugins, acl: AclInfo | undefined, groupsOf: ConsumerGroups): AuthenticationInfo {
  const methods: CatalogAuthMethod[] = [];
  const anonymousRefs: string[] = [];
  for (const plugin of plugins.values()) {
    if (!AUTHENTICATION_PLUGINS.has(plugin.name)) continue;
    const anonymous = textOf(plugin.config, "anonymous", "");
    if (anonymous !== "") anonymousRefs.push(anonymous);
    methods.push({
      plugin: plugin.name,
      scope: plugin.scope,
      locations: locationsOf(plugin.name, plugin.config),
      anonymous: anonymous !== "",
      runOnPreflight: flag(plugin.config, "run_on_preflight", true),
      ...(plugin.name === "jwt" ? { claimsVerified: stringList(plugin.config, "claims_to_verify") } : {}),
    });
  }
  const required = methods.filter((m) => !m.anonymous).length;
  const optional = methods.length - required;
  const mode = methods.length === 0 ? "none" : optional === 0 ? "all" : required === 0 ? "any" : "mixed";
  const anonymousAdmitted = required === 0 && (optional === 0 || anonymousRefs.some((ref) => aclAdmits(acl, groupsOf(ref) ?? [])));
  return { mode, methods, anonymousAdmitted };
}

/** Whether an ACL lets a consumer of `groups` through (no ACL: yes). Kong's `acl` plugin: allow needs one group, deny none. */
export function aclAdmits(acl: AclInfo | undefined, groups: readonly string[]): boolean {
  if (acl === undefined) return true;
  if (acl.allow !== undefined) return groups.some((g) => acl.allow?.includes(g));
  return !groups.some((g) => acl.deny?.includes(g));
}

/** One credential to present: which method, where. */
export interface Presented {
  readonly method: CatalogAuthMethod;
  readonly location: CredentialLocation;
}

/**
 * The ways a request with `httpMethod` may authenticate: each alternative is the credentials to present together (an
 * empty alternative: none needed). Plugins whose `run_on_preflight` is false skip OPTIONS requests.
 */
export function alternatives(auth: AuthenticationInfo, httpMethod: string): Presented[][] {
  const applicable = auth.methods.filter((m) => httpMethod !== "OPTIONS" || m.runOnPreflight);
  const required = applicable.filter((m) => !m.anonymous);
  const optional = applicable.filter((m) => m.anonymous);
  let base: Presented[][] = [[]];
  for (const method of required) {
    base = base.flatMap((alt) => method.locations.map((location) => [...alt, { method, location }]));
  }
  // a required plugin identifies the consumer whatever the anonymous ones did: they add nothing then
  if (required.length > 0 || optional.length === 0) return base;
  const out: Presented[][] = [];
  for (const method of optional) {
    for (const location of method.locations) out.push([{ method, location }]);
  }
  if (auth.anonymousAdmitted) out.push([]);
  return out;
}

/** Where each authentication plugin reads its credential (Kong 3.9 schemas and handlers, defaults included). */
function locationsOf(plugin: string, config: Readonly<Record<string, unknown>>): CredentialLocation[] {
  if (plugin === "key-auth") {
    const names = stringList(config, "key_names", ["apikey"]);
    const where: CredentialLocation["in"][] = [];
    if (flag(config, "key_in_header", true)) where.push("header");
    if (flag(config, "key_in_query", true)) where.push("query");
    if (flag(config, "key_in_body", false)) where.push("body");
    return where.flatMap((location) => names.map((name) => ({ in: location, name })));
  }
  if (plugin === "jwt") {
    // every header must carry "Bearer <token>" (handler.lua retrieve_tokens); Authorization is HTTP's bearer scheme
    const headers = stringList(config, "header_names", ["authorization"]).map((name): CredentialLocation =>
      name.toLowerCase() === "authorization" ? { in: "header", name: "Authorization", scheme: "bearer" } : { in: "header", name },
    );
    const query = stringList(config, "uri_param_names", ["jwt"]).map((name): CredentialLocation => ({ in: "query", name }));
    const cookies = stringList(config, "cookie_names").map((name): CredentialLocation => ({ in: "cookie", name }));
    return [...headers, ...query, ...cookies];
  }
  if (plugin === "basic-auth") return [{ in: "header", name: "Authorization", scheme: "basic" }];
  return [{ in: "header", name: "Authorization" }];
}
