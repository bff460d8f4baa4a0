import { TerraformVariable } from "cdktf";
import { completeConfig, KONG_ECHO } from "../../../lib/gateway/plugins/kong-echo";
import { Plugin, PluginPolicy } from "../../../lib/gateway/plugins/plugin";
import { echoMismatches, pluginConfig, rendered, setup, synth } from "../helpers";

/** One policy of every typed factory, with its fewest options. */
const typed: Array<[string, () => PluginPolicy]> = [
  ["key-auth", () => Plugin.keyAuth()],
  ["jwt", () => Plugin.jwt()],
  ["acl", () => Plugin.acl({ allow: ["g"] })],
  ["rate-limiting", () => Plugin.rateLimiting({ minute: 1 })],
  ["response-ratelimiting", () => Plugin.responseRateLimiting({ limits: { t: { minute: 1 } } })],
  ["cors", () => Plugin.cors()],
  ["ip-restriction", () => Plugin.ipRestriction({ allow: ["10.0.0.0/8"] })],
  ["request-size-limiting", () => Plugin.requestSizeLimiting()],
  ["proxy-cache", () => Plugin.proxyCache()],
  ["prometheus", () => Plugin.prometheus()],
  ["correlation-id", () => Plugin.correlationId()],
  ["bot-detection", () => Plugin.botDetection()],
];

describe("plugin configs are written as Kong 3.9 echoes them", () => {
  test("the table covers every typed factory, and nothing else", () => {
    expect(Object.keys(KONG_ECHO).sort()).toEqual(typed.map(([name]) => name).sort());
  });

  test.each(typed)("%s: every field Kong echoes, none it does not know, no null for a field with a default", (name, make) => {
    // GIVEN the factory's fewest options WHEN rendered THEN config_json has exactly the table's fields
    expect(echoMismatches(name, JSON.parse(make().configJson))).toEqual([]);
  });

  test("an option removed from a policy is rendered as Kong's default, so the next PATCH applies the removal", () => {
    // GIVEN key-auth with anonymous access, then the same policy without it WHEN rendered THEN anonymous is null
    expect(rendered(Plugin.keyAuth({ anonymous: "guest" }))).toMatchObject({ anonymous: "guest" });
    expect(rendered(Plugin.keyAuth())).toMatchObject({ anonymous: null });
    // GIVEN a rate limit that used redis, then one without WHEN rendered THEN the redis record is back at its defaults
    const before = rendered(Plugin.rateLimiting({ minute: 1, policy: "redis", redis: { host: "redis.cache", port: 6380 } }));
    const after = rendered(Plugin.rateLimiting({ minute: 1 }));
    expect([before.policy, before.redis.host, before.redis.port]).toEqual(["redis", "redis.cache", 6380]);
    expect([after.policy, after.redis.host, after.redis.port, after.redis_host, after.redis_port]).toEqual(["local", null, 6379, null, 6379]);
  });

  test("the deprecated redis_* keys Kong echoes copy the redis record, a password reference included", () => {
    // GIVEN redis with a sensitive password WHEN synthesized THEN every shorthand equals its redis field
    const { stack, svc } = setup();
    const pw = new TerraformVariable(stack, "redis_password", { type: "string", sensitive: true });
    svc.addPlugin(Plugin.responseRateLimiting({ limits: { t: { minute: 1 } }, policy: "redis", redis: { host: "redis.cache", ssl: true, password: pw.stringValue } }));
    const c = pluginConfig(synth(stack), "response-ratelimiting");
    expect([c.redis_host, c.redis_ssl, c.redis_password, c.redis_port]).toEqual(["redis.cache", true, "${var.redis_password}", 6379]);
    expect(echoMismatches("response-ratelimiting", c)).toEqual([]);
  });

  test("Plugin.custom is sent as given: the library cannot know the fields of another plugin", () => {
    expect(rendered(Plugin.custom("basic-auth", { hide_credentials: true }))).toEqual({ hide_credentials: true });
    expect(completeConfig("basic-auth", { a: 1 })).toEqual({ a: 1 });
  });

  test("a field Kong requires without a default must come from the factory", () => {
    expect(() => completeConfig("proxy-cache", {})).toThrow("internal: proxy-cache.strategy is required by Kong and has no default");
    expect(() => completeConfig("response-ratelimiting", {})).toThrow("internal: response-ratelimiting.limits is required and must be a map");
  });

  test("the check reports a missing field, an unknown one, a null default and a shorthand that is not a copy", () => {
    const c = { ...rendered(Plugin.correlationId()), generator: null, extra: 1 };
    delete c.echo_downstream;
    expect(echoMismatches("correlation-id", c)).toEqual([
      "correlation-id.extra: not a field Kong knows",
      'correlation-id.generator: null, but Kong\'s default is "uuid#counter"',
      "correlation-id.echo_downstream: missing",
    ]);
    expect(echoMismatches("rate-limiting", { ...rendered(Plugin.rateLimiting({ minute: 1 })), redis_port: 1 })).toEqual([
      "rate-limiting.redis_port: not a copy of redis.port",
    ]);
  });
});
