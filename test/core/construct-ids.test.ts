import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { childId } from "../../lib/core/construct-ids";
import { AiPlatform, KongCluster, KongGateway, ProxyEndpoint } from "../../lib";
import { errorOf } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- rejected-input tests pass wrong JavaScript types on purpose */

describe("childId: construct-id problems as ValidationErrors, before the construct exists", () => {
  test("a free, non-empty string id is returned as is", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(childId(stack, "face")).toBe("face");
  });

  test("an id a sibling already has, also after constructs turns '/' into '--'", () => {
    // GIVEN a stack with a child "a--b"
    const stack = new TerraformStack(Testing.app(), "stack");
    new Construct(stack, "a/b");
    // WHEN another child would be "a--b" THEN the error names the holder
    expect(errorOf(() => childId(stack, "a--b"))).toBe(
      '[stack] id ("a--b") is already the id of stack/a--b: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    );
  });

  test.each([
    ["empty", "", '[stack] id ("") must be a non-empty string: it names the construct and its Terraform resources'],
    ["a number", 5, "[stack] id (5) must be a non-empty string: it names the construct and its Terraform resources"],
    ["undefined", undefined, "[stack] id (undefined) must be a non-empty string: it names the construct and its Terraform resources"],
  ])("an id that is %s", (_what, id, message) => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(errorOf(() => childId(stack, id))).toBe(message);
  });

  test("a scope that is not a construct, or not in a stack", () => {
    expect(errorOf(() => childId({}, "x"))).toBe('[x] scope ("[object Object]") must be a construct (an App, a TerraformStack or a construct in one)');
    expect(errorOf(() => childId(null as any, ""))).toBe("[<unknown>] scope (null) must be a construct (an App, a TerraformStack or a construct in one)");
    const app = Testing.app();
    expect(errorOf(() => childId(app, "kong"))).toBe(
      '[<root>] scope ("<root>") must be a TerraformStack or a construct inside one: the construct creates Terraform resources, which live in a stack',
    );
    expect(childId(app, "platform", { inStack: false })).toBe("platform");
  });

  test("a scope being synthesized takes no more children", () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, "stack");
    stack.node.lock();
    expect(errorOf(() => childId(stack, "late"))).toBe('[stack] id ("late") cannot be added now: the construct is being synthesized; add children before synth');
  });
});

describe("construct ids given to the library: ValidationErrors where it creates children", () => {
  const app = () => Testing.app();
  const platform = (a = app()) => new AiPlatform(a, "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
  const gateway = () => new KongGateway(new TerraformStack(app(), "stack"), "gw", { adminUrl: "http://kong-admin:8001" });
  const model = { name: "ocr", image: "registry.local/ocr:1.0.0" };

  test.each([
    [
      "a duplicate service id",
      () => {
        const gw = gateway();
        gw.addService("svc", { host: "a.local" });
        gw.addService("svc", { host: "b.local" });
      },
      '[stack/gw] id ("svc") is already the id of stack/gw/svc: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    ],
    ["an empty route id", () => gateway().addService("svc", { host: "a.local" }).addRoute("", { paths: ["/a"] }), '[stack/gw/svc] id ("") must be a non-empty string: it names the construct and its Terraform resources'],
    ["a numeric upstream id", () => gateway().addUpstream(7 as any), "[stack/gw] id (7) must be a non-empty string: it names the construct and its Terraform resources"],
    [
      "a target id taken by another target",
      () => {
        const u = gateway().addUpstream("u");
        u.addTarget("t", { target: "10.0.0.1:80" });
        u.addTarget("t", { target: "10.0.0.2:80" });
      },
      '[stack/gw/u] id ("t") is already the id of stack/gw/u/t: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    ],
    ["an unset model id (a variable that is not set)", () => platform().addModel(undefined as any, model), "[acme-platform-dev] id (undefined) must be a non-empty string: it names the construct and its Terraform resources"],
    [
      "a model id that is already a construct of the platform stack",
      () => platform().addModel("kong", model),
      '[acme-platform-dev] id ("kong") is already the id of acme-platform-dev/kong: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    ],
    [
      "a second platform with the same stack names",
      () => {
        const a = app();
        platform(a);
        new AiPlatform(a, "acme2", { environment: "dev", stackPrefix: "acme", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
      },
      '[acme2] environment ("dev") with stackPrefix gives the stack name "acme-platform-dev", which acme-platform-dev already has: one platform per prefix and environment; change stackPrefix or environment\n' +
        '[acme2] environment ("dev") with stackPrefix gives the stack name "acme-gateway-dev", which acme-gateway-dev already has: one platform per prefix and environment; change stackPrefix or environment',
    ],
    [
      "a Kong cluster outside any stack",
      () => new KongCluster(app(), "kong", { namespace: "kong", database: undefined as any }),
      '[<root>] scope ("<root>") must be a TerraformStack or a construct inside one: the construct creates Terraform resources, which live in a stack',
    ],
  ])("%s", (_what, build, message) => {
    expect(errorOf(build)).toBe(message);
  });
});
