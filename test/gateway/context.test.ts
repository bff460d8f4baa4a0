import { Construct } from "constructs";
import { TerraformStack, Testing } from "cdktf";
import { gatewayOfScope } from "../../lib/gateway/context";
import { KongGateway } from "../../lib/gateway/gateway";

describe("the gateway of a stack", () => {
  test("any construct of a stack finds the stack's gateway, made with new KongGateway or fromAdminUrl", () => {
    // GIVEN two stacks, one with each kind of gateway, and one without WHEN looked up from a nested construct
    const app = Testing.app();
    const platform = new TerraformStack(app, "platform");
    const team = new TerraformStack(app, "team");
    const bare = new TerraformStack(app, "bare");
    const gw = new KongGateway(platform, "gw", { adminUrl: "http://k:8001" });
    const imported = KongGateway.fromAdminUrl(team, "kong", { adminUrl: "http://k:8001" });
    // THEN each finds its own, and the bare stack none
    expect(gatewayOfScope(new Construct(new Construct(platform, "a"), "b"))).toBe(gw);
    expect(gatewayOfScope(team)).toBe(imported);
    expect(gatewayOfScope(bare)).toBeUndefined();
  });

  test("the gateway's stack and name registry are its own", () => {
    const app = Testing.app();
    const a = new KongGateway(new TerraformStack(app, "a"), "gw", { adminUrl: "http://k:8001" });
    const b = new KongGateway(new TerraformStack(app, "b"), "gw", { adminUrl: "http://k:8001" });
    expect(a.stack.node.id).toBe("a");
    a.names.claim("model", "face", "a/face");
    expect(b.names.holderOf("model", "face")).toBeUndefined();
  });
});
