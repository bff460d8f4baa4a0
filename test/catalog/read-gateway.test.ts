import { Plugin } from "../../lib/gateway/plugins/plugin";
import { Scaling } from "../../lib/kubernetes/scaling";
import { DetectionService } from "../../lib/models/detection-service";
import { KONG } from "../models/helpers";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";
import { ApiCatalog } from "../../lib/catalog/api-catalog";
import { KongGateway } from "../../lib/gateway/gateway";
import { catalogOf, defaultApp, gatewaySetup } from "./helpers";

describe("the catalog of the default app (dev), read from its constructs", () => {
  const data = defaultApp("dev").platform.catalog!.data();
  const api = (name: string) => data.apis.find((a) => a.name === name)!;

  test("the proxy, Kong and its database, from the KongCluster's resources", () => {
    expect(data.proxy).toEqual({
      type: "LoadBalancer",
      inClusterHost: "kong-proxy.kong.svc.cluster.local",
      httpPort: 80,
      httpsPort: 443,
      sourceRanges: ["10.0.0.0/8"],
      addressOutput: { stack: "ai-platform-dev", name: "kong_proxy_address" },
    });
    expect(data.kong).toEqual({ name: "kong", namespace: "kong", image: "kong:3.9.1", replicas: { min: 2, max: 3, autoscaled: true, cpuTargetPercent: 80 } });
    expect(data.database).toEqual({ kind: "in-cluster", host: "kong-postgres.kong.svc.cluster.local", port: 5432, database: "kong", ssl: false });
    expect(data.globalPlugins).toEqual([
      { name: "prometheus", scope: "global" },
      { name: "correlation-id", scope: "global" },
    ]);
  });

  test("a model's route with every plugin that applies to it, the most specific scope's", () => {
    const route = api("face-detection").routes[0];
    expect(route).toMatchObject({
      name: "face-detection",
      protocols: ["http", "https"],
      paths: ["/v1/face-detection"],
      methods: ["POST"],
      hosts: [],
      stripPath: true,
      acl: { scope: "service", allow: ["face-detection"] },
      rateLimit: { scope: "service", windows: [{ window: "second", limit: 10 }, { window: "minute", limit: 300 }], limitBy: "consumer", policy: "redis", errorCode: 429, clientHeaders: true },
      requestSizeLimit: { scope: "service", bytes: 10485760, size: 10, unit: "megabytes", requireContentLength: false },
      requestIdHeader: "X-Request-ID",
    });
    expect(route.authentication).toEqual({
      mode: "all",
      anonymousAdmitted: false,
      methods: [{ plugin: "key-auth", scope: "service", locations: [{ in: "header", name: "apikey" }], anonymous: false, runOnPreflight: true }],
    });
    expect(route.plugins.map((p) => `${p.name}@${p.scope}`)).toEqual([
      "key-auth@service",
      "acl@service",
      "rate-limiting@service",
      "request-size-limiting@service",
      "prometheus@global",
      "correlation-id@global",
    ]);
  });

  test("a model's Deployment: pods or autoscaling range, GPUs", () => {
    expect(api("face-detection").workload).toEqual({
      namespace: "models",
      deployment: "face-detection",
      image: "registry.internal/ai/face-detection:1.4.2",
      replicas: { min: 1, max: 2, autoscaled: true, cpuTargetPercent: 70 },
      gpus: { count: 1, resource: "nvidia.com/gpu" },
    });
  });

  test("a canary's share is the weight of its upstream target; active and passive health checks", () => {
    const pet = api("pet-detection");
    expect(pet.canary).toMatchObject({ deployment: "pet-detection-canary", image: "registry.internal/ai/pet-detection:2.1.0", weightPercent: 10, replicas: { min: 1, max: 2, autoscaled: true } });
    expect(pet.upstream).toEqual({
      name: "pet-detection.upstream",
      targets: [
        { target: "pet-detection.models.svc.cluster.local:80", weight: 90, percent: 90 },
        { target: "pet-detection-canary.models.svc.cluster.local:80", weight: 10, percent: 10 },
      ],
      healthChecks: {
        active: { type: "http", path: "/ready", healthyIntervalSeconds: 10, unhealthyIntervalSeconds: 5 },
        passive: { httpFailures: 5, timeouts: 3, tcpFailures: 0 },
      },
    });
  });

  test("a consumer: groups, where its key is published (never the key), its own rate limit, what it may call", () => {
    expect(data.consumers.find((c) => c.name === "partner-acme")).toEqual({
      name: "partner-acme",
      username: "partner-acme",
      customId: "acme-corp",
      groups: ["content-moderation", "pet-detection"],
      credentials: [
        {
          kind: "key-auth",
          id: "KeyAuth",
          published: [
            {
              key: "key-auth",
              secret: { namespace: "kong", name: "kong-consumer-partner-acme" },
              output: { stack: "ai-gateway-dev", name: "consumer_partner_acme_key_auth" },
            },
          ],
        },
      ],
      rateLimit: expect.objectContaining({ scope: "consumer", windows: [{ window: "minute", limit: 1000 }, { window: "hour", limit: 20000 }] }),
      plugins: ["rate-limiting"],
      apis: ["content-moderation", "pet-detection"],
    });
    expect(JSON.stringify(data)).not.toMatch(/random_password|TfToken/);
  });
});

