import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { TerraformVariable } from "cdktf";
import { attachError, pluginConfig, rendered, setup, synth } from "../helpers";
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

describe("rate-limiting", () => {
  test("typical: per-second and per-minute windows with Kong's defaults", () => {
    // GIVEN two windows WHEN rendered THEN the windows and every field Kong echoes are in the config
    expect(rendered(Plugin.rateLimiting({ second: 5, minute: 100 }))).toEqual({
      second: 5,
      minute: 100,
      hour: null,
      day: null,
      month: null,
      year: null,
      header_name: null,
      path: null,
      redis: REDIS_DEFAULTS,
      ...REDIS_SHORTHAND_DEFAULTS,
      limit_by: "consumer",
      policy: "local",
      fault_tolerant: true,
      hide_client_headers: false,
      error_code: 429,
      error_message: "API rate limit exceeded",
      sync_rate: -1,
    });
  });

  test("redis policy: defaults of the redis record, password only as a variable reference", () => {
    // GIVEN redis with a sensitive variable password WHEN synthesized THEN the JSON holds a reference, not a secret
    const { stack, svc } = setup();
    const pw = new TerraformVariable(stack, "redis_password", { type: "string", sensitive: true });
    svc.addPlugin(Plugin.rateLimiting({ minute: 10, policy: "redis", syncRateSeconds: 0.5, redis: { host: "redis.cache", password: pw.stringValue } }));
    expect(pluginConfig(synth(stack), "rate-limiting")).toMatchObject({
      policy: "redis",
      sync_rate: 0.5,
      redis: { host: "redis.cache", port: 6379, timeout: 2000, database: 0, ssl: false, ssl_verify: false, password: "${var.redis_password}" },
    });
  });

  test("limit by header", () => {
    expect(rendered(Plugin.rateLimiting({ hour: 1000, limitBy: "header", headerName: "x-team" }))).toMatchObject({
      limit_by: "header",
      header_name: "x-team",
    });
  });

  test("rejects no window at all", () => {
    expect(attachError(Plugin.rateLimiting({}))).toBe(
      "[stack/gw/svc] rateLimiting.second (undefined) must set at least one window: second, minute, hour, day, month, year",
    );
  });

  test("rejects a longer window lower than a shorter one", () => {
    expect(attachError(Plugin.rateLimiting({ second: 20, minute: 10 }))).toBe(
      "[stack/gw/svc] rateLimiting.minute (10) is lower than second (20): Kong requires each longer window to allow at least as many requests. Raise minute to >= 20.",
    );
  });

  test("compares with the largest shorter window, not only the neighbour", () => {
    expect(attachError(Plugin.rateLimiting({ second: 50, minute: 60, day: 55 }))).toBe(
      "[stack/gw/svc] rateLimiting.day (55) is lower than minute (60): Kong requires each longer window to allow at least as many requests. Raise day to >= 60.",
    );
  });

  test("rejects a zero or negative window", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 0 }))).toBe("[stack/gw/svc] rateLimiting.minute (0) must be a number greater than 0");
  });

  test("rejects limitBy header without headerName", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, limitBy: "header" }))).toBe(
      '[stack/gw/svc] rateLimiting.headerName (undefined) is required when limitBy is "header"',
    );
  });

  test("rejects limitBy path without path", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, limitBy: "path" }))).toBe(
      '[stack/gw/svc] rateLimiting.path (undefined) is required when limitBy is "path"',
    );
  });

  test("rejects an unknown limitBy and policy", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, limitBy: "user" as any, policy: "memory" as any }))).toBe(
      [
        '[stack/gw/svc] rateLimiting.limitBy ("user") must be one of "consumer", "credential", "ip", "service", "header", "path"',
        '[stack/gw/svc] rateLimiting.policy ("memory") must be one of "local", "cluster", "redis"',
      ].join("\n"),
    );
  });

  test("rejects policy redis without redis host", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, policy: "redis" }))).toBe(
      '[stack/gw/svc] rateLimiting.redis.host (undefined) is required when policy is "redis"',
    );
  });

  test("rejects a literal redis password (it would be plain text in the JSON)", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, policy: "redis", redis: { host: "r", password: "hunter2" } }))).toBe(
      '[stack/gw/svc] rateLimiting.redis.password ("<redacted>") must be a Kong vault reference ({vault://env/<name>}) or come from a sensitive Terraform variable, not a literal (it would be stored in plain text)',
    );
  });

  test("rejects syncRateSeconds without the redis policy", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, syncRateSeconds: 1 }))).toBe(
      '[stack/gw/svc] rateLimiting.syncRateSeconds (1) can only be used with policy "redis": leave it at -1 or set policy to "redis"',
    );
  });

  test("rejects a redis syncRateSeconds below 0.02", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, syncRateSeconds: 0.01, policy: "redis", redis: { host: "r" } }))).toBe(
      "[stack/gw/svc] rateLimiting.syncRateSeconds (0.01) must be -1 (synchronous) or at least 0.02 seconds",
    );
  });

  test("rejects a non-positive error code", () => {
    expect(attachError(Plugin.rateLimiting({ minute: 1, errorCode: 0 }))).toBe("[stack/gw/svc] rateLimiting.errorCode (0) must be a number greater than 0");
  });
});
