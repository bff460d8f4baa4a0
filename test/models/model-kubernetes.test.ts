import { idsOf, model, only } from "./helpers";

describe("addKubernetesObjects", () => {
  const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weight: 10 } });

  test("construct paths are a contract: every Kubernetes object keeps its Terraform address", () => {
    // a changed address makes Terraform replace the object in the user's cluster
    expect(idsOf(json, "kubernetes_deployment_v1")).toEqual(["face_Canary_Deployment_C06410E5", "face_Workload_Deployment_9E94C63E"]);
    expect(idsOf(json, "kubernetes_service_v1")).toEqual(["face_Canary_Service_D105BD76", "face_Workload_Service_AF06BDBF"]);
    expect(idsOf(json, "kubernetes_horizontal_pod_autoscaler_v2")).toEqual(["face_Workload_Autoscaler_71886819"]);
    expect(idsOf(json, "kubernetes_pod_disruption_budget_v1")).toEqual(["face_Workload_DisruptionBudget_9A30BC73"]);
    expect(idsOf(json, "kubernetes_network_policy_v1")).toEqual(["face_Isolation_AC681813"]);
  });

  test("each track selects only its own pods; the NetworkPolicy selects both", () => {
    const selectors = Object.fromEntries(only(json, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec.selector]));
    expect(selectors).toEqual({
      "face-detection": { "ai-platform/track": "stable", "app.kubernetes.io/instance": "face-detection", "app.kubernetes.io/name": "face-detection" },
      "face-detection-canary": {
        "ai-platform/track": "canary",
        "app.kubernetes.io/instance": "face-detection-canary",
        "app.kubernetes.io/name": "face-detection",
      },
    });
    expect(only(json, "kubernetes_network_policy_v1")[0].spec.pod_selector.match_labels).toEqual({
      "app.kubernetes.io/component": "model",
      "app.kubernetes.io/name": "face-detection",
    });
  });

  test("labels carry the track's image version", () => {
    const versions = Object.fromEntries(only(json, "kubernetes_deployment_v1").map((d) => [d.metadata.name, d.metadata.labels["app.kubernetes.io/version"]]));
    expect(versions).toEqual({ "face-detection": "1.4.2", "face-detection-canary": "1.5.0" });
  });

  test("the canary runs one pod by default, without an autoscaler, behind a ClusterIP VIP", () => {
    const canary = only(json, "kubernetes_deployment_v1").find((d) => d.metadata.name === "face-detection-canary");
    expect(canary.spec.replicas).toBe("1");
    expect(canary.lifecycle).toBeUndefined();
    const svc = only(json, "kubernetes_service_v1").find((s) => s.metadata.name === "face-detection-canary");
    expect(svc.spec.type).toBe("ClusterIP");
  });
});
