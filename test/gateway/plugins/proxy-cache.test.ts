import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { synthProblems } from "../../helpers";
import { attachError, rendered, setup, synth } from "../helpers";
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
      storage_ttl: null,
      vary_query_params: null,
      vary_headers: null,
      memory: { dictionary_name: "kong_db_cache" },
      response_headers: { age: true, "X-Cache-Status": true, "X-Cache-Key": true },
    });
  });

  test("typical: cache GET lookups of a model's labels for a minute, keyed by a header", () => {
    const c = rendered(Plugin.proxyCache({ requestMethod: ["GET"], cacheTtlSeconds: 60, varyHeaders: ["x-model-version"] }));
    expect(c).toMatchObject({ request_method: ["GET"], cache_ttl: 60, vary_headers: ["x-model-version"] });
  });

  const BODY_NOT_IN_KEY =
    "Kong's proxy-cache key is the method, the path, the query and the varyHeaders (per consumer and route), never the request body " +
    "(kong/plugins/proxy-cache/cache_key.lua), so requests with different bodies to one URL, such as two images posted to a model, would get the same cached answer";
  const HOW = 'Cache GET and HEAD only, or, if the responses truly do not depend on the body, say why with responsesIgnoreBody: { reason: "..." }';

  test("refuses POST, PUT and PATCH without the statement that responses ignore the body, and says why", () => {
    // GIVEN a policy caching POST (an inference upload) WHEN attached THEN refused: two images would share one answer
    expect(attachError(Plugin.proxyCache({ requestMethod: ["POST"] }))).toBe(
      `[stack/gw/svc] proxyCache.requestMethod (["POST"]) caches POST, requests that carry a body: ${BODY_NOT_IN_KEY}. ${HOW}`,
    );
    expect(attachError(Plugin.proxyCache({ requestMethod: ["GET", "PATCH", "PUT", "POST"] }))).toBe(
      `[stack/gw/svc] proxyCache.requestMethod (["GET","PATCH","PUT","POST"]) caches POST, PUT, PATCH, requests that carry a body: ${BODY_NOT_IN_KEY}. ${HOW}`,
    );
  });

  test("caches POST when the user states, with a reason, that the responses do not depend on the body", () => {
    const reason = "the body only carries a client trace id; the answer is chosen by the query";
    const c = rendered(Plugin.proxyCache({ requestMethod: ["POST"], varyQueryParams: ["label"], responsesIgnoreBody: { reason } }));
    expect(c).toMatchObject({ request_method: ["POST"], vary_query_params: ["label"] });
    // the statement is for reviewers: nothing of it is sent to Kong
    expect(JSON.stringify(c)).not.toContain("trace id");
  });

  test("refuses a statement without a sentence of reason, or one that has nothing to allow", () => {
    expect(attachError(Plugin.proxyCache({ requestMethod: ["PUT"], responsesIgnoreBody: { reason: "ok" } }))).toBe(
      '[stack/gw/svc] proxyCache.responsesIgnoreBody.reason ("ok") must explain in a sentence why the upstream\'s answer does not depend on the request body',
    );
    expect(attachError(Plugin.proxyCache({ requestMethod: ["PUT"], responsesIgnoreBody: "yes" as any }))).toBe(
      '[stack/gw/svc] proxyCache.responsesIgnoreBody ("yes") must be { reason: "..." }: why the responses do not depend on the request body',
    );
    expect(attachError(Plugin.proxyCache({ responsesIgnoreBody: { reason: "the upstream ignores request bodies" } }))).toBe(
      '[stack/gw/svc] proxyCache.responsesIgnoreBody ({"reason":"the upstream ignores request bodies"}) has no effect: requestMethod caches no POST, PUT or PATCH. Remove it',
    );
  });

  test("rejects a strategy other than memory", () => {
    expect(attachError(Plugin.proxyCache({ strategy: "redis" as any }))).toBe('[stack/gw/svc] proxyCache.strategy ("redis") must be one of "memory"');
  });

  test("rejects a response code outside 100..900 and an empty list", () => {
    expect(attachError(Plugin.proxyCache({ responseCode: [99] }))).toBe("[stack/gw/svc] proxyCache.responseCode[0] (99) must be an integer between 100 and 900");
    expect(attachError(Plugin.proxyCache({ responseCode: [] }))).toBe("[stack/gw/svc] proxyCache.responseCode ([]) must be a non-empty list of HTTP status codes");
  });

  test("an unset response code is an error, never null in the config", () => {
    expect(attachError(Plugin.proxyCache({ responseCode: [200, undefined as any] }))).toBe(
      "[stack/gw/svc] proxyCache.responseCode[1] (undefined) is not set: every element of a list must hold a value (an unset variable gives undefined; a hole in the list, too)",
    );
  });

  test("a misspelt option is refused with the option it most likely meant", () => {
    expect(attachError(Plugin.proxyCache({ cacheTTL: 60 } as any))).toBe('[stack/gw/svc] proxyCache.cacheTTL (60) is an unknown option; did you mean "cacheTtlSeconds"?');
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

describe("a proxy cache no request can reach", () => {
  test("over routes that match only POST, the default GET/HEAD cache is refused at synth: nothing would be cached", () => {
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.proxyCache());
    svc.addRoute("infer", { paths: ["/infer"], methods: ["POST"] });
    expect(synthProblems(stack)).toEqual([
      '[stack/gw/svc] plugins ("proxy-cache") caches only ["GET","HEAD"] requests, and the routes it covers match only ["POST"]: nothing would ever be cached. Add a route for one of its methods, or set requestMethod',
    ]);
  });

  test("a GET route among them, a route of any method, or no route yet: accepted", () => {
    const withGet = setup();
    withGet.svc.addPlugin(Plugin.proxyCache());
    withGet.svc.addRoute("infer", { paths: ["/infer"], methods: ["POST"] });
    withGet.svc.addRoute("labels", { paths: ["/labels"], methods: ["GET"] });
    expect(() => synth(withGet.stack)).not.toThrow();
    const anyMethod = setup();
    anyMethod.svc.addPlugin(Plugin.proxyCache());
    anyMethod.svc.addRoute("all", { paths: ["/all"] });
    expect(() => synth(anyMethod.stack)).not.toThrow();
    const none = setup();
    none.svc.addPlugin(Plugin.proxyCache());
    expect(() => synth(none.stack)).not.toThrow();
  });
});
