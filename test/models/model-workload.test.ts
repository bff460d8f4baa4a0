import { TerraformStack, Testing } from "cdktf";
import { Rollout } from "../../lib/kubernetes/rollout";
import { Scaling } from "../../lib/kubernetes/scaling";
import { Vip } from "../../lib/kubernetes/vip";
import { ModelWorkload, ModelWorkloadProps } from "../../lib/models/model-workload";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

const base: ModelWorkloadProps = {
  name: "ocr",
  namespace: "models",
  labels: { app: "ocr", track: "stable" },
  selector: { app: "ocr" },
  image: "r/ocr:1.0.0",
  port: 8080,
  protocol: "http",
  scaling: Scaling.fixed(3),
  resources: { cpu: "1", memory: "2Gi", cpuLimit: "2" },
  probes: { readinessPath: "/ready", livenessPath: "/healthz", startupPath: "/ready", startupTimeoutSeconds: 95 },
  imagePullSeconds: 180,
  vip: Vip.clusterIp(),
  env: { Z_LAST: "1", A_FIRST: "2" },
  configMaps: ["ocr-config"],
  secrets: ["ocr-secrets"],
  runAsUser: 2000,
  podAnnotations: {},
  rollout: Rollout.surge(),
};

function synth(props: Partial<ModelWorkloadProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "s");
  new ModelWorkload(stack, "w", { ...base, ...props });
  return JSON.parse(Testing.synth(stack)).resource;
}

describe("ModelWorkload", () => {
  test("fixed replicas: no autoscaler, a budget because there is more than one pod", () => {
    const r = synth();
    expect(r.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(Object.values<any>(r.kubernetes_pod_disruption_budget_v1)[0].spec.max_unavailable).toBe("1");
    expect(Object.values<any>(r.kubernetes_deployment_v1)[0].spec.replicas).toBe("3");
  });

  test("env sorted by name, envFrom config maps then secrets, CPU limit when asked, startup budget rounded up", () => {
    const c = Object.values<any>(synth().kubernetes_deployment_v1)[0].spec.template.spec.container[0];
    expect(c.env.map((e: any) => e.name)).toEqual(["A_FIRST", "Z_LAST"]);
    expect(c.env_from).toEqual([{ config_map_ref: { name: "ocr-config" } }, { secret_ref: { name: "ocr-secrets" } }]);
    expect(c.resources.limits).toEqual({ cpu: "2", memory: "2Gi" });
    expect(c.startup_probe.failure_threshold).toBe(10);
  });

  test("the progress deadline holds the whole (rounded-up) startup budget; the update waits for each of the 3 pods", () => {
    // startup 95 s -> 10 failures x 10 s = 100 s; pod = 60 + 180 + 100 + 10 = 350 s; deadline 410 s
    const d = Object.values<any>(synth().kubernetes_deployment_v1)[0];
    expect(d.spec.progress_deadline_seconds).toBe(410);
    // create 410 + 60 = 470 s -> 8m; update 3 x 410 + 30 + 60 = 1320 s -> 22m
    expect(d.timeouts).toEqual({ create: "8m", update: "22m" });
  });

  test("a ClusterIP VIP writes no load-balancer wait; a LoadBalancer VIP waits up to 10m for its address", () => {
    expect(Object.values<any>(synth().kubernetes_service_v1)[0].timeouts).toBeUndefined();
    const lb = Object.values<any>(synth({ vip: Vip.loadBalancer({ sourceRanges: ["10.30.0.0/16"] }) }).kubernetes_service_v1)[0];
    expect([lb.wait_for_load_balancer, lb.timeouts]).toEqual([true, { create: "10m" }]);
  });

  test("autoscaling with a memory target adds a second metric", () => {
    const r = synth({ scaling: Scaling.cpu({ minReplicas: 2, maxReplicas: 4, targetPercent: 60, memoryTargetPercent: 80 }) });
    const metrics = Object.values<any>(r.kubernetes_horizontal_pod_autoscaler_v2)[0].spec.metric;
    expect(metrics.map((m: any) => [m.resource.name, m.resource.target.average_utilization])).toEqual([
      ["cpu", 60],
      ["memory", 80],
    ]);
  });
});
