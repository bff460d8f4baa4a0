import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { pathOf, ValidationError } from "../core/errors";
import { NameRegistry } from "../core/registry";
import { IGatewayContext } from "../gateway/context";
import { IKongGateway } from "../gateway/gateway-base";
import { PluginHost } from "../gateway/plugin-host";
import { PluginPolicy } from "../gateway/plugins/plugin";

const NOT_A_PLUGIN_SCOPE =
  "cannot be added to a model's scope in the gateway: use the model's plugins or routes[].plugins props, its kongService or route(name), or the gateway's addPlugin for a global plugin";

/**
 * The scope of one model's Kong entities in its gateway, `<gateway>/<model name>`: the model's service (`Service`,
 * with its routes and plugins) and canary upstream (`Upstream`) are created here, so their construct paths, and
 * Terraform addresses, are named after the model and nothing else. To those entities it stands for their gateway:
 * the same stack, name registry and global plugins.
 */
export class ModelKongScope extends Construct implements IGatewayContext {
  public readonly stack: TerraformStack;
  public readonly names: NameRegistry;

  constructor(
    private readonly gateway: IKongGateway,
    modelName: string,
  ) {
    super(gateway, modelName);
    this.stack = gateway.stack;
    this.names = gateway.names;
  }

  /** @internal The gateway's global plugins: their authentication covers the model's service and routes. */
  public get _plugins(): PluginHost {
    return this.gateway._plugins;
  }

  /** Refused: a plugin goes on the model's service or one of its routes, or on the gateway itself to be global. */
  public addPlugin(policy: PluginPolicy): KongPluginResource {
    const value = policy instanceof PluginPolicy ? policy.name : policy;
    throw new ValidationError(pathOf(this), [{ field: "plugins", value, message: NOT_A_PLUGIN_SCOPE }]);
  }
}
