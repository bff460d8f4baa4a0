import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DetectionService, DetectionServiceProps } from "../../lib/models/detection-service";
import { KongGateway } from "../../lib/gateway/gateway";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, "platform");
  new KubernetesProvider(stack, "kubernetes", {});
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
  return { app, stack, gateway };
}

function model(overrides: Partial<DetectionServiceProps> = {}) {
  const { stack, gateway } = setup();
  const svc = new DetectionService(stack, "face", {
    name: "face-detection",
    namespace: "models",
    image: "registry.local/ai/face-detection:1.4.2",
    gateway,
    kong: KONG,
    ...overrides,
  });
  return { stack, gateway, svc, json: JSON.parse(Testing.synth(stack, true)) };
}

const only = (json: any, type: string) => Object.values<any>(json.resource[type] ?? {});
const plugins = (json: any) => Object.fromEntries(only(json, "kong_plugin").map((p) => [p.name, p]));

describe("DetectionService defaults", () => {
  const { json } = model();
  const deployment = only(json, "kubernetes_deployment_v1")[0];
  const pod = deployment.spec.template.spec;
  const container = pod.container[0];

  test("a Deployment of 2 pods that rolls without downtime and waits for the rollout", () => {
    expect(deployment.metadata).toMatchObject({ name: "face-detection", namespace: "models" });
    expect(deployment.spec.replicas).toBe("2");
    expect(deployment.spec.strategy).toEqual({ type: "RollingUpdate", rolling_update: { max_surge: "1", max_unavailable: "0" } });
    expect(deployment.wait_for_rollout).toBe(true);
    expect(deployment.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
  });

  test("a restricted security context: non-root, read-only root with writable /tmp, no escalation, drop ALL, seccomp, no token", () => {
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.security_context).toEqual({
      fs_group: "10001",
      run_as_group: "10001",
      run_as_non_root: true,
      run_as_user: "10001",
      seccomp_profile: { type: "RuntimeDefault" },
    });
    expect(container.security_context).toEqual({
      allow_privilege_escalation: false,
      capabilities: { drop: ["ALL"] },
      read_only_root_filesystem: true,
      run_as_non_root: true,
    });
    expect(container.volume_mount).toEqual([{ mount_path: "/tmp", name: "tmp" }]);
    expect(pod.volume).toEqual([{ empty_dir: { size_limit: "1Gi" }, name: "tmp" }]);
  });

  test("requests 500m CPU and 1Gi memory, memory limited, no GPU", () => {
    expect(container.resources).toEqual({ limits: { memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } });
    expect(pod.node_selector).toBeUndefined();
    expect(pod.toleration).toBeUndefined();
  });

  test("model-loading aware probes: startup on /ready for up to 600 s, then readiness /ready and liveness /healthz", () => {
    expect(container.port).toEqual([{ container_port: 8080, name: "http", protocol: "TCP" }]);
    expect(container.startup_probe).toEqual({
      failure_threshold: 60,
      http_get: { path: "/ready", port: "http" },
      period_seconds: 10,
      timeout_seconds: 5,
    });
    expect(container.readiness_probe.http_get).toEqual({ path: "/ready", port: "http" });
    expect(container.liveness_probe.http_get).toEqual({ path: "/healthz", port: "http" });
  });

  test("a ClusterIP VIP on port 80 targeting the model port", () => {
    const service = only(json, "kubernetes_service_v1")[0];
    expect(service.spec).toEqual({
      port: [{ name: "http", port: 80, protocol: "TCP", target_port: "http" }],
      selector: {
        "ai-platform/track": "stable",
        "app.kubernetes.io/instance": "face-detection",
        "app.kubernetes.io/name": "face-detection",
      },
      type: "ClusterIP",
    });
  });

  test("autoscaling 2..5 on 70% CPU and a disruption budget of one pod", () => {
    const hpa = only(json, "kubernetes_horizontal_pod_autoscaler_v2")[0];
    expect(hpa.spec).toEqual({
      max_replicas: 5,
      metric: [{ resource: { name: "cpu", target: { average_utilization: 70, type: "Utilization" } }, type: "Resource" }],
      min_replicas: 2,
      scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: "face-detection" },
    });
    const pdb = only(json, "kubernetes_pod_disruption_budget_v1")[0];
    expect(pdb.spec.max_unavailable).toBe("1");
  });

  test("isolation: the NetworkPolicy selects exactly the model pods and admits exactly Kong's proxy pods on the model port", () => {
    const policies = only(json, "kubernetes_network_policy_v1");
    expect(policies).toHaveLength(1);
    expect(policies[0].spec).toEqual({
      ingress: [
        {
          from: [
            {
              namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } },
              pod_selector: { match_labels: KONG.proxySelectorLabels },
            },
          ],
          ports: [{ port: "8080", protocol: "TCP" }],
        },
      ],
      pod_selector: { match_labels: { "app.kubernetes.io/component": "model", "app.kubernetes.io/name": "face-detection" } },
      policy_types: ["Ingress"],
    });
    // the selector matches the pods' labels
    const podLabels = deployment.spec.template.metadata.labels;
    for (const [k, v] of Object.entries(policies[0].spec.pod_selector.match_labels)) expect(podLabels[k]).toBe(v);
  });

  test("the Kong service targets the VIP's cluster DNS name, and its POST route references it", () => {
    const svc = only(json, "kong_service")[0];
    expect(svc).toMatchObject({
      name: "face-detection",
      host: "face-detection.models.svc.cluster.local",
      port: 80,
      protocol: "http",
      connect_timeout: 60000,
      read_timeout: 60000,
      write_timeout: 60000,
    });
    const route = only(json, "kong_route")[0];
    expect(route).toMatchObject({ paths: ["/v1/face-detection"], methods: ["POST"], strip_path: true });
    expect(route.service_id).toMatch(/^\$\{kong_service\.[\w-]+\.id\}$/);
  });

  test("authenticated by default: key-auth in a header only, hiding credentials, ACL allowing the model's group, rate limit, 10 MB payloads", () => {
    const p = plugins(json);
    expect(Object.keys(p).sort()).toEqual(["acl", "key-auth", "rate-limiting", "request-size-limiting"]);
    expect(JSON.parse(p["key-auth"].config_json)).toMatchObject({ hide_credentials: true, key_in_query: false, key_in_header: true });
    expect(JSON.parse(p.acl.config_json).allow).toEqual(["face-detection"]);
    expect(JSON.parse(p["rate-limiting"].config_json)).toMatchObject({ second: 20, minute: 600, limit_by: "consumer" });
    expect(JSON.parse(p["request-size-limiting"].config_json)).toMatchObject({ allowed_payload_size: 10, size_unit: "megabytes" });
    for (const plugin of Object.values<any>(p)) expect(plugin.service_id).toMatch(/^\$\{kong_service\./);
  });
});

