import { checkRedis } from "../../../lib/gateway/plugins/redis";
import { ProblemRecorder } from "../../../lib/core/errors";

describe("redis record", () => {
  test("fills Kong's defaults", () => {
    // GIVEN only a host WHEN checked THEN port 6379, timeout 2000, database 0, no TLS
    const v = new ProblemRecorder("r");
    expect(checkRedis(v, { host: "redis.cache" })).toEqual({ host: "redis.cache", port: 6379, timeout: 2000, database: 0, ssl: false, ssl_verify: false });
    expect(v.items).toEqual([]);
  });

  test("rejects a host with a port and an out-of-range port", () => {
    const v = new ProblemRecorder("r");
    checkRedis(v, { host: "redis:6379", port: 70000 });
    expect(v.items.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "r.redis.host: must not have a port: set the port separately",
      "r.redis.port: must be an integer between 0 and 65535",
    ]);
  });

  test("timeoutMs is Kong's timeout in milliseconds", () => {
    // GIVEN a timeout in milliseconds WHEN checked THEN it is rendered as Kong's timeout; out of range is refused
    const v = new ProblemRecorder("r");
    expect(checkRedis(v, { host: "r", timeoutMs: 250 })).toMatchObject({ timeout: 250 });
    checkRedis(v, { host: "r", timeoutMs: -1 });
    expect(v.items.map((p) => `${p.field} (${p.value}) ${p.message}`)).toEqual(["r.redis.timeoutMs (-1) must be an integer between 0 and 2147483646"]);
  });

  test("rejects a server name that is an IP address", () => {
    const v = new ProblemRecorder("r");
    checkRedis(v, { host: "r", serverName: "10.0.0.1" });
    expect(v.items.map((p) => p.message)).toEqual(["must be a server name: a hostname without port, not an IP address"]);
  });
});
