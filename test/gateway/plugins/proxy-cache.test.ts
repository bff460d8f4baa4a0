import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("proxy-cache", () => {
  test("defaults: memory strategy, 300 s, GET/HEAD, 200/301/404", () => {
    // GIVEN no options WHEN rendered THEN Kong's defaults are explicit (strategy is required by Kong: memory)
    expect(rendered(Plugin.proxyCache())).toEqual({
      strategy: "memory",
      response_code: [200, 301, 404],
      request_method: ["GET", "HEAD"],
      content_type: ["text/plain", "application/json"],
      cache_ttl: 300,
      cache_control: false,
      ignore_uri_case: false,
      memory: { dictionary_name: "kong_db_cache" },
    });
  });

  test("typical: cache POST inference results for a minute, keyed by a header", () => {
    const c = rendered(Plugin.proxyCache({ requestMethod: ["POST"], cacheTtlSeconds: 60, varyHeaders: ["x-model-version"] }));
    expect(c).toMatchObject({ request_method: ["POST"], cache_ttl: 60, vary_headers: ["x-model-version"] });
  });

  test("rejects a strategy other than memory", () => {
    expect(attachError(Plugin.proxyCache({ strategy: "redis" as any }))).toBe('[stack/gw/svc] proxyCache.strategy ("redis") must be one of "memory"');
  });

  test("rejects a response code outside 100..900 and an empty list", () => {
    expect(attachError(Plugin.proxyCache({ responseCode: [99] }))).toBe("[stack/gw/svc] proxyCache.responseCode[0] (99) must be an integer between 100 and 900");
    expect(attachError(Plugin.proxyCache({ responseCode: [] }))).toBe("[stack/gw/svc] proxyCache.responseCode ([]) must be a non-empty list of HTTP status codes");
  });

  test("rejects a non-cacheable method and a zero TTL", () => {
    expect(attachError(Plugin.proxyCache({ requestMethod: ["DELETE" as any], cacheTtlSeconds: 0 }))).toBe(
      [
        '[stack/gw/svc] proxyCache.requestMethod[0] ("DELETE") must be one of "HEAD", "GET", "POST", "PATCH", "PUT"',
        "[stack/gw/svc] proxyCache.cacheTtlSeconds (0) must be an integer between 1 and 9007199254740991",
      ].join("\n"),
    );
  });
});
