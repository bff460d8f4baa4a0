import { RateLimitCounters } from "../../lib/gateway/plugins/rate-limit-counters";
import type { ModelRateLimit } from "../../lib/models/props";
import { withPlatformPolicies } from "../../lib/platform/platform-policies";

describe("withPlatformPolicies", () => {
  const defaults = { counters: RateLimitCounters.cluster() };

  test("a model without a rate limit gets the default limit, counted where the platform counts", () => {
    const model: { rateLimit?: ModelRateLimit | false } = {};
    expect(withPlatformPolicies(model, defaults).rateLimit).toEqual({ second: 20, minute: 600, counters: defaults.counters });
  });

  test("a model's own windows keep their values and get the platform's counters", () => {
    expect(withPlatformPolicies({ rateLimit: { hour: 10 } }, defaults).rateLimit).toEqual({ hour: 10, counters: defaults.counters });
  });

  test("a model's own counters, rateLimit: false, and input that is wrong are left alone (the model reports it)", () => {
    const local = { rateLimit: { hour: 10, counters: RateLimitCounters.local() } };
    expect(withPlatformPolicies(local, defaults)).toBe(local);
    expect(withPlatformPolicies({ rateLimit: false as const }, defaults).rateLimit).toBe(false);
    expect(withPlatformPolicies({ rateLimit: null as never }, defaults).rateLimit).toBeNull();
  });
});
