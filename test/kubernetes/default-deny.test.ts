import { DefaultDenyIngress } from "../../lib/kubernetes/default-deny";
import { expectValidationError, kubernetesStack, only, synth } from "../helpers";

describe("DefaultDenyIngress", () => {
  test("selects every pod of the namespace for ingress and admits none", () => {
    // GIVEN a default-deny policy in namespace models WHEN synthesized
    const stack = kubernetesStack();
    const deny = new DefaultDenyIngress(stack, "deny", { namespace: "models" });
    const policy = only(synth(stack), "kubernetes_network_policy_v1");
    // THEN an empty pod selector, Ingress only, no ingress rule; named default-deny-ingress
    expect(policy.metadata).toEqual({ name: "default-deny-ingress", namespace: "models" });
    expect(policy.spec).toEqual({ pod_selector: {}, policy_types: ["Ingress"] });
    expect(deny.policy.node.id).toBe("Resource");
  });

  test("name and labels", () => {
    const stack = kubernetesStack();
    new DefaultDenyIngress(stack, "deny", { namespace: "ai", name: "deny-all", labels: { "app.kubernetes.io/part-of": "ai-platform" } });
    expect(only(synth(stack), "kubernetes_network_policy_v1").metadata).toEqual({
      name: "deny-all",
      namespace: "ai",
      labels: { "app.kubernetes.io/part-of": "ai-platform" },
    });
  });

  test("refuses a missing namespace, a bad name and bad labels, all at once", () => {
    expectValidationError(
      () => new DefaultDenyIngress(kubernetesStack(), "deny", { namespace: undefined as never, name: "Deny!", labels: { "bad key!": "x" } }),
      [
        "[test/deny] namespace (undefined) is required: the namespace whose pods it covers",
        "[test/deny] name (\"Deny!\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        "[test/deny] labels key (\"bad key!\") must be a label name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});
