import { RateLimitCounters } from "../../lib/gateway/plugins/rate-limit-counters";
import type { ModelRateLimit } from "../../lib/models/props";
import { withPlatformPolicies, withRedisSettings } from "../../lib/platform/platform-policies";

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

describe("withRedisSettings", () => {
  const redis = {
    connection: { host: "redis.internal" },
    kongEnvFromSecrets: { KONG_RATE_LIMITING_REDIS_PASSWORD: { name: "kong-redis", key: "password" } },
    kongEnv: { KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system" },
  };

  test("Kong reads the password from its Secret and trusts the system roots to verify Redis", () => {
    expect(withRedisSettings({}, redis, false)).toEqual({ env: redis.kongEnv, envFromSecrets: redis.kongEnvFromSecrets });
  });

  test("the user's own trust store wins, and a database that verifies its server keeps Kong's (system roots, plus its CA)", () => {
    expect(withRedisSettings({ env: { KONG_LUA_SSL_TRUSTED_CERTIFICATE: "/ca.pem" } }, redis, false).env).toEqual({ KONG_LUA_SSL_TRUSTED_CERTIFICATE: "/ca.pem" });
    const kong: { env?: Record<string, string> } = {};
    expect(withRedisSettings(kong, redis, true).env).toEqual({});
  });
});
