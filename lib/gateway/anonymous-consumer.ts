import { IConstruct } from "constructs";
import { pathOf, ValidationError } from "../core/errors";
import { GatewayConsumer } from "./consumer";
import { gatewayOfScope, IGatewayContext } from "./context";
import { ImportedKongGateway } from "./imported-gateway";

/** The construct id of a gateway's anonymous consumer. */
export const ANONYMOUS_CONSUMER_ID = "AnonymousConsumer";

const made = new WeakMap<IGatewayContext, GatewayConsumer>();

/**
 * @internal The consumer that authentication plugins with `anonymous` hand a request to when it carries no valid
 * credential of theirs: one per gateway, `<gateway>/AnonymousConsumer`, made the first time a scope of the gateway
 * needs it. It has no credential and is in no ACL group, so the ACL after the plugins answers it 401 (Kong 3.9
 * `acl/handler.lua`: no groups and no credential). It must exist before the plugins name it (a missing anonymous
 * consumer is a 500): they reference its id, which orders them after it in Terraform.
 *
 * Its username is `anonymous`; in an app attached to a gateway configured elsewhere (`KongGateway.fromAdminUrl`),
 * `anonymous-<stack name>`, so that it never collides with the gateway owner's.
 */
export function anonymousConsumerOf(scope: IConstruct): GatewayConsumer {
  const gateway = gatewayOfScope(scope);
  if (gateway === undefined) {
    throw new ValidationError(pathOf(scope), [
      { field: "authentication", value: undefined, message: "needs a Kong gateway in this stack (new KongGateway or KongGateway.fromAdminUrl) to hold the anonymous consumer" },
    ]);
  }
  let consumer = made.get(gateway);
  if (consumer === undefined) {
    const username = gateway instanceof ImportedKongGateway ? `anonymous-${gateway.stack.node.id}` : "anonymous";
    consumer = new GatewayConsumer(gateway, ANONYMOUS_CONSUMER_ID, { username });
    made.set(gateway, consumer);
  }
  return consumer;
}
