import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { KongProvider } from "../../.gen/providers/kong/provider";
import { childId } from "../core/construct-ids";
import { Problems } from "../core/errors";
import { NameRegistry } from "../core/registry";
import { GatewayConsumer, GatewayConsumerProps } from "./consumer";
import { claimStack, IGatewayContext } from "./context";
import { kongProviderOf, KongProviderOptions } from "./kong-provider";
import { PluginHost } from "./plugin-host";
import { PluginPolicy } from "./plugins/plugin";
import { GatewayService, GatewayServiceProps } from "./service";
import { GatewayUpstream, GatewayUpstreamProps } from "./upstream";

/**
 * A Kong gateway to register entities in: the platform's own `KongGateway`, or one configured elsewhere and imported
 * with `KongGateway.fromAdminUrl`. Either way it configures the kong provider of its stack, and the entities added to
 * it are synthesized in that stack.
 */
export interface IKongGateway extends IGatewayContext {
  /** The admin URL given to the kong provider (a variable reference when it came from one). */
  readonly adminUrl: string;
  /** The generated kong provider of the gateway's stack. */
  readonly provider: KongProvider;
  /** Registers a Kong service (a backend); add routes to it with `addRoute`. */
  addService(id: string, props: GatewayServiceProps): GatewayService;
  /** Registers a Kong upstream (a load-balanced set of targets) for services to point at. */
  addUpstream(id: string, props?: GatewayUpstreamProps): GatewayUpstream;
  /** Registers a Kong consumer with its credentials. */
  addConsumer(id: string, props: GatewayConsumerProps): GatewayConsumer;
  /** Adds a global plugin (every service, route and consumer); returns the kong_plugin resource. */
  addPlugin(policy: PluginPolicy): KongPluginResource;
}

/** Not exported from the package entry (its declaration ships: KongGateway extends it). What every gateway shares: the one-per-stack rule, the kong provider, the name registry, `add*`. */
export abstract class GatewayBase extends Construct implements IKongGateway {
  public readonly provider: KongProvider;
  public readonly adminUrl: string;
  public readonly stack: TerraformStack;
  public readonly names = new NameRegistry();
  /** @internal */
  public readonly _plugins: PluginHost;

  protected constructor(scope: Construct, id: string, adminUrl: string | undefined, options: KongProviderOptions, check?: (v: Problems) => void) {
    super(scope, childId(scope, id));
    const v = new Problems(this);
    this.stack = TerraformStack.of(this);
    claimStack(this, this.stack, v);
    check?.(v);
    const configure = kongProviderOf(this, v, adminUrl, options);
    v.throwIfAny();
    const configured = configure();
    this.provider = configured.provider;
    this.adminUrl = configured.adminUrl;
    this._plugins = new PluginHost(this, { kind: "gateway", target: () => ({}) });
  }

  public addService(id: string, props: GatewayServiceProps): GatewayService {
    return new GatewayService(this, id, props);
  }

  public addUpstream(id: string, props: GatewayUpstreamProps = {}): GatewayUpstream {
    return new GatewayUpstream(this, id, props);
  }

  public addConsumer(id: string, props: GatewayConsumerProps): GatewayConsumer {
    return new GatewayConsumer(this, id, props);
  }

  public abstract addPlugin(policy: PluginPolicy): KongPluginResource;
}
