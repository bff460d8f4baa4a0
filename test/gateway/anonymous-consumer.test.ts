import { anonymousConsumerOf, ANONYMOUS_CONSUMER_ID } from "../../lib/gateway/anonymous-consumer";
import { newStack } from "../helpers";
import { errorOf, setup } from "./helpers";

describe("anonymousConsumerOf", () => {
  test("one consumer per gateway, `<gateway>/AnonymousConsumer`, username anonymous, without credentials or groups", () => {
    const { gw, svc } = setup();
    const consumer = anonymousConsumerOf(svc);
    expect(anonymousConsumerOf(gw)).toBe(consumer);
    expect(consumer.node.path).toBe(`stack/gw/${ANONYMOUS_CONSUMER_ID}`);
    expect(consumer.username).toBe("anonymous");
    expect([consumer.keyAuthKeys.size, consumer.jwtCredential, consumer.aclGroups.size]).toEqual([0, undefined, 0]);
  });

  test("a stack without a gateway has nowhere to put it", () => {
    expect(errorOf(() => anonymousConsumerOf(newStack("alone")))).toBe(
      "[alone] authentication (undefined) needs a Kong gateway in this stack (new KongGateway or KongGateway.fromAdminUrl) to hold the anonymous consumer",
    );
  });
});