describe("DetectionService options", () => {
  test("GPUs: nvidia.com/gpu limit, GPU node selector and toleration", () => {
    const { json } = model({ resources: { cpu: "2", memory: "8Gi", gpu: { count: 1 } } });
    const pod = only(json, "kubernetes_deployment_v1")[0].spec.template.spec;
    expect(pod.container[0].resources.limits).toEqual({ memory: "8Gi", "nvidia.com/gpu": "1" });
    expect(pod.node_selector).toEqual({ "nvidia.com/gpu.present": "true" });
    expect(pod.toleration).toEqual([{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }]);
  });

  test("canary: a second Deployment and VIP, a Kong upstream splitting 90/10, the service pointing at it", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weight: 10 } });
    const deployments = only(json, "kubernetes_deployment_v1").map((d) => [d.metadata.name, d.spec.template.spec.container[0].image]).sort();
    expect(deployments).toEqual([
      ["face-detection", "registry.local/ai/face-detection:1.4.2"],
      ["face-detection-canary", "registry.local/ai/face-detection:1.5.0"],
    ]);
    const upstream = only(json, "kong_upstream")[0];
    expect(upstream.name).toBe("face-detection.upstream");
    const targets = only(json, "kong_target").map((t) => [t.target, t.weight]).sort();
    expect(targets).toEqual([
      ["face-detection-canary.models.svc.cluster.local:80", 10],
      ["face-detection.models.svc.cluster.local:80", 90],
    ]);
    expect(only(json, "kong_service")[0].host).toBe("face-detection.upstream");
    // one NetworkPolicy covers both tracks
    expect(only(json, "kubernetes_network_policy_v1")).toHaveLength(1);
  });

  test("public: no key-auth or ACL, the reason kept as an annotation, rate limited by IP", () => {
    const { json } = model({ public: { reason: "Demo page for the open research preview" } });
    const p = plugins(json);
    expect(Object.keys(p).sort()).toEqual(["rate-limiting", "request-size-limiting"]);
    expect(JSON.parse(p["rate-limiting"].config_json).limit_by).toBe("ip");
    const annotations = only(json, "kubernetes_deployment_v1")[0].spec.template.metadata.annotations;
    expect(annotations).toEqual({ "ai-platform/public-reason": "Demo page for the open research preview" });
  });

  test("gRPC: gRPC probes, grpc/grpcs route without methods or path stripping, no payload plugin", () => {
    const { json } = model({ protocol: "grpc", port: 9000 });
    const container = only(json, "kubernetes_deployment_v1")[0].spec.template.spec.container[0];
    expect(container.readiness_probe.grpc).toEqual([{ port: 9000 }]);
    const route = only(json, "kong_route")[0];
    expect(route.protocols).toEqual(["grpc", "grpcs"]);
    expect(route.methods).toBeUndefined();
    expect(route.strip_path).toBe(false);
    expect(only(json, "kong_service")[0].protocol).toBe("grpc");
    expect(Object.keys(plugins(json)).sort()).toEqual(["acl", "key-auth", "rate-limiting"]);
  });

  test("fixed replicas without autoscaling: no autoscaler, no ignore_changes; one replica means no disruption budget", () => {
    const { json } = model({ autoscaling: false, replicas: 1 });
    expect(json.resource.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(json.resource.kubernetes_pod_disruption_budget_v1).toBeUndefined();
    const d = only(json, "kubernetes_deployment_v1")[0];
    expect(d.spec.replicas).toBe("1");
    expect(d.lifecycle).toBeUndefined();
  });

  test("a LoadBalancer VIP with a fixed IP admits its source ranges and keeps client addresses", () => {
    const { json } = model({ vip: { type: "LoadBalancer", loadBalancerIp: "10.20.0.40", loadBalancerSourceRanges: ["10.30.0.0/16"] } });
    const svc = only(json, "kubernetes_service_v1")[0].spec;
    expect(svc).toMatchObject({ type: "LoadBalancer", load_balancer_ip: "10.20.0.40", load_balancer_source_ranges: ["10.30.0.0/16"], external_traffic_policy: "Local" });
    expect(only(json, "kubernetes_network_policy_v1")[0].spec.ingress[0].from[1]).toEqual({ ip_block: { cidr: "10.30.0.0/16" } });
  });
});

