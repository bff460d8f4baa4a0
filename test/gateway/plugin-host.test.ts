import { Plugin } from "../../lib/gateway/plugins/plugin";
import { resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("PluginHost", () => {
  test("plugins live under <scope>/Plugins/<name> and reference their scope by Terraform reference", () => {
    // GIVEN a service plugin and a route plugin WHEN synthesized THEN ids are references, not copies
    const { stack, svc } = setup();
    const route = svc.addRoute("r", { paths: ["/v1"] });
    svc.addPlugin(Plugin.correlationId());
    route.addPlugin(Plugin.prometheus());
    expect(svc._plugins.resourceOf("correlation-id")?.node.path).toBe("stack/gw/svc/Plugins/correlation-id");
    const [a, b] = resources(synth(stack), "kong_plugin");
    expect(a.service_id).toMatch(/^\$\{kong_service\.[\w-]+\.id\}$/);
    expect(b.route_id).toMatch(/^\$\{kong_route\.[\w-]+\.id\}$/);
    expect(svc._plugins.names).toEqual(["correlation-id"]);
  });

  test("rejects a second instance of a plugin in one scope", () => {
    const { svc } = setup();
    svc.addPlugin(Plugin.rateLimiting({ minute: 10 }));
    expect(() => svc.addPlugin(Plugin.rateLimiting({ hour: 10 }))).toThrow(
      '[stack/gw/svc] plugins ("rate-limiting") conflicts with the rate-limiting plugin already attached to this service: Kong allows one instance of a plugin per scope; put all options into one policy',
    );
  });

  test("the same plugin on different scopes is fine", () => {
    const { stack, gw, svc } = setup();
    gw.addPlugin(Plugin.prometheus());
    svc.addPlugin(Plugin.prometheus());
    expect(resources(synth(stack), "kong_plugin")).toHaveLength(2);
  });

  test("rejects something that is not a policy, without a TypeError", () => {
    const { svc } = setup();
    expect(() => svc.addPlugin({ name: "cors" } as any)).toThrow(
      '[stack/gw/svc] plugin ({"name":"cors"}) must be a plugin policy made with Plugin.keyAuth(), Plugin.rateLimiting(), ... or Plugin.custom()',
    );
  });
});
