import { Scaling } from "../../lib/kubernetes/scaling";
import { byName, resources } from "../helpers";
import { idsOf, model } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

describe("addKubernetesObjects", () => {
  const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });

  test("construct paths are a contract: every Kubernetes object keeps its Terraform address", () => {
    // a changed address makes Terraform replace the object in the user's cluster
    expect(idsOf(json, "kubernetes_deployment_v1")).toEqual(["face_Canary_Deployment_C06410E5", "face_Workload_Deployment_9E94C63E"]);
    expect(idsOf(json, "kubernetes_service_v1")).toEqual(["face_Canary_Service_D105BD76", "face_Workload_Service_AF06BDBF"]);
    expect(idsOf(json, "kubernetes_horizontal_pod_autoscaler_v2")).toEqual(["face_Canary_Autoscaler_63F40C07", "face_Workload_Autoscaler_71886819"]);
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toEqual(["face_Canary_DisruptionBudget_2BEC8AD4", "face_Workload_DisruptionBudget_9A30BC73"]);
    expect(idsOf(json, "kubernetes_network_policy_v1")).toEqual(["face_Isolation_AC681813"]);
  });

  test("each track selects only its own pods; the NetworkPolicy selects both", () => {
    const selectors = Object.fromEntries(resources(json, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec.selector]));
    expect(selectors).toEqual({
      "face-detection": { "ai-platform/track": "stable", "app.kubernetes.io/instance": "face-detection", "app.kubernetes.io/name": "face-detection" },
      "face-detection-canary": {
        "ai-platform/track": "canary",
        "app.kubernetes.io/instance": "face-detection-canary",
        "app.kubernetes.io/name": "face-detection",
      },
    });
    expect(resources(json, "kubernetes_network_policy_v1")[0].spec.pod_selector.match_labels).toEqual({
      "app.kubernetes.io/component": "model",
      "app.kubernetes.io/name": "face-detection",
    });
  });

  test("labels carry the track's image version", () => {
    const versions = Object.fromEntries(resources(json, "kubernetes_deployment_v1").map((d) => [d.metadata.name, d.metadata.labels["app.kubernetes.io/version"]]));
    expect(versions).toEqual({ "face-detection": "1.4.2", "face-detection-canary": "1.5.0" });
  });

  test("the canary scales like the stable version by default: its own autoscaler and budget, behind a ClusterIP VIP", () => {
    // GIVEN a canary without scaling of its own WHEN synthesized THEN it gets the stable version's bounds and target
    const canary = byName(json, "kubernetes_deployment_v1", "face-detection-canary");
    expect(canary.spec.replicas).toBe("2");
    expect(canary.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
    const hpa = byName(json, "kubernetes_horizontal_pod_autoscaler_v2", "face-detection-canary").spec;
    expect(hpa).toMatchObject({ min_replicas: 2, max_replicas: 5, scale_target_ref: { name: "face-detection-canary" } });
    expect(hpa.metric[0].resource.target.average_utilization).toBe(70);
    const budget = byName(json, "kubernetes_pod_disruption_budget_v1", "face-detection-canary").spec;
    expect(budget).toEqual({ max_unavailable: "1", selector: { match_labels: expect.objectContaining({ "ai-platform/track": "canary" }) } });
    const svc = byName(json, "kubernetes_service_v1", "face-detection-canary");
    expect(svc.spec.type).toBe("ClusterIP");
  });

  test("a canary of a model with a fixed count runs the same count, without an autoscaler", () => {
    const fixed = model({ scaling: Scaling.fixed(3), canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } }).json;
    expect(byName(fixed, "kubernetes_deployment_v1", "face-detection-canary").spec.replicas).toBe("3");
    expect(idsOf(fixed, "kubernetes_horizontal_pod_autoscaler_v2")).toEqual([]);
  });
});

describe("a canary with scaling of its own", () => {
  test("gets its own bounds, at Canary/Autoscaler and Canary/DisruptionBudget", () => {
    const scaling = Scaling.cpu({ minReplicas: 2, maxReplicas: 4 });
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10, scaling } });
    const hpas = Object.fromEntries(Object.entries<any>(json.resource.kubernetes_horizontal_pod_autoscaler_v2).map(([id, h]) => [id, h.spec]));
    expect(Object.keys(hpas).sort()).toEqual(["face_Canary_Autoscaler_63F40C07", "face_Workload_Autoscaler_71886819"]);
    expect(hpas.face_Canary_Autoscaler_63F40C07).toMatchObject({ min_replicas: 2, max_replicas: 4, scale_target_ref: { name: "face-detection-canary" } });
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toHaveLength(2);
  });

  test("Scaling.fixed(1): one pod, no autoscaler, no budget", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10, scaling: Scaling.fixed(1) } });
    expect(byName(json, "kubernetes_deployment_v1", "face-detection-canary").spec.replicas).toBe("1");
    expect(idsOf(json, "kubernetes_horizontal_pod_autoscaler_v2")).toEqual(["face_Workload_Autoscaler_71886819"]);
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toEqual(["face_Workload_DisruptionBudget_9A30BC73"]);
  });
});