describe("DetectionService across stacks", () => {
  test("Kubernetes objects in the platform stack, Kong entities in the gateway stack, which depends on it without cross-stack references", () => {
    // GIVEN a platform stack and a gateway stack
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "ds-")) });
    const platform = new TerraformStack(app, "platform");
    new KubernetesProvider(platform, "kubernetes", {});
    const gatewayStack = new TerraformStack(app, "gateway");
    const gateway = new KongGateway(gatewayStack, "gateway", { adminUrl: "http://localhost:8001" });
    // WHEN a model is defined in the platform stack
    new DetectionService(platform, "face", { name: "face-detection", namespace: "models", image: "r/face:1.0.0", gateway, kong: KONG });
    const p = JSON.parse(Testing.synth(platform, true));
    const g = JSON.parse(Testing.synth(gatewayStack, true));
    // THEN each stack holds its half, the gateway stack depends on the platform, and no remote state is needed
    expect(Object.keys(p.resource).sort()).toEqual([
      "kubernetes_deployment_v1",
      "kubernetes_horizontal_pod_autoscaler_v2",
      "kubernetes_network_policy_v1",
      "kubernetes_pod_disruption_budget_v1",
      "kubernetes_service_v1",
    ]);
    expect(Object.keys(g.resource).sort()).toEqual(["kong_plugin", "kong_route", "kong_service"]);
    expect(gatewayStack.dependencies).toContain(platform);
    expect(g.data?.terraform_remote_state).toBeUndefined();
    expect(p.output).toBeUndefined();
  });
});

