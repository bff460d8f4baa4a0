import { App, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { KongGateway } from "../lib/gateway/gateway";
import { DetectionService } from "../lib/models/detection-service";

/** Peer labels of Kong's proxy pods (what a KongCluster provides). */
const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

/**
 * N models through the public API with the realistic default policy set: Deployment, VIP, autoscaler, disruption
 * budget, NetworkPolicy; Kong service, route, key-auth, ACL, rate limit, payload limit. Two stacks, as deployed.
 */
export function build(app: App, n: number): void {
  const k8s = new TerraformStack(app, "models");
  new KubernetesProvider(k8s, "kubernetes", { configPath: "~/.kube/config" });
  const gw = new TerraformStack(app, "gateway");
  const gateway = new KongGateway(gw, "gateway", { adminUrl: "http://localhost:8001" });
  for (let i = 0; i < n; i++) {
    const name = `model-${i}`;
    new DetectionService(k8s, name, {
      name,
      namespace: "models",
      image: `registry.internal/ai/${name}:1.0.0`,
      gateway,
      kong: KONG,
    });
  }
}
