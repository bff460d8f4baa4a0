import { bool, stringArray } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { compact, dedupe, optionsOf, PolicySpec } from "./render";

/**
 * Options of Kong's acl plugin (Kong/kong 3.9.1 `kong/plugins/acl/schema.lua`): exactly one of `allow` / `deny`.
 * The plugin only works behind an authentication plugin (key-auth, jwt, ...) on the same route or service or
 * globally; the gateway checks this at synth time.
 * https://developer.konghq.com/plugins/acl/
 */
export interface AclOptions {
  /** Consumer groups allowed through (set this or `deny`). @default none */
  readonly allow?: string[];
  /** Consumer groups refused (set this or `allow`). @default none */
  readonly deny?: string[];
  /** Do not send the X-Consumer-Groups header upstream. @default false */
  readonly hideGroupsHeader?: boolean;
  /** Use the groups of the authenticated credential even when an anonymous consumer is set. @default false */
  readonly alwaysUseAuthenticatedGroups?: boolean;
}

export function acl(options: AclOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("acl");
  const allowOk = stringArray(v, "allow", o.allow);
  const denyOk = stringArray(v, "deny", o.deny);
  bool(v, "hideGroupsHeader", o.hideGroupsHeader);
  bool(v, "alwaysUseAuthenticatedGroups", o.alwaysUseAuthenticatedGroups);
  // Kong's only_one_of / at_least_one_of treat an empty list as unset.
  const hasAllow = Array.isArray(o.allow) && o.allow.length > 0;
  const hasDeny = Array.isArray(o.deny) && o.deny.length > 0;
  if (allowOk && denyOk) {
    if (hasAllow && hasDeny) {
      v.add("allow", o.allow, "cannot be combined with deny: Kong accepts exactly one of allow or deny");
    } else if (!hasAllow && !hasDeny) {
      v.add("allow", o.allow, "or deny must list at least one group: Kong accepts exactly one of allow or deny");
    }
  }
  const config = v.isEmpty
    ? compact({
        allow: hasAllow ? dedupe(o.allow as string[]) : undefined,
        deny: hasDeny ? dedupe(o.deny as string[]) : undefined,
        hide_groups_header: o.hideGroupsHeader ?? false,
        always_use_authenticated_groups: o.alwaysUseAuthenticatedGroups ?? false,
      })
    : {};
  return { name: "acl", label: "acl", config, problems: v.items };
}
