import { Scaling } from "../../lib/kubernetes/scaling";
import { Vip } from "../../lib/kubernetes/vip";
import { DetectionService } from "../../lib/models/detection-service";
import { expectValidationError, resources } from "../helpers";
import { faceProps, KONG, model, plugins, setup } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

describe("DetectionService defaults", () => {
  const { json } = model();
  const deployment = resources(json, "kubernetes_deployment_v1")[0];
  const pod = deployment.spec.template.spec;
  const container = pod.container[0];

  test("a Deployment of 2 pods that rolls without downtime and waits for the rollout", () => {
    expect(deployment.metadata).toMatchObject({ name: "face-detection", namespace: "models" });
    expect(deployment.spec.replicas).toBe("2");
    expect(deployment.spec.strategy).toEqual({ type: "RollingUpdate", rolling_update: { max_surge: "1", max_unavailable: "0" } });
    expect(deployment.wait_for_rollout).toBe(true);
    expect(deployment.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
  });

  test("a CPU model: a progress deadline holding pull and load, Terraform timeouts for the whole rollout", () => {
    // one pod: 60 s scheduling + 180 s pull + 600 s load (60 x 10 s startup probe) + 10 s readiness = 850 s; + 60 s
    expect(deployment.spec.progress_deadline_seconds).toBe(910);
    // create 910 + 60 = 970 s -> 17m; update: up to 5 pods, one at a time: 5 x 910 + 30 s grace + 60 s = 4640 s -> 78m
    expect(deployment.timeouts).toEqual({ create: "17m", update: "78m" });
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
      privileged: false,
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
    const service = resources(json, "kubernetes_service_v1")[0];
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
    const hpa = resources(json, "kubernetes_horizontal_pod_autoscaler_v2")[0];
    expect(hpa.spec).toEqual({
      max_replicas: 5,
      metric: [{ resource: { name: "cpu", target: { average_utilization: 70, type: "Utilization" } }, type: "Resource" }],
      min_replicas: 2,
      scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: "face-detection" },
    });
    const pdb = resources(json, "kubernetes_pod_disruption_budget_v1")[0];
    expect(pdb.spec.max_unavailable).toBe("1");
  });

  test("isolation: the NetworkPolicy selects exactly the model pods and admits exactly Kong's proxy pods on the model port", () => {
    const policies = resources(json, "kubernetes_network_policy_v1");
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
    const svc = resources(json, "kong_service")[0];
    expect(svc).toMatchObject({
      name: "face-detection",
      host: "face-detection.models.svc.cluster.local",
      port: 80,
      protocol: "http",
      connect_timeout: 60000,
      read_timeout: 60000,
      write_timeout: 60000,
    });
    const route = resources(json, "kong_route")[0];
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
    const pod = resources(json, "kubernetes_deployment_v1")[0].spec.template.spec;
    expect(pod.container[0].resources.limits).toEqual({ memory: "8Gi", "nvidia.com/gpu": "1" });
    expect(pod.node_selector).toEqual({ "nvidia.com/gpu.present": "true" });
    expect(pod.toleration).toEqual([{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }]);
    // a GPU image weighs gigabytes: 600 s to pull by default. 60 + 600 + 600 s load + 10 + 60 = 1330 s;
    // create 1390 s -> 24m; update 5 x 1330 + 90 = 6740 s -> 113m
    const d = resources(json, "kubernetes_deployment_v1")[0];
    expect(d.spec.progress_deadline_seconds).toBe(1330);
    expect(d.timeouts).toEqual({ create: "24m", update: "113m" });
  });

  test("a GPU model with a long load: a 600 s pull allowance, and a deadline and timeouts that hold pull + load", () => {
    const { json } = model({ resources: { cpu: "2", memory: "8Gi", gpu: { count: 1 } }, probes: { startupTimeoutSeconds: 1800 } });
    const d = resources(json, "kubernetes_deployment_v1")[0];
    // one pod: 60 + 600 s pull + 1800 s load + 10 = 2470 s; + 60 s
    expect(d.spec.progress_deadline_seconds).toBe(2530);
    // create 2530 + 60 = 2590 s -> 44m; update 5 x 2530 + 30 + 60 = 12740 s -> 213m
    expect(d.timeouts).toEqual({ create: "44m", update: "213m" });
  });

  test("imagePullSeconds replaces the pull allowance, on a GPU model too", () => {
    const { json } = model({ resources: { gpu: { count: 1 } }, imagePullSeconds: 1200, scaling: Scaling.fixed(1) });
    const d = resources(json, "kubernetes_deployment_v1")[0];
    expect(d.spec.progress_deadline_seconds).toBe(60 + 1200 + 600 + 10 + 60);
    expect(d.timeouts).toEqual({ create: "34m", update: "34m" }); // 1930 + 60 = 1990 s; 1930 + 30 + 60 = 2020 s
  });

  test("canary: the model's allowances: same deadline; by default the stable version's scaling, so the same update budget", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    const deployment = (j: any, name: string) => resources(j, "kubernetes_deployment_v1").find((d) => d.metadata.name === name)!;
    const canary = deployment(json, "face-detection-canary");
    expect(canary.spec.progress_deadline_seconds).toBe(910);
    expect(canary.timeouts).toEqual(deployment(json, "face-detection").timeouts);
    // one pod (Scaling.fixed(1)): create 970 s -> 17m; update 910 + 30 + 60 = 1000 s -> 17m
    const one = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10, scaling: Scaling.fixed(1) } }).json;
    expect(deployment(one, "face-detection-canary").timeouts).toEqual({ create: "17m", update: "17m" });
  });

  test("canary: a second Deployment and VIP, a Kong upstream splitting 90/10, the service pointing at it", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    const deployments = resources(json, "kubernetes_deployment_v1").map((d) => [d.metadata.name, d.spec.template.spec.container[0].image]).sort();
    expect(deployments).toEqual([
      ["face-detection", "registry.local/ai/face-detection:1.4.2"],
      ["face-detection-canary", "registry.local/ai/face-detection:1.5.0"],
    ]);
    const upstream = resources(json, "kong_upstream")[0];
    expect(upstream.name).toBe("face-detection.upstream");
    const targets = resources(json, "kong_target").map((t) => [t.target, t.weight]).sort();
    expect(targets).toEqual([
      ["face-detection-canary.models.svc.cluster.local:80", 10],
      ["face-detection.models.svc.cluster.local:80", 90],
    ]);
    expect(resources(json, "kong_service")[0].host).toBe("face-detection.upstream");
    // one NetworkPolicy covers both tracks
    expect(resources(json, "kubernetes_network_policy_v1")).toHaveLength(1);
  });

  test("public: no key-auth or ACL, the reason kept as an annotation, rate limited by IP", () => {
    const { json } = model({ public: { reason: "Demo page for the open research preview" } });
    const p = plugins(json);
    expect(Object.keys(p).sort()).toEqual(["rate-limiting", "request-size-limiting"]);
    expect(JSON.parse(p["rate-limiting"].config_json).limit_by).toBe("ip");
    const annotations = resources(json, "kubernetes_deployment_v1")[0].spec.template.metadata.annotations;
    expect(annotations).toEqual({ "ai-platform/public-reason": "Demo page for the open research preview" });
  });

  test("gRPC: gRPC probes, grpc/grpcs route without methods or path stripping, no payload plugin", () => {
    const { json } = model({ protocol: "grpc", port: 9000 });
    const container = resources(json, "kubernetes_deployment_v1")[0].spec.template.spec.container[0];
    expect(container.readiness_probe.grpc).toEqual([{ port: 9000 }]);
    const route = resources(json, "kong_route")[0];
    expect(route.protocols).toEqual(["grpc", "grpcs"]);
    expect(route.methods).toBeUndefined();
    expect(route.strip_path).toBe(false);
    expect(resources(json, "kong_service")[0].protocol).toBe("grpc");
    expect(Object.keys(plugins(json)).sort()).toEqual(["acl", "key-auth", "rate-limiting"]);
  });

  test("fixed replicas without autoscaling: no autoscaler, no ignore_changes; one replica means no disruption budget", () => {
    const { json } = model({ scaling: Scaling.fixed(1) });
    expect(json.resource.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(json.resource.kubernetes_pod_disruption_budget_v1).toBeUndefined();
    const d = resources(json, "kubernetes_deployment_v1")[0];
    expect(d.spec.replicas).toBe("1");
    expect(d.lifecycle).toBeUndefined();
  });

  test("a LoadBalancer VIP with a fixed IP admits its source ranges and keeps client addresses", () => {
    const { json } = model({ vip: Vip.loadBalancer({ ip: "10.20.0.40", sourceRanges: ["10.30.0.0/16"], annotations: { "networking.gke.io/load-balancer-type": "Internal" } }) });
    const svc = resources(json, "kubernetes_service_v1")[0].spec;
    expect(svc).toMatchObject({ type: "LoadBalancer", load_balancer_ip: "10.20.0.40", load_balancer_source_ranges: ["10.30.0.0/16"], external_traffic_policy: "Local" });
    expect(resources(json, "kubernetes_service_v1")[0].metadata.annotations).toEqual({ "networking.gke.io/load-balancer-type": "Internal" });
    expect(resources(json, "kubernetes_network_policy_v1")[0].spec.ingress[0].from[1]).toEqual({ ip_block: { cidr: "10.30.0.0/16" } });
  });
});

describe("DetectionService names", () => {
  test("two models of one name in one gateway are refused", () => {
    const { stack, gateway } = setup();
    new DetectionService(stack, "a", faceProps(gateway));
    expectValidationError(() => new DetectionService(stack, "b", faceProps(gateway)), 
      '[platform/b] name ("face-detection") is already used by the model at platform/a: model names must be unique in a platform',
    );
  });
});

describe("DetectionService in a gateway with other entities", () => {
  test("a model named like another construct of the gateway is refused with a ValidationError", () => {
    const { stack, gateway } = setup();
    gateway.addService("face-detection", { host: "legacy.internal" });
    expectValidationError(() => new DetectionService(stack, "face", faceProps(gateway)), 
      '[platform/face] name ("face-detection") is already taken in the gateway by platform/gateway/face-detection: a model\'s Kong entities live under <gateway>/<model name>; rename the model or that construct',
    );
  });
});
