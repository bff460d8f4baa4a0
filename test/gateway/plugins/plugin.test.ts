import { Plugin } from "../../../lib/gateway/plugins/plugin";

describe("Plugin factories", () => {
  test("each factory makes the Kong plugin of its name with the right consumer scope", () => {
    // GIVEN every factory WHEN called with typical options THEN name and consumer scope match Kong's schemas
    const made = [
      Plugin.keyAuth(),
      Plugin.jwt(),
      Plugin.acl({ allow: ["g"] }),
      Plugin.rateLimiting({ minute: 1 }),
      Plugin.responseRateLimiting({ limits: { t: { minute: 1 } } }),
      Plugin.cors(),
      Plugin.ipRestriction({ allow: ["10.0.0.0/8"] }),
      Plugin.requestSizeLimiting(),
      Plugin.proxyCache(),
      Plugin.prometheus(),
      Plugin.correlationId(),
      Plugin.botDetection(),
      Plugin.custom("basic-auth"),
    ].map((p) => [p.name, p.consumerScopable, p.problems.length]);
    expect(made).toEqual([
      ["key-auth", false, 0],
      ["jwt", false, 0],
      ["acl", false, 0],
      ["rate-limiting", true, 0],
      ["response-ratelimiting", true, 0],
      ["cors", false, 0],
      ["ip-restriction", true, 0],
      ["request-size-limiting", true, 0],
      ["proxy-cache", true, 0],
      ["prometheus", true, 0],
      ["correlation-id", true, 0],
      ["bot-detection", false, 0],
      ["basic-auth", true, 0],
    ]);
  });

  test("problems are collected at creation and not thrown before the policy is attached", () => {
    // GIVEN an invalid policy WHEN created THEN it carries its problems instead of throwing without a path
    const p = Plugin.rateLimiting({});
    expect(p.problems).toEqual([
      { field: "rateLimiting.second", value: undefined, message: "must set at least one window: second, minute, hour, day, month, year" },
    ]);
  });
});
