import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

/** Kong 3.9's redis record with nothing set. */
const REDIS_DEFAULTS = { host: null, port: 6379, timeout: 2000, username: null, password: null, database: 0, ssl: false, ssl_verify: false, server_name: null };
/** The deprecated redis_* keys Kong 3.9 echoes, as copies of the default redis record. */
const REDIS_SHORTHAND_DEFAULTS = {
  redis_host: null,
  redis_port: 6379,
  redis_password: null,
  redis_username: null,
  redis_ssl: false,
  redis_ssl_verify: false,
  redis_server_name: null,
  redis_timeout: 2000,
  redis_database: 0,
};

describe("response-ratelimiting", () => {
  test("typical: a token counter with Kong's defaults", () => {
    // GIVEN one counter WHEN rendered THEN the limits map (every window of a counter, unset ones null) and every
    // field Kong echoes are in the config
    expect(rendered(Plugin.responseRateLimiting({ limits: { tokens: { minute: 1000, hour: 20000 } } }))).toEqual({
      limits: { tokens: { second: null, minute: 1000, hour: 20000, day: null, month: null, year: null } },
      redis: REDIS_DEFAULTS,
      ...REDIS_SHORTHAND_DEFAULTS,
      limit_by: "consumer",
      header_name: "x-kong-limit",
      policy: "local",
      fault_tolerant: true,
      block_on_first_violation: false,
      hide_client_headers: false,
    });
  });

  test("rejects an empty limits map", () => {
    expect(attachError(Plugin.responseRateLimiting({ limits: {} }))).toBe(
      "[stack/gw/svc] responseRateLimiting.limits ({}) must define at least one counter, e.g. { tokens: { minute: 1000 } }",
    );
  });

  test("rejects a counter without windows and one with inverted windows", () => {
    expect(attachError(Plugin.responseRateLimiting({ limits: { a: {}, b: { hour: 5, day: 1 } } }))).toBe(
      [
        "[stack/gw/svc] responseRateLimiting.limits.a (undefined) must set at least one window: second, minute, hour, day, month, year",
        "[stack/gw/svc] responseRateLimiting.limits.b.day (1) is lower than limits.b.hour (5): Kong requires each longer window to allow at least as many requests. Raise day to >= 5.",
      ].join("\n"),
    );
  });

  test("rejects limitBy outside consumer/credential/ip", () => {
    expect(attachError(Plugin.responseRateLimiting({ limits: { t: { second: 1 } }, limitBy: "service" as any }))).toBe(
      '[stack/gw/svc] responseRateLimiting.limitBy ("service") must be one of "consumer", "credential", "ip"',
    );
  });

  test("rejects missing limits without a TypeError", () => {
    expect(attachError(Plugin.responseRateLimiting({} as any))).toBe(
      "[stack/gw/svc] responseRateLimiting.limits (undefined) must map a counter name to its windows, e.g. { tokens: { minute: 1000 } }",
    );
  });
});
