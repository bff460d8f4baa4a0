import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { resources, setup, synth } from "./helpers";

describe("what services, routes and consumers share", () => {
  test("addPlugin returns the kong_plugin it attached, on the gateway, a service, a route and a consumer", () => {
    // GIVEN one plugin per scope WHEN attached THEN each call returns its kong_plugin, under <scope>/Plugins/<name>
    const { stack, gw, svc } = setup();
    const route = svc.addRoute("r", { paths: ["/v1"] });
    const consumer = gw.addConsumer("c", { username: "c" });
    const attached = [
      gw.addPlugin(Plugin.prometheus()),
      svc.addPlugin(Plugin.correlationId()),
      route.addPlugin(Plugin.requestSizeLimiting()),
      consumer.addPlugin(Plugin.rateLimiting({ minute: 10 })),
    ];
    for (const p of attached) expect(p).toBeInstanceOf(KongPluginResource);
    expect(attached.map((p) => p.node.path)).toEqual([
      "stack/gw/Plugins/prometheus",
      "stack/gw/svc/Plugins/correlation-id",
      "stack/gw/svc/r/Plugins/request-size-limiting",
      "stack/gw/c/Plugins/rate-limiting",
    ]);
    // THEN the returned resource is the escape hatch: what is set on it reaches the JSON
    attached[1].enabled = false;
    expect(resources(synth(stack), "kong_plugin").find((p) => p.name === "correlation-id").enabled).toBe(false);
  });

  test("each entity's Kong id is one reference token, reused by everything that points at it", () => {
    const { gw, svc } = setup();
    const consumer = gw.addConsumer("c", { username: "c" });
    const route = svc.addRoute("r", { paths: ["/v1"] });
    for (const entity of [svc, route, consumer]) {
      expect(entity.id).toBe(entity.id);
      expect(entity.id).toContain("${TfToken[");
    }
  });

  test("name and gateway: a service's and route's Kong name, a consumer's username or custom_id", () => {
    const { gw, svc } = setup();
    const route = svc.addRoute("r", { paths: ["/v1"] });
    const byName = gw.addConsumer("a", { username: "alice", customId: "7" });
    const byId = gw.addConsumer("b", { customId: "42" });
    expect([svc.name, route.name, byName.name, byId.name]).toEqual(["svc", "svc-r", "alice", "42"]);
    for (const entity of [svc, route, byName, byId]) expect(entity.gateway).toBe(gw);
  });
});
