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

  test("a route whose methods exclude OPTIONS never sees a preflight: its CORS says so", () => {
    const { gateway } = gatewaySetup();
    const svc = gateway.addService("svc", { host: "svc.local" });
    svc.addPlugin(Plugin.cors());
    const post = routeEntry(svc.addRoute("post", { paths: ["/p"], methods: ["POST"] }), gateway._plugins, new PluginReader(), () => undefined);
    const both = routeEntry(svc.addRoute("both", { paths: ["/b"], methods: ["POST", "OPTIONS"] }), gateway._plugins, new PluginReader(), () => undefined);
    expect([post.cors?.preflightRouted, both.cors?.preflightRouted]).toEqual([false, true]);
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
