import { Construct, IConstruct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { describeValue, Problems } from "../core/errors";
import { isToken } from "../core/checks";
import { NO_CONSUMER_PLUGINS } from "./plugins/plugin-sets";
import { AuthenticationEntry, checkAuthenticationCombination } from "./authentication-combination";
import { corsWithoutPreflight, missesPreflight, routeWithoutPreflight } from "./preflight";
import { PluginPolicy } from "./plugins/plugin";

/** Where an attached plugin applies: nothing set means globally. */
export interface PluginTarget {
  readonly serviceId?: string;
  readonly routeId?: string;
  readonly consumerId?: string;
}

/** What kind of entity holds the plugins, for messages. */
export type PluginScopeKind = "gateway" | "service" | "route" | "consumer";

/** A construct that holds Kong plugins: a gateway (globally), a service, a route or a consumer. */
export interface IPluginScope extends IConstruct {
  /** Attaches a plugin policy to this scope; returns the kong_plugin resource it created. */
  addPlugin(policy: PluginPolicy): KongPluginResource;
  /** @internal The plugins attached to this scope. */
  readonly _plugins: PluginHost;
}

/** @internal How a scope's plugins are attached and which other scopes' authentication covers it. */
export interface PluginHostOptions {
  readonly kind: PluginScopeKind;
  /** The Kong entity the plugins apply to (read when a plugin is attached). */
  readonly target: () => PluginTarget;
  /** Scopes whose authentication also covers this one: a route's service and gateway, a service's gateway. */
  readonly enclosing?: () => readonly PluginHost[];
  /** Scopes that cover this one when every one of them authenticates: a service's routes. */
  readonly parts?: () => readonly PluginHost[];
  /**
   * `replace_triggered_by` entries of the plugins: the scope's own id when this library creates the scope. Kong deletes
   * a route's or service's plugins with it, so a plugin must be replaced with its scope, not updated (a PATCH to a
   * deleted plugin fails).
   */
  readonly replacedWith?: () => readonly string[];
}

/** Where an ACL of each kind of scope finds an authentication plugin, for its error message. */
const ACL_AUTHENTICATED_ON: Record<PluginScopeKind, string> = {
  gateway: "the gateway (globally)",
  service: "this service, each of its routes, or the gateway (globally)",
  route: "this route, its service or the gateway (globally)",
  consumer: "this consumer",
};

/**
 * Not exported from the package entry (its declaration ships: entities hold one). The plugins of one Kong scope (the
 * gateway, a service, a route or a consumer). Kong allows one instance of a plugin per scope, so a second policy of the same name is refused with a clear error; plugins Kong marks
 * `no_consumer` are refused on consumers; an ACL is checked at synth time to have an authentication plugin on this
 * scope or one that covers it. Two checks look at the scopes a plugin's requests also pass through (this route's
 * service and gateway; a service's routes; every service and route, for a gateway's plugin): an authentication
 * plugin that Kong would AND with another (`authentication-combination.ts`), and a cors plugin over a route that
 * cannot match a preflight (`preflight.ts`). Other plugins are checked in O(1).
 */
export class PluginHost {
  /** @internal A route's methods (set by the route once checked): what its preflight check reads. Undefined: any method. */
  public routeMethods?: readonly string[];
  /** @internal The authentication plugins attached here, by name: whether each has `anonymous`, and whether AND was asked for. */
  public readonly authentication = new Map<string, AuthenticationEntry>();
  private readonly byName = new Map<string, KongPluginResource>();
  private container?: Construct;

  /** @internal */
  constructor(
    private readonly owner: Construct,
    private readonly options: PluginHostOptions,
  ) {}

  /** Whether an authentication plugin (key-auth, jwt, basic-auth, ...) is attached to this scope. */
  public get authenticates(): boolean {
    return this.authentication.size > 0;
  }

  /** What kind of scope this is. */
  public get kind(): PluginScopeKind {
    return this.options.kind;
  }

  /** The construct that holds the plugins (the gateway, service, route or consumer). */
  public get scope(): IConstruct {
    return this.owner;
  }

  /** The names of the attached plugins, in attachment order. */
  public get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The kong_plugin resource of an attached plugin. */
  public resourceOf(name: string): KongPluginResource | undefined {
    return this.byName.get(name);
  }

  /**
   * Attaches a policy: reports its option problems and scope conflicts under the owner's path, then creates the
   * kong_plugin resource under `<owner>/Plugins/<plugin name>` and returns it. `allOf` marks an authentication plugin
   * whose AND with the others was asked for (`Authentication.allOf`).
   */
  public add(policy: PluginPolicy, options: { readonly allOf?: boolean } = {}): KongPluginResource {
    const kind = this.options.kind;
    const v = new Problems(this.owner);
    if (!(policy instanceof PluginPolicy)) {
      v.add("plugin", policy, "must be a plugin policy made with Plugin.keyAuth(), Plugin.rateLimiting(), ... or Plugin.custom()");
      v.throwIfAny();
    }
    v.addAll(policy.problems);
    if (kind === "consumer" && (!policy.consumerScopable || NO_CONSUMER_PLUGINS.has(policy.name))) {
      v.add("plugins", policy.name, "cannot be scoped to a consumer (Kong marks it no_consumer): attach it to a route, a service or the gateway");
    }
    if (policy.name === "cors") {
      for (const route of this.routesCovered()) {
        if (missesPreflight(route.routeMethods)) v.add("plugins", policy.name, corsWithoutPreflight(route.owner.node.path, route.routeMethods));
      }
    }
    // (a policy with problems has no config to judge: its problems are reported instead)
    const entry: AuthenticationEntry | undefined =
      policy.authenticates && policy.problems.length === 0
        ? { name: policy.name, anonymous: policy.config.anonymous !== undefined && policy.config.anonymous !== null, allOf: options.allOf === true }
        : undefined;
    if (entry) checkAuthenticationCombination(v, this, entry, this.chainsThrough());
    if (this.byName.has(policy.name)) {
      v.add(
        "plugins",
        policy.name,
        `conflicts with the ${policy.name} plugin already attached to this ${kind}: Kong allows one instance of a plugin per scope; put all options into one policy`,
      );
    }
    v.throwIfAny();
    this.container ??= new Construct(this.owner, "Plugins");
    const triggers = this.options.replacedWith?.() ?? [];
    const resource = new KongPluginResource(this.container, policy.name, {
      name: policy.name,
      configJson: policy.configJson,
      ...this.options.target(),
      lifecycle: triggers.length > 0 ? { replaceTriggeredBy: [...triggers] } : undefined,
    });
    this.byName.set(policy.name, resource);
    if (entry) this.authentication.set(policy.name, entry);
    if (policy.name === "acl") {
      this.owner.node.addValidation({ validate: () => (this.aclCanIdentify() ? [] : [aclWithoutAuthentication(ACL_AUTHENTICATED_ON[kind])]) });
    }
    if (policy.name === "proxy-cache" && Array.isArray(policy.config.request_method)) {
      const cached = policy.config.request_method as string[];
      this.owner.node.addValidation({ validate: () => this.uncacheable(cached) });
    }
    return resource;
  }

  /**
   * Records a route's methods (called by the route, once checked) and reports, under `methods`, a cors plugin on a
   * scope enclosing it that the route would keep from answering preflights.
   */
  public setRouteMethods(v: Problems, methods: readonly string[] | undefined): void {
    this.routeMethods = methods;
    if (!missesPreflight(methods)) return;
    for (const host of this.options.enclosing?.() ?? []) {
      if (host.byName.has("cors")) v.add("methods", methods, routeWithoutPreflight(host.options.kind));
    }
  }

  /** The route scopes a plugin of this scope applies to: this route, a service's routes, every route of a gateway. */
  private routesCovered(): readonly PluginHost[] {
    switch (this.options.kind) {
      case "route":
        return [this];
      case "service":
        return this.options.parts?.() ?? [];
      case "gateway":
        return this.hostsBelow().filter((h) => h.options.kind === "route");
      default:
        return [];
    }
  }

  /**
   * The scopes whose plugins Kong runs together on one request, for every kind of request a plugin here applies to:
   * each as a chain from the innermost scope out (a route, its service, the gateway). This scope's own chain, and
   * those of the routes (of a service) or of every service and route (of a gateway) below it.
   */
  private chainsThrough(): PluginHost[][] {
    const chainOf = (h: PluginHost): PluginHost[] => [h, ...(h.options.enclosing?.() ?? [])];
    const below = this.options.kind === "service" ? (this.options.parts?.() ?? []) : this.options.kind === "gateway" ? this.hostsBelow() : [];
    return [chainOf(this), ...below.map(chainOf)];
  }

  /** Every service and route scope under a gateway (walked only when a gateway gets a plugin that needs it). */
  private hostsBelow(): PluginHost[] {
    return this.owner.node
      .findAll()
      .map((c) => (c as Partial<IPluginScope>)._plugins)
      .filter((h): h is PluginHost => h instanceof PluginHost && h !== this && (h.options.kind === "route" || h.options.kind === "service"));
  }

  /** Whether an authentication plugin on this scope, on a scope enclosing it, or on every one of its parts feeds an ACL. */
  /**
   * A proxy cache no request can reach: every route it covers has literal methods, none of which it caches (a
   * POST-only model with the default GET/HEAD cache). Routes added later count, so it runs at synth.
   */
  private uncacheable(cached: readonly string[]): string[] {
    const routes = this.routesCovered();
    if (routes.length === 0 || routes.some((r) => r.routeMethods === undefined || isToken(r.routeMethods))) return [];
    const methods = [...new Set(routes.flatMap((r) => r.routeMethods as readonly string[]))];
    if (methods.some((m) => cached.includes(m))) return [];
    return [
      `plugins (${describeValue("proxy-cache")}) caches only ${describeValue(cached)} requests, and the routes it covers match only ${describeValue(methods)}: nothing would ever be cached. Add a route for one of its methods, or set requestMethod`,
    ];
  }

  private aclCanIdentify(): boolean {
    if (this.authenticates || (this.options.enclosing?.() ?? []).some((h) => h.authenticates)) return true;
    const parts = this.options.parts?.() ?? [];
    return parts.length > 0 && parts.every((h) => h.authenticates);
  }
}

/** The message of an ACL plugin that no authentication plugin can feed. */
function aclWithoutAuthentication(where: string): string {
  return `plugins (${describeValue("acl")}) needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on ${where}: without one Kong cannot identify the consumer and the ACL refuses every request`;
}
