import { RateLimitCounters } from "../../../lib/gateway/plugins/rate-limit-counters";
import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { model } from "../helpers";
import { expectValidationError } from "../../helpers";

describe("DetectionService gateway policy: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    ["a public model without a reason", { public: { reason: "" } }, '[platform/face] public.reason ("") must be a non-empty string'],
    [
      "allowed groups on a public model",
      { public: { reason: "Demo page for the open research preview" }, allowedGroups: ["x"] },
      '[platform/face] allowedGroups (["x"]) has no effect on a public model (no ACL)',
    ],
    ["plugins that are not a list", { plugins: 5 as never }, "[platform/face] plugins (5) must be a list of policies made with Plugin.*"],
    [
      "a rate limit whose minute is below its second, reported at the model",
      { rateLimit: { second: 50, minute: 30 } },
      "[platform/face] rateLimit.minute (30) is lower than second (50): Kong requires each longer window to allow at least as many requests. Raise minute to >= 50.",
    ],
    ["a null rate limit (only false disables it)", { rateLimit: null as never }, "[platform/face] rateLimit (null) must be { second?, minute?, hour?, day?, counters? } or false"],
    [
      "rate-limit counters not made with RateLimitCounters",
      { rateLimit: { minute: 10, counters: "redis" as never } },
      '[platform/face] rateLimit.counters ("redis") must be made with RateLimitCounters.cluster(), RateLimitCounters.redis(redis) or RateLimitCounters.local()',
    ],
    [
      "rate-limit counters in a Redis without host, reported at the model",
      { rateLimit: { minute: 10, counters: RateLimitCounters.redis({} as never) } },
      '[platform/face] rateLimit.counters.redis.host (undefined) is required when policy is "redis"',
    ],
    ["a payload limit of zero", { maxPayloadMegabytes: 0 }, "[platform/face] maxPayloadMegabytes (0) must be an integer between 1 and 1024"],
    ["a timeout of zero", { timeoutMs: 0 }, "[platform/face] timeoutMs (0) must be an integer between 1 and 2147483646"],
    [
      "a cache of inference POSTs, which would answer one image with another's result",
      { plugins: [Plugin.proxyCache({ requestMethod: ["POST"] })] },
      '[platform/face] plugins[0].proxyCache.requestMethod (["POST"]) caches POST, requests that carry a body: ' +
        "Kong's proxy-cache key is the method, the path, the query and the varyHeaders (per consumer and route), never the request body " +
        "(kong/plugins/proxy-cache/cache_key.lua), so requests with different bodies to one URL, such as two images posted to a model, would get the same cached answer. " +
        'Cache GET and HEAD only, or, if the responses truly do not depend on the body, say why with responsesIgnoreBody: { reason: "..." }',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });
});
