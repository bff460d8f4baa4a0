import { Construct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { GatewayBase, IKongGateway } from "./gateway-base";
import { ImportedKongGateway, KongGatewayImportProps } from "./imported-gateway";
import { KongProviderOptions } from "./kong-provider";
import { PluginPolicy } from "./plugins/plugin";

export interface KongGatewayProps extends KongProviderOptions {
  /**
   * Kong Admin API URL, e.g. `cluster.adminUrl` ("http://kong-admin.kong.svc.cluster.local:8001").
   * @default a Terraform variable `kong_admin_url` (set TF_VAR_kong_admin_url at plan time)
   */
  readonly adminUrl?: string;
}

/**
 * The Kong entities of one gateway: configures the `kevholditch/kong` provider and holds global plugins, services
 * (with routes), upstreams (with targets) and consumers. Keeps O(1) indexes so duplicate names, duplicate routes and
 * conflicting plugins are reported at synth time.
 * ```ts
 * const gw = new KongGateway(stack, "gateway", { adminUrl: cluster.adminUrl });
 * const svc = gw.addService("face", { host: "face.models.svc.cluster.local", port: 80 });
 * svc.addRoute("v1", { paths: ["/v1/face"], methods: ["POST"] });
 * svc.addPlugin(Plugin.keyAuth());
 * ```
 */
export class KongGateway extends GatewayBase {
  /**
   * A gateway configured elsewhere, e.g. a model team's app attaching its services to the platform's Kong. It
   * configures the kong provider of its own stack (one gateway per stack) and accepts services, upstreams and
   * consumers, but refuses global plugins: those belong to the gateway's owner.
   */
  public static fromAdminUrl(scope: Construct, id: string, props: KongGatewayImportProps): IKongGateway {
    return new ImportedKongGateway(scope, id, props);
  }

  /** Whether `x` is a gateway: a KongGateway or the result of `KongGateway.fromAdminUrl`. */
  public static isGateway(x: unknown): x is IKongGateway {
    return x instanceof GatewayBase;
  }

  constructor(scope: Construct, id: string, props: KongGatewayProps = {}) {
    const p: KongGatewayProps = props !== null && typeof props === "object" ? props : {};
    super(scope, id, p.adminUrl, p);
  }

  /** Adds a global plugin (applies to every service, route and consumer); returns the kong_plugin resource. */
  public addPlugin(policy: PluginPolicy): KongPluginResource {
    return this._plugins.add(policy);
  }
}
