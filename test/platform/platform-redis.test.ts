import { Testing } from "cdktf";
import { AiPlatform, AiPlatformProps, Plugin, PlatformRedis, ProxyEndpoint, RateLimitCounters } from "../../lib";
import { byName, expectValidationError, Json, resources, synth } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

const MINIMAL: AiPlatformProps = { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } };

function platform(props: Partial<AiPlatformProps> = {}) {
  const p = new AiPlatform(Testing.app(), "acme", { ...MINIMAL, ...props });
  p.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
  p.addModel("batch", { name: "batch", image: "r/batch:1.0.0", rateLimit: { hour: 100, counters: RateLimitCounters.local() } });
  p.addConsumer("web", { username: "web", aclGroups: ["ocr", "batch"], keyAuth: true, plugins: [Plugin.rateLimiting({ minute: 60, counters: p.rateLimitCounters })] });
  return { platform: p, k8s: synth(p.platformStack), gw: synth(p.gatewayStack) };
}

/** Each rate-limiting plugin's policy, by the Kong entity it is attached to. */
const policies = (gw: Json) => resources(gw, "kong_plugin").filter((p) => p.name === "rate-limiting").map((p) => JSON.parse(p.config_json));
const kongEnv = (k8s: Json) => byName(k8s, "kubernetes_deployment_v1", "kong").spec.template.spec.container[0].env as any[];

describe("AiPlatform without a redis", () => {
  const { platform: p, k8s, gw } = platform();

  test("models count in Kong's PostgreSQL (cluster) unless they choose; the platform offers the same to consumers", () => {
    expect(p.rateLimitCounters.policy).toBe("cluster");
    expect(p.redis).toBeUndefined();
    expect(policies(gw).map((c) => c.policy).sort()).toEqual(["cluster", "cluster", "local"]);
    expect(resources(k8s, "kubernetes_deployment_v1").map((d) => d.metadata.name)).not.toContain("kong-redis");
  });
});

describe("AiPlatform with PlatformRedis.inCluster()", () => {
  const { platform: p, k8s, gw } = platform({ redis: PlatformRedis.inCluster() });

  test("a Redis pod in Kong's namespace that admits only Kong's proxy pods", () => {
    expect(byName(k8s, "kubernetes_deployment_v1", "kong-redis").metadata.namespace).toBe("kong");
    const policy = byName(k8s, "kubernetes_network_policy_v1", "kong-redis").spec;
    expect(policy.ingress[0].from).toEqual([
      { namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } }, pod_selector: { match_labels: p.kong.proxySelectorLabels } },
    ]);
  });

  test("Kong's pods read the password from the Secret; the plugins name it by vault reference only", () => {
    expect(kongEnv(k8s)).toContainEqual({ name: "KONG_RATE_LIMITING_REDIS_PASSWORD", value_from: { secret_key_ref: { name: "kong-redis-credentials", key: "password" } } });
    const redisPolicies = policies(gw).filter((c) => c.policy === "redis");
    expect(redisPolicies).toHaveLength(2); // the model's and the consumer's; the model that chose local keeps it
    for (const c of redisPolicies) {
      expect(c.redis).toMatchObject({ host: "kong-redis.kong.svc.cluster.local", port: 6379, timeout: 2000, database: 0, ssl: false, ssl_verify: false, password: "{vault://env/kong-rate-limiting-redis-password}" });
      expect(c.sync_rate).toBe(-1);
    }
    for (const plugin of resources(gw, "kong_plugin")) expect(plugin.config_json).not.toMatch(/random_password|\$\{/);
  });
});

describe("AiPlatform with PlatformRedis.existing()", () => {
  const redis = PlatformRedis.existing({ host: "redis.prod.internal", ssl: true, sslVerify: true, passwordSecret: { name: "kong-redis", key: "password" } });

  test("Kong trusts the system CAs to verify Redis, unless its env says otherwise; nothing else is created", () => {
    const { k8s } = platform({ redis });
    expect(kongEnv(k8s)).toContainEqual({ name: "KONG_LUA_SSL_TRUSTED_CERTIFICATE", value: "system" });
    expect(kongEnv(k8s)).toContainEqual({ name: "KONG_RATE_LIMITING_REDIS_PASSWORD", value_from: { secret_key_ref: { name: "kong-redis", key: "password" } } });
    const own = platform({ redis, kong: { proxy: ProxyEndpoint.clusterIp(), env: { KONG_LUA_SSL_TRUSTED_CERTIFICATE: "/etc/ssl/ca.pem" } } }).k8s;
    expect(kongEnv(own)).toContainEqual({ name: "KONG_LUA_SSL_TRUSTED_CERTIFICATE", value: "/etc/ssl/ca.pem" });
  });

  test("rejects a redis not made by PlatformRedis, and a password variable the user sets too", () => {
    expectValidationError(() => platform({ redis: { host: "r" } as never }), '[acme] redis ({"host":"r"}) must be made with PlatformRedis.inCluster() or PlatformRedis.existing({ host, ... })');
    expectValidationError(
      () => platform({ redis, kong: { proxy: ProxyEndpoint.clusterIp(), envFromSecrets: { KONG_RATE_LIMITING_REDIS_PASSWORD: { name: "x", key: "y" } } } }),
      '[acme] kong.envFromSecrets.KONG_RATE_LIMITING_REDIS_PASSWORD ("<set>") is set by the platform from its redis (the password\'s Secret): remove it',
    );
  });
});
