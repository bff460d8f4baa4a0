import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";

/**
 * The Kubernetes provider of a stack, configured from the variables `kubeconfig_path` and `kube_context`: never a
 * credential in the code. The platform's stacks and a team's app read the same two variables.
 */
export function kubernetesProvider(stack: TerraformStack): KubernetesProvider {
  const configPath = new TerraformVariable(stack, "kubeconfig_path", {
    type: "string",
    default: "~/.kube/config",
    description: "Path of the kubeconfig Terraform uses to reach the cluster",
  });
  const context = new TerraformVariable(stack, "kube_context", {
    type: "string",
    default: "",
    description: "kubeconfig context to use (empty: the kubeconfig's current context)",
  });
  return new KubernetesProvider(stack, "kubernetes", { configPath: configPath.stringValue, configContext: context.stringValue });
}
