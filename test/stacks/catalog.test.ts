import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { Json, resources, synthApp } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** The default app's stacks of one environment, parsed: "platform" and "gateway". */
function defaultApp(env: "dev" | "prod"): { platform: Json; gateway: Json } {
  const stacks = synthApp((app) => buildDefaultApp(app, ENVIRONMENTS[env]));
  return { platform: JSON.parse(stacks[`ai-platform-${env}`]), gateway: JSON.parse(stacks[`ai-gateway-${env}`]) };
}

describe.each(["dev", "prod"] as const)("the default app (%s) shows the gateway's policies at work", (env) => {
  const { platform, gateway } = defaultApp(env);
  const plugins = resources(gateway, "kong_plugin");
  const routeAddress = (route: any) => `\${kong_route.${Object.entries<any>(gateway.resource.kong_route).find(([, r]) => r === route)?.[0]}.id}`;

  test("content-moderation accepts a JWT or an API key: both plugins name the anonymous consumer, the ACL refuses it", () => {
    const service = resources(gateway, "kong_service").find((s) => s.name === "content-moderation");
    const address = `\${kong_service.${Object.entries<any>(gateway.resource.kong_service).find(([, s]) => s === service)?.[0]}.id}`;
    const own = plugins.filter((p) => p.service_id === address);
    const anonymous = resources(gateway, "kong_consumer").filter((c) => c.username === "anonymous");
    expect(anonymous).toHaveLength(1);
    const config = (name: string) => JSON.parse(own.find((p) => p.name === name)?.config_json);
    expect(config("key-auth").anonymous).toMatch(/^\$\{kong_consumer\.gateway_AnonymousConsumer_\w+\.id\}$/);
    expect(config("jwt").anonymous).toBe(config("key-auth").anonymous);
    expect(config("acl").allow).toEqual(["content-moderation"]);
    // the web console holds a JWT credential, published like keys: never a literal secret
    const jwt = resources(gateway, "kong_consumer_jwt_auth");
    expect(jwt).toHaveLength(1);
    expect(jwt[0].secret).toMatch(/^\$\{random_password\./);
  });

  test("every rate limit, the models' and the consumers', is counted across Kong's pods (in Redis)", () => {
    const limits = plugins.filter((p) => p.name === "rate-limiting").map((p) => JSON.parse(p.config_json));
    expect(limits.length).toBe(6); // three models, three consumers
    for (const config of limits) {
      expect(config.policy).toBe("redis");
      expect(config.redis.password).toBe("{vault://env/kong-rate-limiting-redis-password}");
    }
  });

  test("every route under a cors plugin answers preflights: it matches OPTIONS", () => {
    const cors = plugins.filter((p) => p.name === "cors");
    expect(cors.length).toBeGreaterThan(0);
    const covered = resources(gateway, "kong_route").filter((r) => cors.some((c) => c.service_id === r.service_id || c.route_id === routeAddress(r)));
    expect(covered.map((r) => r.name)).toEqual(["content-moderation"]);
    for (const route of covered) expect(route.methods).toContain("OPTIONS");
  });

  test("the canary's upstream probes the readiness path, and the canary has its own autoscaler", () => {
    const upstream = resources(gateway, "kong_upstream");
    expect(upstream.map((u) => u.name)).toEqual(["pet-detection.upstream"]);
    expect(upstream[0].healthchecks.active).toMatchObject({ http_path: "/ready", healthy: { interval: 10, successes: 2 }, unhealthy: { interval: 5 } });
    const hpa = resources(platform, "kubernetes_horizontal_pod_autoscaler_v2").find((h) => h.metadata.name === "pet-detection-canary");
    expect(hpa?.spec.scale_target_ref.name).toBe("pet-detection-canary");
  });
});
