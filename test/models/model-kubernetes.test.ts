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
    expect(idsOf(json, "kubernetes_horizontal_pod_autoscaler_v2")).toEqual(["face_Workload_Autoscaler_71886819"]);
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toEqual(["face_Workload_DisruptionBudget_9A30BC73"]);
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

  test("the canary runs one pod by default, without an autoscaler, behind a ClusterIP VIP", () => {
    const canary = byName(json, "kubernetes_deployment_v1", "face-detection-canary");
    expect(canary.spec.replicas).toBe("1");
    expect(canary.lifecycle).toBeUndefined();
    const svc = byName(json, "kubernetes_service_v1", "face-detection-canary");
    expect(svc.spec.type).toBe("ClusterIP");
  });
});

describe("a canary that autoscales", () => {
  test("gets its own autoscaler and disruption budget, at Canary/Autoscaler and Canary/DisruptionBudget", () => {
    const scaling = Scaling.cpu({ minReplicas: 2, maxReplicas: 4 });
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10, scaling } });
    const hpas = Object.fromEntries(Object.entries<any>(json.resource.kubernetes_horizontal_pod_autoscaler_v2).map(([id, h]) => [id, h.spec]));
    expect(Object.keys(hpas).sort()).toEqual(["face_Canary_Autoscaler_63F40C07", "face_Workload_Autoscaler_71886819"]);
    expect(hpas.face_Canary_Autoscaler_63F40C07).toMatchObject({ min_replicas: 2, max_replicas: 4, scale_target_ref: { name: "face-detection-canary" } });
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toHaveLength(2);
  });
});
