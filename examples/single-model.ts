/**
 * Example 1 — the smallest useful setup: one model behind Kong, one consumer.
 * Two stacks, because Kong's Admin API must exist before Terraform can configure it:
 *   single-model-k8s      namespace (restricted, default-deny ingress), in-cluster PostgreSQL with backups, Kong, the model's workload
 *   single-model-gateway  the model's Kong service/route/policies and a consumer whose key lands in a Secret
 * Synthesize: npm run synth -- examples/single-model.ts
 */
import { App, Aspects, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { DefaultDenyIngress, DetectionService, InClusterPostgres, KongCluster, KongGateway, NamespaceOrder, synthesize } from "../lib";

export function build(app: App): void {
  const k8s = new TerraformStack(app, "single-model-k8s");
  new KubernetesProvider(k8s, "kubernetes", { configPath: "~/.kube/config" });
  // As AiPlatform does: every pod here meets the restricted Pod Security Standard and the namespace enforces it; no
  // pod is reachable unless a policy of its own admits the traffic (Kong's, PostgreSQL's, the model's).
  const ns = new NamespaceV1(k8s, "namespace", {
    metadata: { name: "ai", labels: { "pod-security.kubernetes.io/enforce": "restricted", "app.kubernetes.io/part-of": "ai-platform" } },
  });
  new DefaultDenyIngress(k8s, "deny-ingress", { namespace: "ai" });
  const database = new InClusterPostgres(k8s, "postgres", { namespace: "ai" });
  const kong = new KongCluster(k8s, "kong", { namespace: "ai", database });
  // every kubernetes_* object in namespace "ai" waits for the namespace
  Aspects.of(k8s).add(new NamespaceOrder([ns], ["ai"]));

  const gw = new TerraformStack(app, "single-model-gateway");
  new KubernetesProvider(gw, "kubernetes", { configPath: "~/.kube/config" });
  // `kubectl -n ai port-forward svc/kong-admin 8001` while applying this stack
  const gateway = new KongGateway(gw, "gateway", { adminUrl: "http://localhost:8001" });

  new DetectionService(k8s, "ocr", {
    name: "ocr",
    namespace: "ai",
    image: "registry.internal/ai/ocr:0.9.1",
    gateway,
    kong,
  });
  gateway.addConsumer("reader-app", {
    username: "reader-app",
    aclGroups: ["ocr"],
    keyAuth: true,
    credentialsSecret: { namespace: "ai" },
  });
}

if (require.main === module) synthesize(build);
