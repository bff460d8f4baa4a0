import { TerraformVariable } from "cdktf";
import { PluginReader } from "../../lib/catalog/plugins";
import { rateLimitOf, routeEntry } from "../../lib/catalog/read-route";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { gatewaySetup } from "./helpers";

describe("routeEntry", () => {
  test("what the route matches, references shown as expressions; a route without methods matches every method", () => {
    const { stack, gateway } = gatewaySetup();
    const host = new TerraformVariable(stack, "host", { type: "string" });
    const route = gateway.addService("svc", { host: "svc.local" }).addRoute("r", { paths: ["/a", "~/b/\\d+"], hosts: [host.stringValue], headers: { "x-v": ["1"] }, stripPath: false });
    const entry = routeEntry(route, gateway._plugins, new PluginReader(), () => undefined);
    expect(entry).toEqual({
      name: "svc-r",
      protocols: ["http", "https"],
      paths: ["/a"],
      regexPaths: ["~/b/\\d+"],
      hosts: ["${var.host}"],
      headers: { "x-v": ["1"] },
      stripPath: false,
      authentication: { mode: "none", methods: [], anonymousAdmitted: true },
      plugins: [],
    });
  });

  test("CORS: whether the route matches OPTIONS, so that preflights reach the cors plugin", () => {
    // (the gateway refuses a cors plugin over a route without OPTIONS; an entity made elsewhere may still be one)
    const { gateway } = gatewaySetup();
    const svc = gateway.addService("svc", { host: "svc.local" });
    svc.addPlugin(Plugin.cors());
    const both = routeEntry(svc.addRoute("both", { paths: ["/b"], methods: ["POST", "OPTIONS"] }), gateway._plugins, new PluginReader(), () => undefined);
    const any = routeEntry(svc.addRoute("any", { paths: ["/a"] }), gateway._plugins, new PluginReader(), () => undefined);
    expect([both.cors?.preflightRouted, any.cors?.preflightRouted]).toEqual([true, true]);
  });

  test("a rate limit written in full (nulls for unset fields) reads as Kong's defaults", () => {
    const config = { minute: 5, second: null, limit_by: null, policy: null, error_code: null, error_message: null, hide_client_headers: null };
    expect(rateLimitOf({ name: "rate-limiting", scope: "route", config })).toEqual({
      scope: "route",
      windows: [{ window: "minute", limit: 5 }],
      limitBy: "consumer",
      policy: "local",
      errorCode: 429,
      errorMessage: "API rate limit exceeded",
      clientHeaders: true,
    });
  });
});
