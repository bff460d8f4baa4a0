import { TerraformVariable } from "cdktf";
import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { RateLimitCounters } from "../../../lib/gateway/plugins/rate-limit-counters";
import { isVaultReference } from "../../../lib/gateway/plugins/redis";
import { attachError, rendered, setup, pluginConfig, synth } from "../helpers";

describe("RateLimitCounters", () => {
  test("cluster(): counters in Kong's PostgreSQL, shared by every pod", () => {
    expect(rendered(Plugin.rateLimiting({ minute: 100, counters: RateLimitCounters.cluster() }))).toMatchObject({ policy: "cluster", sync_rate: -1 });
    expect(RateLimitCounters.cluster().sharedByPods).toBe(true);
  });

  test("local(): counters in each pod (a limit of N admits N per pod)", () => {
    expect(rendered(Plugin.rateLimiting({ minute: 100, counters: RateLimitCounters.local() }))).toMatchObject({ policy: "local" });
    expect(RateLimitCounters.local().sharedByPods).toBe(false);
  });

  test("redis(connection): Kong's redis record, the password a vault reference, synchronous by default", () => {
    const counters = RateLimitCounters.redis({ connection: { host: "redis.kong.svc.cluster.local", password: "{vault://env/kong-redis-password}" } });
    expect(rendered(Plugin.rateLimiting({ minute: 100, counters }))).toMatchObject({
      policy: "redis",
      sync_rate: -1,
      redis: { host: "redis.kong.svc.cluster.local", port: 6379, timeout: 2000, database: 0, ssl: false, ssl_verify: false, password: "{vault://env/kong-redis-password}" },
    });
  });

  test("redis(options, { syncRateSeconds }) trades accuracy for fewer Redis round trips", () => {
    const counters = RateLimitCounters.redis({ host: "redis.cache", ssl: true, sslVerify: true, serverName: "redis.cache" }, { syncRateSeconds: 0.5 });
    expect(rendered(Plugin.rateLimiting({ minute: 100, counters }))).toMatchObject({ policy: "redis", sync_rate: 0.5, redis: { ssl: true, ssl_verify: true, server_name: "redis.cache" } });
  });

  test("a sensitive variable is still accepted as the password", () => {
    const { stack, svc } = setup();
    const pw = new TerraformVariable(stack, "redis_password", { type: "string", sensitive: true });
    svc.addPlugin(Plugin.rateLimiting({ minute: 1, counters: RateLimitCounters.redis({ host: "r", password: pw.stringValue }) }));
    expect(pluginConfig(synth(stack), "rate-limiting").redis.password).toBe("${var.redis_password}");
  });

  test("vault references: {vault://<vault>/<resource>}", () => {
    expect(isVaultReference("{vault://env/kong-redis-password}")).toBe(true);
    expect(isVaultReference("{vault://env/cert/key}")).toBe(true);
    expect(isVaultReference("vault://env/x")).toBe(false);
    expect(isVaultReference("{vault://env/}")).toBe(false);
    expect(isVaultReference("hunter2")).toBe(false);
  });

  test.each([
    [
      "a literal password",
      Plugin.rateLimiting({ minute: 1, counters: RateLimitCounters.redis({ host: "r", password: "hunter2" }) }),
      '[stack/gw/svc] rateLimiting.counters.redis.password ("<redacted>") must be a Kong vault reference ({vault://env/<name>}) or come from a sensitive Terraform variable, not a literal (it would be stored in plain text)',
    ],
    [
      "a sync rate below 0.02 s",
      Plugin.rateLimiting({ minute: 1, counters: RateLimitCounters.redis({ host: "r" }, { syncRateSeconds: 0.01 }) }),
      "[stack/gw/svc] rateLimiting.counters.syncRateSeconds (0.01) must be -1 (synchronous) or at least 0.02 seconds",
    ],
    [
      "counters with policy",
      Plugin.rateLimiting({ minute: 1, policy: "local", counters: RateLimitCounters.cluster() }),
      '[stack/gw/svc] rateLimiting.policy ("local") cannot be combined with counters, which sets where counters live: give one or the other',
    ],
    [
      "counters that are not RateLimitCounters",
      Plugin.rateLimiting({ minute: 1, counters: { policy: "cluster" } as never }),
      '[stack/gw/svc] rateLimiting.counters ({"policy":"cluster"}) must be made with RateLimitCounters.cluster(), RateLimitCounters.redis(redis) or RateLimitCounters.local()',
    ],
  ])("refuses %s", (_what, policy, message) => {
    expect(attachError(policy)).toBe(message);
  });
});
