import { Construct } from "constructs";
import { childId } from "../core/construct-ids";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { IGatewayContext } from "./context";
import { IPluginScope, PluginHost } from "./plugin-host";
import { PluginPolicy } from "./plugins/plugin";

/** A Kong entity of a gateway that holds plugins: a service, a route or a consumer (or a service configured elsewhere). */
export interface IGatewayEntity extends IPluginScope {
  /** The Kong id: a Terraform reference, or the literal id of an entity configured elsewhere. */
  readonly id: string;
  /** The Kong name: a service's or route's name, a consumer's username (or custom_id). */
  readonly name: string;
  /** The gateway the entity is registered in. */
  readonly gateway: IGatewayContext;
}

/**
 * Not exported from the package entry (its declaration ships: services, routes and consumers extend it). What
 * services, routes and consumers share: their gateway, their plugins (`addPlugin` returns the
 * kong_plugin it attached) and their Kong id, a reference token made once.
 */
export abstract class GatewayEntity extends Construct implements IGatewayEntity {
  public readonly gateway: IGatewayContext;
  public abstract readonly name: string;
  /** @internal */
  public readonly _plugins: PluginHost;
  private idToken?: string;

  protected constructor(scope: Construct, id: string, gateway: IGatewayContext, kind: "service" | "route" | "consumer") {
    super(scope, childId(scope, id));
    this.gateway = gateway;
    this._plugins = new PluginHost(this, {
      kind,
      target: () => (kind === "service" ? { serviceId: this.id } : kind === "route" ? { routeId: this.id } : { consumerId: this.id }),
      enclosing: () => this.enclosingPlugins(),
      parts: () => this.partPlugins(),
      replacedWith: () => this._replacedWith(),
    });
  }

  /**
   * The Kong id (a Terraform reference). The token is made once and reused by every route, plugin and credential
   * that points here: each new reference token costs cdktf a full stack-trace capture.
   */
  public get id(): string {
    if (this.idToken === undefined) this.idToken = this.kongId();
    return this.idToken;
  }

  /** Attaches a plugin to this entity only; returns the kong_plugin resource. */
  public addPlugin(policy: PluginPolicy): KongPluginResource {
    return this._plugins.add(policy);
  }

  /**
   * @internal `replace_triggered_by` entries of what hangs off this entity in Kong (its plugins, a service's routes):
   * the address of its own id when this library creates it, so they are replaced with it. None by default (a consumer
   * is never replaced; a service configured elsewhere is not known here).
   */
  public _replacedWith(): readonly string[] {
    return [];
  }

  /** Reads the Kong id (called once). */
  protected abstract kongId(): string;

  /** The plugins of the scopes that enclose this one (their authentication covers it): the gateway's by default. */
  protected enclosingPlugins(): readonly PluginHost[] {
    return [this.gateway._plugins];
  }

  /** The plugins of the scopes that cover this one when each authenticates (a service's routes): none by default. */
  protected partPlugins(): readonly PluginHost[] {
    return [];
  }
}