describe("DetectionService rejects bad input", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    [
      "a name that is not DNS-1123",
      { name: "Face_Detection" },
      '[platform/face] name ("Face_Detection") must be a DNS-1123 label: at most 40 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
    ],
    ["a port out of range", { port: 70000 }, "[platform/face] port (70000) must be an integer between 1 and 65535"],
    [
      "min > max",
      { autoscaling: { minReplicas: 6, maxReplicas: 3 } },
      "[platform/face] autoscaling.maxReplicas (3) must be >= autoscaling.minReplicas (6)",
    ],
    [
      "fractional GPUs",
      { resources: { gpu: { count: 0.5 } } },
      "[platform/face] resources.gpu.count (0.5) must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)",
    ],
    [
      "negative GPUs",
      { resources: { gpu: { count: -1 } } },
      "[platform/face] resources.gpu.count (-1) must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)",
    ],
    ["no routes", { routes: [] }, "[platform/face] routes ([]) must hold at least one route: a model Kong cannot reach is unreachable"],
    [
      "a route without paths",
      { routes: [{ paths: [] }] },
      '[platform/face] routes[0].paths ([]) must hold at least one path, e.g. ["/v1/face-detection"]',
    ],
    [
      "canary weights that do not add up",
      { canary: { image: "r/face:2.0.0", weight: 20, stableWeight: 70 } },
      "[platform/face] canary.stableWeight (70) plus canary.weight (20) must add up to 100, got 90",
    ],
    [
      "a canary weight of 100",
      { canary: { image: "r/face:2.0.0", weight: 100 } },
      "[platform/face] canary.weight (100) must be an integer between 1 and 99",
    ],
    [
      "an unpinned image",
      { image: "registry.local/ai/face-detection:latest" },
      '[platform/face] image ("registry.local/ai/face-detection:latest") must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev',
    ],
    [
      "a LoadBalancer VIP without source ranges",
      { vip: { type: "LoadBalancer" } },
      "[platform/face] vip.loadBalancerSourceRanges (undefined) is required for a LoadBalancer VIP: list the CIDRs that may reach it (nothing is public by default)",
    ],
    [
      "a public model without a reason",
      { public: { reason: "" } },
      '[platform/face] public.reason ("") must be a non-empty string',
    ],
    [
      "replicas together with autoscaling",
      { replicas: 3 },
      "[platform/face] replicas (3) is only used with autoscaling: false (the autoscaler owns the replica count)",
    ],
    [
      "a bad memory quantity",
      { resources: { memory: "8GB" } },
      '[platform/face] resources.memory ("8GB") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi',
    ],
    [
      "a Kong peer without a selector (would admit every pod)",
      { kong: { namespace: "kong", proxySelectorLabels: {} } },
      "[platform/face] kong.proxySelectorLabels ({}) must not be empty: an empty selector matches every pod",
    ],
    [
      "a Kong peer of the wrong shape",
      { kong: {} as never },
      "[platform/face] kong.namespace (undefined) is required\n[platform/face] kong.proxySelectorLabels (undefined) is required",
    ],
    ["a gateway that is not a KongGateway", { gateway: {} as never }, '[platform/face] gateway ("object") must be a KongGateway'],
    ["a null canary", { canary: null as never }, "[platform/face] canary (null) must be { image, weight, stableWeight?, replicas? }"],
    ["plugins that are not a list", { plugins: 5 as never }, "[platform/face] plugins (5) must be a list of policies made with Plugin.*"],
    [
      "a rate limit whose minute is below its second, reported at the model",
      { rateLimit: { second: 50, minute: 30 } },
      "[platform/face] rateLimit.minute (30) is lower than second (50): Kong requires each longer window to allow at least as many requests. Raise minute to >= 50.",
    ],
    ["a null rate limit (only false disables it)", { rateLimit: null as never }, "[platform/face] rateLimit (null) must be { second?, minute?, hour?, day? } or false"],
    [
      "a LoadBalancer VIP open to every address",
      { vip: { type: "LoadBalancer", loadBalancerSourceRanges: ["0.0.0.0/0"] } },
      '[platform/face] vip.loadBalancerSourceRanges[0] ("0.0.0.0/0") opens the model\'s VIP, bypassing Kong\'s authentication, to every address: list the networks that need it',
    ],
    [
      "a CIDR as the VIP's IP",
      { vip: { type: "LoadBalancer", loadBalancerIp: "10.0.0.0/8", loadBalancerSourceRanges: ["10.0.0.0/8"] } },
      '[platform/face] vip.loadBalancerIp ("10.0.0.0/8") must be an IP address such as 10.20.0.40',
    ],
    [
      "a literal secret in env",
      { env: { DB_PASSWORD: "hunter2" } },
      '[platform/face] env.DB_PASSWORD ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: put it in a Kubernetes Secret and list the Secret in `secrets`',
    ],
    [
      "a CPU request above its limit",
      { resources: { cpu: "2", cpuLimit: "1" } },
      '[platform/face] resources.cpuLimit ("1") must be >= resources.cpu (2): Kubernetes rejects a request above its limit',
    ],
    ["resources of the wrong type", { resources: "big" as never }, '[platform/face] resources ("big") must be { cpu?, memory?, cpuLimit?, gpu? }'],
    [
      "a Secret name that Kubernetes rejects",
      { secrets: ["Not_A_Name"] },
      '[platform/face] secrets[0] ("Not_A_Name") must be a Kubernetes object name (lowercase DNS-1123 subdomain)',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expect(() => model(overrides)).toThrow(message);
  });

  test("every problem of one model is reported at once", () => {
    expect(() => model({ port: 0, name: "x_y" })).toThrow(
      [
        '[platform/face] name ("x_y") must be a DNS-1123 label: at most 40 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
        "[platform/face] port (0) must be an integer between 1 and 65535",
      ].join("\n"),
    );
  });

  test("duplicate model names in one platform", () => {
    const { stack, gateway } = setup();
    const props = { name: "face-detection", namespace: "models", image: "r/face:1.0.0", gateway, kong: KONG };
    new DetectionService(stack, "a", props);
    expect(() => new DetectionService(stack, "b", props)).toThrow(
      '[platform/b] name ("face-detection") is already used by the model at platform/a: model names must be unique in a platform',
    );
  });

  test("missing props are an error, not a TypeError", () => {
    const { stack } = setup();
    expect(() => new DetectionService(stack, "x", undefined as unknown as DetectionServiceProps)).toThrow(
      "[platform/x] props (undefined) must be an object with at least name, namespace, image, gateway and kong",
    );
  });
});
