import { TerraformStack, Testing } from "cdktf";
import { RateLimitCounters } from "../../lib/gateway/plugins/rate-limit-counters";
import { DetectionService } from "../../lib/models/detection-service";
import { faceProps, model, plugins, setup } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

describe("modelPolicies", () => {
  test("in order: key-auth, ACL, rate limit, payload limit, then the model's own plugins", () => {
    const { svc } = model();
    expect(svc.kongService._plugins.names).toEqual(["key-auth", "acl", "rate-limiting", "request-size-limiting"]);
  });

  test("a public model has neither key-auth nor ACL and is limited per client IP", () => {
    const { json } = model({ public: { reason: "Demo page for the open research preview" } });
    const p = plugins(json);
    expect(Object.keys(p).sort()).toEqual(["rate-limiting", "request-size-limiting"]);
    expect(JSON.parse(p["rate-limiting"].config_json)).toMatchObject({ limit_by: "ip", policy: "cluster" });
  });

  test("by default a limit of N admits about N across all Kong pods: counters in Kong's PostgreSQL (cluster)", () => {
    const config = JSON.parse(plugins(model().json)["rate-limiting"].config_json);
    expect(config).toMatchObject({
      second: 20,
      minute: 600,
      limit_by: "consumer",
      policy: "cluster",
      sync_rate: -1,
      fault_tolerant: true,
      hide_client_headers: false,
      error_code: 429,
      error_message: "API rate limit exceeded",
    });
  });

  test("rateLimit.counters chooses where Kong counts: local (per pod) only when asked for", () => {
    const local = JSON.parse(plugins(model({ rateLimit: { minute: 100, counters: RateLimitCounters.local() } }).json)["rate-limiting"].config_json);
    expect(local).toMatchObject({ minute: 100, policy: "local" });
    const redis = RateLimitCounters.redis({ host: "redis.kong.svc.cluster.local", password: "{vault://env/kong-redis-password}" });
    const shared = JSON.parse(plugins(model({ rateLimit: { minute: 100, counters: redis } }).json)["rate-limiting"].config_json);
    expect(shared).toMatchObject({
      policy: "redis",
      sync_rate: -1,
      redis: { host: "redis.kong.svc.cluster.local", port: 6379, password: "{vault://env/kong-redis-password}", ssl: false },
    });
  });

  test("rateLimit: false drops the rate limit", () => {
    const { json } = model({ rateLimit: false });
    expect(Object.keys(plugins(json)).sort()).toEqual(["acl", "key-auth", "request-size-limiting"]);
  });

  test("models with the same settings render the same plugin configs", () => {
    const { stack, gateway } = setup();
    new DetectionService(stack, "a", faceProps(gateway, { name: "a" }));
    new DetectionService(stack, "b", faceProps(gateway, { name: "b" }));
    const json = JSON.parse(Testing.synth(stack as TerraformStack, true));
    const configs = (name: string) => new Set(Object.values<any>(json.resource.kong_plugin).filter((p) => p.name === name).map((p) => p.config_json));
    for (const name of ["key-auth", "rate-limiting", "request-size-limiting"]) expect(configs(name).size).toBe(1);
  });
});
