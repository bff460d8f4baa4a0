import { Construct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { describeValue, Problems } from "../core/errors";
import { AUTHENTICATION_PLUGINS, PluginPolicy } from "./plugins/base";
import { addAll } from "./validation";

/** Where an attached plugin applies: nothing set means globally. */
export interface PluginTarget {
  readonly serviceId?: string;
  readonly routeId?: string;
  readonly consumerId?: string;
}

/** What kind of entity holds the plugins, for messages. */
export type PluginScopeKind = "gateway" | "service" | "route" | "consumer";

/**
 * The plugins of one Kong scope (the gateway, a service, a route or a consumer). Kong allows one instance of a
 * plugin per scope, so a second policy of the same name is refused with a clear error. Checks are O(1) per plugin.
 */
export class PluginHost {
  private readonly byName = new Map<string, KongPluginResource>();
  private container?: Construct;
  private authCount = 0;

  constructor(
    private readonly owner: Construct,
    private readonly kind: PluginScopeKind,
    private readonly target: () => PluginTarget,
  ) {}

  /** Whether an authentication plugin (key-auth, jwt, basic-auth, ...) is attached to this scope. */
  public get authenticates(): boolean {
    return this.authCount > 0;
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
   * kong_plugin resource under `<owner>/Plugins/<plugin name>`.
   */
  public add(policy: PluginPolicy, extraChecks?: (v: Problems) => void): KongPluginResource {
    const v = new Problems(this.owner);
    if (!(policy instanceof PluginPolicy)) {
      v.add("plugin", policy, "must be a plugin policy made with Plugin.keyAuth(), Plugin.rateLimiting(), ... or Plugin.custom()");
      v.throwIfAny();
    }
    addAll(v, policy.problems);
    extraChecks?.(v);
    if (this.byName.has(policy.name)) {
      v.add(
        "plugins",
        policy.name,
        `conflicts with the ${policy.name} plugin already attached to this ${this.kind}: Kong allows one instance of a plugin per scope; put all options into one policy`,
      );
    }
    v.throwIfAny();
    this.container ??= new Construct(this.owner, "Plugins");
    const resource = new KongPluginResource(this.container, policy.name, {
      name: policy.name,
      configJson: policy.configJson,
      ...this.target(),
    });
    this.byName.set(policy.name, resource);
    if (AUTHENTICATION_PLUGINS.has(policy.name)) this.authCount++;
    return resource;
  }
}

/** The message of an ACL plugin that no authentication plugin can feed. */
export function aclWithoutAuthentication(where: string): string {
  return `plugins (${describeValue("acl")}) needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on ${where}: without one Kong cannot identify the consumer and the ACL refuses every request`;
}