describe("the catalog of the default app (prod)", () => {
  const data = defaultApp("prod").platform.catalog!.data();

  test("the proxy's certificate hosts; HTTPS-only routes; the Admin API's service is of kind admin", () => {
    expect(data.proxy).toMatchObject({ address: "10.20.0.10", tlsHosts: ["ai.prod.internal", "kong-admin.prod.internal"] });
    expect(data.apis.map((a) => [a.name, a.kind, a.routes.map((r) => r.protocols.join("+"))])).toEqual([
      ["content-moderation", "model", ["https"]],
      ["face-detection", "model", ["https"]],
      ["kong-admin-api", "admin", ["https"]],
      ["pet-detection", "model", ["https"]],
    ]);
    expect(data.database).toEqual({ kind: "external", host: "kong-db.prod.internal", port: 5432, database: "kong", ssl: true });
  });
});

describe("reading any gateway", () => {
  test("Kong's precedence: a route's plugin over its service's over the global one", () => {
    const { gateway } = gatewaySetup();
    gateway.addPlugin(Plugin.rateLimiting({ hour: 1000 }));
    const svc = gateway.addService("svc", { host: "svc.local" });
    svc.addPlugin(Plugin.rateLimiting({ minute: 100 }));
    svc.addRoute("plain", { paths: ["/plain"] });
    svc.addRoute("tight", { paths: ["/tight"] }).addPlugin(Plugin.rateLimiting({ second: 1 }));
    gateway.addService("other", { host: "other.local" }).addRoute("other", { paths: ["/other"] });
    const routes = catalogOf(gateway).apis.flatMap((a) => a.routes);
    expect(routes.map((r) => [r.name, r.rateLimit?.scope, r.rateLimit?.windows])).toEqual([
      ["other-other", "global", [{ window: "hour", limit: 1000 }]],
      ["svc-plain", "service", [{ window: "minute", limit: 100 }]],
      ["svc-tight", "route", [{ window: "second", limit: 1 }]],
    ]);
  });

  test("a JWT credential is published under its three keys; a consumer publishing nothing says so", () => {
    const { gateway } = gatewaySetup();
    gateway.addService("svc", { host: "svc.local" }).addRoute("r", { paths: ["/r"] });
    gateway.addConsumer("app", { username: "app", jwt: {}, keyAuth: true, credentialsSecret: { namespace: "apps" } });
    gateway.addConsumer("bare", { username: "bare", keyAuth: true });
    const [app, bare] = catalogOf(gateway).consumers;
    expect(app.credentials).toEqual([
      { kind: "key-auth", id: "KeyAuth", published: [{ key: "key-auth", secret: { namespace: "apps", name: "kong-consumer-app" } }] },
      {
        kind: "jwt",
        id: "Jwt",
        published: ["jwt-key", "jwt-algorithm", "jwt-secret"].map((key) => ({ key, secret: { namespace: "apps", name: "kong-consumer-app" } })),
      },
    ]);
    expect(bare.credentials).toEqual([{ kind: "key-auth", id: "KeyAuth", published: [] }]);
  });

  test("a model with a fixed pod count; a service without a model has no workload; no Kong cluster: no proxy", () => {
    const { app, gateway } = gatewaySetup();
    const stack = new TerraformStack(app, "platform");
    new KubernetesProvider(stack, "k8s", {});
    new DetectionService(stack, "ocr", { name: "ocr", namespace: "ai", image: "r/ocr:1.0.0", gateway, kong: KONG, scaling: Scaling.fixed(3) });
    gateway.addService("legacy", { host: "legacy.local", port: 8080 }).addRoute("r", { paths: ["/legacy"] });
    const data = catalogOf(gateway);
    expect(data.proxy).toBeUndefined();
    expect(data.apis.map((a) => [a.name, a.kind, a.workload?.replicas])).toEqual([
      ["legacy", "service", undefined],
      ["ocr", "model", { min: 3, max: 3, autoscaled: false }],
    ]);
    expect(data.apis[0].service).toEqual({ name: "legacy", protocol: "http", host: "legacy.local", port: 8080, plugins: [] });
  });

  test("active health checks count only with an interval: Kong does not probe at interval 0", () => {
    const { gateway } = gatewaySetup();
    const upstream = gateway.addUpstream("up", {
      name: "backend.upstream",
      targets: [{ target: "a.local:80", weight: 75 }, { target: "b.local:80", weight: 25 }],
      healthchecks: { active: { httpPath: "/ready", healthy: { intervalSeconds: 5 }, unhealthy: { intervalSeconds: 10 } } },
    });
    gateway.addService("svc", { upstream }).addRoute("r", { paths: ["/r"] });
    const idle = gateway.addUpstream("idle", { name: "idle.upstream", targets: [{ target: "c.local:80" }], healthchecks: { active: {} } });
    gateway.addService("idle-svc", { name: "idle", upstream: idle }).addRoute("r", { paths: ["/idle"] });
    const [idleApi, svc] = catalogOf(gateway).apis;
    expect(svc.upstream?.healthChecks).toEqual({ active: { type: "http", path: "/ready", healthyIntervalSeconds: 5, unhealthyIntervalSeconds: 10 } });
    expect(svc.upstream?.targets.map((t) => t.percent)).toEqual([75, 25]);
    expect(idleApi.upstream?.healthChecks).toEqual({});
  });

  test("routes of another gateway in the same app are not this one's", () => {
    const { app, gateway } = gatewaySetup();
    const other = new KongGateway(new TerraformStack(app, "other"), "gateway", { adminUrl: "http://other:8001" });
    other.addService("theirs", { host: "t.local" }).addRoute("r", { paths: ["/theirs"] });
    gateway.addService("mine", { host: "m.local" }).addRoute("r", { paths: ["/mine"] });
    expect(catalogOf(gateway).apis.map((a) => a.name)).toEqual(["mine"]);
  });
});

