import { Testing } from "cdktf";
import { AiPlatform } from "../../stacks/ai-platform";
import { addDefaultConsumers, addDefaultModels } from "../../stacks/catalog";
import { ENVIRONMENTS } from "../../stacks/environments";
import { byName, expectValidationError, resources as values, synth, synthProblems } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** GIVEN the default platform of one environment (models and consumers of the catalog), synthesized. */
function platformFor(envName: "dev" | "prod") {
  const app = Testing.app();
  const platform = new AiPlatform(app, { environment: ENVIRONMENTS[envName] });
  addDefaultModels(platform);
  addDefaultConsumers(platform);
  return { app, platform, k8s: synth(platform.platformStack), gw: synth(platform.gatewayStack) };
}

describe("AiPlatform (dev)", () => {
  const { platform, k8s, gw } = platformFor("dev");

  test("two stacks named for the environment; the gateway stack is applied after the platform stack", () => {
    expect(platform.platformStack.node.id).toBe("ai-platform-dev");
    expect(platform.gatewayStack.node.id).toBe("ai-gateway-dev");
    expect(platform.gatewayStack.dependencies).toEqual([platform.platformStack]);
  });

  test("local state per stack by default", () => {
    expect(k8s.terraform.backend).toEqual({ local: { path: "../../../terraform-state/ai-platform-dev.tfstate" } });
    expect(gw.terraform.backend).toEqual({ local: { path: "../../../terraform-state/ai-gateway-dev.tfstate" } });
  });

  test("providers come from variables, never credentials in the code", () => {
    expect(k8s.provider.kubernetes).toEqual([{ config_context: "${var.kube_context}", config_path: "${var.kubeconfig_path}" }]);
    expect(gw.provider.kong[0].kong_admin_uri).toBe("${var.kong_admin_url}");
    expect(gw.variable.kong_admin_url.default).toBe("http://localhost:8001");
  });

  test("namespaces enforce the restricted Pod Security Standard and every object in them waits for them", () => {
    const namespaces = values(k8s, "kubernetes_namespace_v1");
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual(["kong", "models"]);
    for (const ns of namespaces) expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    for (const d of values(k8s, "kubernetes_deployment_v1")) {
      expect(d.depends_on).toContain(`kubernetes_namespace_v1.namespace-${d.metadata.namespace}`);
    }
  });

  test("in-cluster PostgreSQL, a Kong cluster, and the three models with one GPU model and one canary", () => {
    expect(values(k8s, "kubernetes_stateful_set_v1")).toHaveLength(1);
    const deployments = values(k8s, "kubernetes_deployment_v1").map((d) => d.metadata.name).sort();
    // the three models of the original design (a model added to the catalog joins them: derived from platform.models)
    expect(deployments).toEqual(expect.arrayContaining(["content-moderation", "face-detection", "kong", "pet-detection", "pet-detection-canary"]));
    const expected = ["kong", ...[...platform.models.values()].flatMap((m) => (m.canaryWorkload ? [m.name, `${m.name}-canary`] : [m.name]))];
    expect(deployments).toEqual(expected.sort());
    const gpu = values(k8s, "kubernetes_deployment_v1").filter((d) => d.spec.template.spec.container[0].resources?.limits?.["nvidia.com/gpu"]);
    expect(gpu.map((d) => d.metadata.name)).toEqual(["face-detection"]);
    expect(values(gw, "kong_upstream").map((u) => u.name)).toEqual(["pet-detection.upstream"]);
  });

  test("global prometheus and correlation-id plugins; every model behind key-auth and ACL", () => {
    const global = values(gw, "kong_plugin").filter((p) => !p.service_id && !p.route_id && !p.consumer_id);
    expect(global.map((p) => p.name).sort()).toEqual(["correlation-id", "prometheus"]);
    const keyAuth = values(gw, "kong_plugin").filter((p) => p.name === "key-auth");
    expect(keyAuth).toHaveLength(platform.models.size);
  });

  test("two consumers with different groups and limits; keys generated, stored in Secrets, exposed only as sensitive outputs", () => {
    const consumers = values(gw, "kong_consumer").map((c) => c.username);
    expect(consumers).toEqual(expect.arrayContaining(["mobile-app", "partner-acme"]));
    const groups = values(gw, "kong_consumer_acl").map((a) => a.group);
    expect(groups).toEqual(expect.arrayContaining(["content-moderation", "face-detection", "pet-detection"]));
    expect(groups.filter((g) => g === "face-detection")).toHaveLength(1); // only the mobile app may detect faces
    for (const key of values(gw, "kong_consumer_key_auth")) expect(key.key).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    const outputs = Object.values<any>(gw.output).filter((o) => String(o.value).includes("random_password"));
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs) expect(o.sensitive).toBe(true);
    const limits = values(gw, "kong_plugin").filter((p) => p.consumer_id && p.name === "rate-limiting");
    expect(limits.map((p) => JSON.parse(p.config_json).minute).sort()).toEqual([1000, 120]);
  });

  test("outputs are named for humans: routes per model, the proxy VIP, the admin URL, each consumer's key (sensitive)", () => {
    expect(gw.output.face_detection_routes.value).toEqual(["/v1/face-detection"]);
    expect(Object.keys(k8s.output).sort()).toEqual(["kong_admin_url", "kong_proxy_address"]);
    expect(k8s.output.kong_admin_url.value).toBe("http://kong-admin.kong.svc.cluster.local:8001");
    expect(gw.output.consumer_mobile_app_key_auth).toMatchObject({ sensitive: true });
    expect(gw.output.consumer_mobile_app_key_auth.value).toMatch(/^\$\{random_password\./);
  });
});

