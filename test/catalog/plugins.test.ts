import { TerraformVariable } from "cdktf";
import { flag, numberOf, PluginReader, stringList, textOf } from "../../lib/catalog/plugins";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { catalogOf, gatewaySetup } from "./helpers";

describe("PluginReader", () => {
  test("reads each attached plugin's config from its kong_plugin, parsing identical JSON once", () => {
    const { gateway } = gatewaySetup();
    const a = gateway.addService("a", { host: "a.local" });
    const b = gateway.addService("b", { host: "b.local" });
    a.addPlugin(Plugin.rateLimiting({ minute: 5 }));
    b.addPlugin(Plugin.rateLimiting({ minute: 5 }));
    const reader = new PluginReader();
    const [ra] = reader.attached(a._plugins, "service");
    const [rb] = reader.attached(b._plugins, "service");
    expect(ra).toMatchObject({ name: "rate-limiting", scope: "service", config: expect.objectContaining({ minute: 5, policy: "local" }) });
    expect(rb.config).toBe(ra.config);
  });

  test("reads a config holding references: a string one as its expression, a list one as a string of its expression", () => {
    // GIVEN a plugin whose options are Terraform references (a list one is spliced into config_json bare)
    const { stack, gateway } = gatewaySetup();
    const svc = gateway.addService("svc", { host: "svc.local" });
    const headers = new TerraformVariable(stack, "headers", { type: "list(string)" }).listValue;
    const dictionary = new TerraformVariable(stack, "dictionary", { type: "string" }).stringValue;
    svc.addPlugin(Plugin.proxyCache({ varyHeaders: headers, memoryDictionaryName: dictionary }));
    // WHEN the catalog reads it THEN it is parsed, not a SyntaxError
    const [plugin] = new PluginReader().attached(svc._plugins, "service");
    expect(plugin.config.vary_headers).toBe("${jsonencode(var.headers)}");
    expect(plugin.config.memory).toEqual({ dictionary_name: "${var.dictionary}" });
    expect(stringList(plugin.config, "vary_headers", ["none"])).toEqual(["none"]);
    expect(() => catalogOf(gateway)).not.toThrow();
  });

  test("effective: the route's plugin, else the service's, else the global one", () => {
    const { gateway } = gatewaySetup();
    gateway.addPlugin(Plugin.cors());
    gateway.addPlugin(Plugin.prometheus());
    const svc = gateway.addService("svc", { host: "svc.local" });
    svc.addPlugin(Plugin.cors({ origins: ["https://a.example.com"] }));
    const route = svc.addRoute("r", { paths: ["/r"] });
    route.addPlugin(Plugin.prometheus({ perConsumer: true }));
    const effective = new PluginReader().effective(route._plugins, svc._plugins, gateway._plugins);
    expect([...effective.values()].map((p) => `${p.name}@${p.scope}`)).toEqual(["prometheus@route", "cors@service"]);
  });
});

describe("config fields: Kong's default when absent or null (a config written in full holds nulls)", () => {
  const config = { list: ["a", 1], none: null, yes: false, n: 3, s: "x", empty: "" };
  test.each([
    ["stringList", stringList(config, "list"), ["a"]],
    ["stringList of null", stringList(config, "none", ["d"]), ["d"]],
    ["flag", flag(config, "yes", true), false],
    ["flag of null", flag(config, "none", true), true],
    ["numberOf", numberOf(config, "n", 0), 3],
    ["numberOf of null", numberOf(config, "none", 429), 429],
    ["textOf", textOf(config, "s", "d"), "x"],
    ["textOf of an empty string", textOf(config, "empty", "d"), "d"],
  ])("%s", (_name, value, expected) => {
    expect(value).toEqual(expected);
  });
});