describe("numbers that are Terraform references", () => {
  test("a service's port and a target's weight read as the reference's expression, and shares are left out", () => {
    // GIVEN a service whose port, and an upstream target whose weight, are number variables
    const { stack, gateway } = gatewaySetup();
    const port = new TerraformVariable(stack, "port", { type: "number" }).numberValue;
    const weight = new TerraformVariable(stack, "weight", { type: "number" }).numberValue;
    const upstream = gateway.addUpstream("face", { name: "face.upstream", targets: [{ target: "10.0.0.7:8080", weight }, { target: "10.0.0.8:8080" }] });
    gateway.addService("direct", { host: "face.models.svc", port }).addRoute("r", { paths: ["/direct"] });
    gateway.addService("balanced", { upstream }).addRoute("r", { paths: ["/balanced"] });
    // WHEN the catalog is read THEN the expressions stand where the numbers would, never NaN
    const catalog = new ApiCatalog(stack, "catalog", { gateway });
    const apis = catalog.data().apis;
    expect(apis.find((a) => a.service.name === "direct")?.service.port).toBe("${var.port}");
    expect(apis.find((a) => a.service.name === "balanced")?.upstream?.targets).toEqual([
      { target: "10.0.0.7:8080", weight: "${var.weight}" },
      { target: "10.0.0.8:8080", weight: 100 },
    ]);
    const markdown = catalog.render()["catalog.md"];
    expect(markdown).toContain("http://face.models.svc:${var.port}");
    expect(markdown).toContain("10.0.0.7:8080 (weight ${var.weight}), 10.0.0.8:8080 (weight 100)");
    expect(Object.values(catalog.render()).join("\n")).not.toMatch(/NaN|undefined/);
  });

  test("a service or upstream name that is a string reference reads as its expression, not cdktf's marker", () => {
    const { stack, gateway } = gatewaySetup();
    const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    const upstreamName = new TerraformVariable(stack, "upstream_name", { type: "string" }).stringValue;
    const upstream = gateway.addUpstream("u", { name: upstreamName, targets: [{ target: "10.0.0.7:8080" }] });
    gateway.addService("svc", { name, upstream }).addRoute("r", { paths: ["/r"] });
    const catalog = new ApiCatalog(stack, "catalog", { gateway });
    const [api] = catalog.data().apis;
    expect([api.name, api.service.name, api.upstream?.name]).toEqual(["${var.name}", "${var.name}", "${var.upstream_name}"]);
    expect(Object.values(catalog.render()).join("\n")).not.toContain("TfToken");
  });
});