describe("AiPlatform (prod)", () => {
  const { k8s } = platformFor("prod");

  test("an existing PostgreSQL: the kong role and database are created on it, nothing runs in-cluster", () => {
    expect(values(k8s, "kubernetes_stateful_set_v1")).toHaveLength(0);
    expect(values(k8s, "postgresql_role")).toHaveLength(1);
    expect(values(k8s, "postgresql_database")).toHaveLength(1);
  });

  test("a fixed proxy VIP and an internal admin load balancer restricted to the CI network", () => {
    const services = Object.fromEntries(values(k8s, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec]));
    expect(services["kong-proxy"]).toMatchObject({ type: "LoadBalancer", load_balancer_ip: "10.20.0.10" });
    expect(services["kong-admin"]).toMatchObject({ type: "LoadBalancer", load_balancer_source_ranges: ["10.99.0.0/24"] });
  });

  test("more Kong and model replicas than dev", () => {
    const hpas = Object.fromEntries(values(k8s, "kubernetes_horizontal_pod_autoscaler_v2").map((h) => [h.metadata.name, h.spec]));
    expect(hpas.kong).toMatchObject({ min_replicas: 3, max_replicas: 10 });
    expect(hpas["content-moderation"]).toMatchObject({ min_replicas: 2, max_replicas: 3 });
  });
});

describe("the default platform's JSON", () => {
  test("is byte-identical across two synths", () => {
    const a = platformFor("dev");
    const b = platformFor("dev");
    expect(Testing.synth(b.platform.platformStack)).toBe(Testing.synth(a.platform.platformStack));
    expect(Testing.synth(b.platform.gatewayStack)).toBe(Testing.synth(a.platform.gatewayStack));
  });

  test.each(["dev", "prod"] as const)("%s holds no secret in plain text", (env) => {
    const { k8s, gw } = platformFor(env);
    const text = JSON.stringify([k8s, gw]);
    // every password-like attribute is a reference or a variable, never a literal
    const literal = /"(password|key|secret|kong_admin_token|kong_admin_password|api_key)":"(?!\$\{)[^"]*"/g;
    const hits = (text.match(literal) ?? []).filter((m) => !/"key":"(nvidia\.com\/gpu|password|[\w-]+\/[\w.-]+)"/.test(m));
    expect(hits).toEqual([]);
    for (const s of values(k8s, "kubernetes_secret_v1").concat(values(gw, "kubernetes_secret_v1"))) {
      for (const v of Object.values<string>(s.data ?? {})) expect(v).toMatch(/^\$\{/);
    }
  });
});

describe("AiPlatform rejects bad input", () => {
  test("a consumer group that no model allows (a typo that would mean 403 everywhere)", () => {
    // GIVEN a platform with two models of its own and a consumer with a misspelled group
    const platform = new AiPlatform(Testing.app(), { environment: ENVIRONMENTS.dev });
    platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
    platform.addModel("translate", { name: "translate", image: "r/translate:1.0.0", allowedGroups: ["language"] });
    platform.addConsumer("typo", { username: "typo", aclGroups: ["ocr", "orc"], keyAuth: true });
    // WHEN the gateway stack is synthesized THEN the validation names the consumer, the group and the known groups
    expect(synthProblems(platform.gatewayStack)).toEqual([
      '[ai-gateway-dev/gateway/typo] aclGroups ("orc") is allowed by no model of this platform ("language", "ocr"): the consumer would get 403 from every route',
    ]);
  });

  test.each([
    ["no props", undefined, "[AiPlatform] props (null) must be { environment, backend? }"],
    ["a stack name Terraform cannot use", { environment: { ...ENVIRONMENTS.dev, name: "Dev Env" } }, '[AiPlatform] environment.name ("Dev Env") must be a DNS-1123 label: at most 30 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit'],
    [
      "an environment of the wrong shape: every missing field at once",
      { environment: {} },
      [
        "[AiPlatform] environment.name (undefined) is required",
        "[AiPlatform] environment.kongNamespace (undefined) is required",
        "[AiPlatform] environment.modelNamespace (undefined) is required",
        '[AiPlatform] environment.database (null) must be { kind: "in-cluster", ... } or { kind: "existing", ... }',
        "[AiPlatform] environment.kong (null) must be { minReplicas, maxReplicas, proxy, adminSourceRanges? }",
        "[AiPlatform] environment.modelScale (null) must be { minReplicas, maxReplicas }",
      ].join("\n"),
    ],
  ])("%s", (_what, props, message) => {
    expectValidationError(() => new AiPlatform(Testing.app(), props as never), message);
  });

  test("a missing model definition is a ValidationError, not a TypeError", () => {
    const platform = new AiPlatform(Testing.app(), { environment: ENVIRONMENTS.dev });
    expectValidationError(
      () => platform.addModel("m", undefined as never),
      "[ai-platform-dev/m] props (undefined) must be an object with at least name, namespace, image, gateway and kong",
    );
  });

  test("the environment's Kong image is used (upgrades happen per environment)", () => {
    const platform = new AiPlatform(Testing.app(), { environment: { ...ENVIRONMENTS.dev, kong: { ...ENVIRONMENTS.dev.kong, image: "kong:3.9.2" } } });
    const kong = byName(synth(platform.platformStack), "kubernetes_deployment_v1", "kong");
    expect(kong.spec.template.spec.container[0].image).toBe("kong:3.9.2");
  });
});
