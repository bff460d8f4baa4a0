import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { Problems } from "../core/errors";
import { NameRegistry } from "../core/registry";
import { IPluginScope } from "./plugin-host";

/**
 * A gateway as the entities registered in it see it: where its kong provider lives, the names taken in it, and its
 * global plugins. `IKongGateway` extends it with the methods that add entities.
 */
export interface IGatewayContext extends IPluginScope {
  /** The stack holding the gateway's kong provider: every Kong entity of the gateway is synthesized there. */
  readonly stack: TerraformStack;
  /**
   * Names unique in this gateway (Kong service, route, upstream and consumer names, credentials Secrets, outputs),
   * with the path of the construct holding each. Constructs built on the gateway (such as a model) may claim names of
   * their own kinds here.
   */
  readonly names: NameRegistry;
}

/** The one gateway (one kong provider) of each stack. */
const gatewayOfStack = new WeakMap<TerraformStack, IGatewayContext>();

/** @internal Records `gateway` as the gateway of `stack`, or reports the one already there. */
export function claimStack(gateway: IGatewayContext, stack: TerraformStack, v: Problems): void {
  const other = gatewayOfStack.get(stack);
  if (other) {
    v.add("scope", stack.node.id, `already holds the KongGateway ${other.node.path}: one gateway (one kong provider) per stack; put the second gateway in its own stack`);
  } else {
    gatewayOfStack.set(stack, gateway);
  }
}

/** @internal The gateway in the stack of `scope` (made with `new KongGateway` or `KongGateway.fromAdminUrl`), if any. */
export function gatewayOfScope(scope: IConstruct): IGatewayContext | undefined {
  return gatewayOfStack.get(TerraformStack.of(scope));
}
