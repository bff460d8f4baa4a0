import { App, TerraformStack, TerraformVariable } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";

// Placeholder default app until the platform constructs land: one namespace, provider configured from variables.
const app = new App();
const stack = new TerraformStack(app, "ai-platform-dev");
const kubeconfig = new TerraformVariable(stack, "kubeconfig_path", { type: "string", default: "~/.kube/config" });
new KubernetesProvider(stack, "kubernetes", { configPath: kubeconfig.stringValue });
new NamespaceV1(stack, "namespace", { metadata: { name: "ai-platform" } });
app.synth();
