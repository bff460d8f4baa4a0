import { IConstruct } from "constructs";
import { describeValue, Problems } from "../core/errors";

/** @internal An authentication plugin attached to a scope, as far as combining it with others is concerned. */
export interface AuthenticationEntry {
  /** Kong's plugin name: key-auth, jwt, basic-auth, ... */
  readonly name: string;
  /** Whether the plugin has `anonymous` (logical OR with the others). */
  readonly anonymous: boolean;
  /** Whether AND with the others was asked for (`Authentication.allOf`). */
  readonly allOf: boolean;
}

/** @internal A scope holding plugins, as the check below sees it. */
export interface AuthenticationScope {
  readonly authentication: ReadonlyMap<string, AuthenticationEntry>;
  readonly kind: string;
  readonly scope: IConstruct;
}

/**
 * @internal Kong runs every authentication plugin of a request's route, service and the gateway (for one plugin name, the
 * innermost scope's instance). A plugin without `anonymous` fails the request with 401 when its own credential is
 * missing, even if another plugin already authenticated it (`logical_AND_authentication` in Kong 3.9's key-auth and
 * jwt handlers); only when every one of them has `anonymous` does any one credential suffice
 * (`logical_OR_authentication`). So two or more authentication plugins on one request where one lacks `anonymous`
 * is an AND, refused unless it was asked for with `Authentication.allOf`.
 *
 * `chains` are the scopes a request passes through, innermost first, for every kind of request `entry` (about to be
 * attached to `host`) would apply to. Reports at most one problem, under `plugins`.
 */
export function checkAuthenticationCombination(v: Problems, host: AuthenticationScope, entry: AuthenticationEntry, chains: readonly (readonly AuthenticationScope[])[]): void {
  for (const chain of chains) {
    const effective = new Map<string, { entry: AuthenticationEntry; on: AuthenticationScope }>();
    for (const scope of chain) {
      const entries = scope === host ? [...scope.authentication.values(), entry] : scope.authentication.values();
      for (const e of entries) if (!effective.has(e.name)) effective.set(e.name, { entry: e, on: scope });
    }
    // the new plugin does not run on these requests (an inner scope has its own instance), or runs alone
    if (effective.get(entry.name)?.entry !== entry || effective.size < 2) continue;
    const all = [...effective.values()];
    const anded = all.filter((x) => !x.entry.anonymous && !x.entry.allOf);
    if (anded.length === 0) continue;
    const others = all.filter((x) => x.entry !== entry).map((x) => `${x.entry.name} ${where(x.on, host)}`);
    v.add("plugins", entry.name, andMessage(others, anded.map((x) => x.entry.name)));
    return;
  }
}

function where(on: AuthenticationScope, host: AuthenticationScope): string {
  if (on === host) return `(on this ${on.kind})`;
  return on.kind === "gateway" ? "(on the gateway, globally)" : `(on the ${on.kind} ${on.scope.node.path})`;
}

function andMessage(others: string[], anded: string[]): string {
  return (
    `would run together with ${others.join(", ")} on the same requests, and Kong enforces every authentication plugin without "anonymous" ` +
    `(${anded.map((n) => describeValue(n)).join(", ")}): a client presenting one credential gets 401 from the other. ` +
    "For any one credential to suffice, use Authentication.anyOf(Authentication.keyAuth(), Authentication.jwt()) (a model's authentication prop, " +
    "or Authentication.anyOf(...).attachTo(service, { allow }) on a service or route): each method gets the anonymous consumer and an ACL refuses it. " +
    "If every credential must be presented, say so with Authentication.allOf(...)"
  );
}
