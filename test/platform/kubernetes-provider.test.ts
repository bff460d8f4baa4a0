import { kubernetesProvider } from "../../lib/platform/kubernetes-provider";
import { newStack, synth } from "../helpers";

test("the Kubernetes provider comes from two variables with defaults, never a credential in the code", () => {
  // GIVEN a stack WHEN it gets the provider THEN kubeconfig path and context are variables
  const stack = newStack();
  kubernetesProvider(stack);
  const json = synth(stack);
  expect(json.provider.kubernetes).toEqual([{ config_context: "${var.kube_context}", config_path: "${var.kubeconfig_path}" }]);
  expect(json.variable.kubeconfig_path.default).toBe("~/.kube/config");
  expect(json.variable.kube_context.default).toBe("");
});
