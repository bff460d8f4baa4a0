import { Construct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { required } from "../core/checks";
import { pathOf, ValidationError } from "../core/errors";
import { GatewayBase } from "./gateway-base";
import { KongProviderOptions } from "./kong-provider";
import { PluginPolicy } from "./plugins/plugin";

/** A gateway configured elsewhere (the platform's Kong), to attach an app's own services, routes and consumers to. */
export interface KongGatewayImportProps extends KongProviderOptions {
  /**
   * URL of the gateway's Kong Admin API, usually a variable reference (e.g. `new TerraformVariable(stack,
   * "kong_admin_url", { type: "string" }).stringValue`): an http(s) URL without credentials.
   */
  readonly adminUrl: string;
}

/**
 * @internal The result of `KongGateway.fromAdminUrl`: configures the kong provider of its own stack and registers
 * entities like a KongGateway, but refuses global plugins (see `addPlugin`). Names are unique among the entities
 * this app adds; the entities the gateway's owner configured are not known here (Kong reports collisions at apply).
 */
export class ImportedKongGateway extends GatewayBase {
  constructor(scope: Construct, id: string, props: KongGatewayImportProps) {
    const p: Partial<KongGatewayImportProps> = props !== null && typeof props === "object" ? props : {};
    super(scope, id, p.adminUrl, p, (v) => {
      required(v, "adminUrl", p.adminUrl, "is required: the URL of the Kong Admin API of the gateway, e.g. http://kong-admin.kong.svc.cluster.local:8001");
    });
  }

  /**
   * Refused: a global plugin applies to every service of the gateway, including the ones its owner configures, yet
   * it would live in this app's Terraform state, where the owner neither sees nor manages it. Attach plugins to this
   * app's services, routes or consumers, or ask the gateway's owner to add a global one.
   */
  public addPlugin(policy: PluginPolicy): KongPluginResource {
    throw new ValidationError(pathOf(this), [
      {
        field: "plugins",
        value: policy instanceof PluginPolicy ? policy.name : policy,
        message:
          "cannot be added globally to a gateway imported with KongGateway.fromAdminUrl: a global plugin would apply to every service of the gateway but live in this app's Terraform state; attach it to your services, routes or consumers, or ask the gateway's owner to add it",
      },
    ]);
  }
}
