import { TerraformStack, Testing } from "cdktf";
import { ModelIsolation } from "../../lib/models/model-isolation";

describe("ModelIsolation", () => {
  test("admits only Kong's proxy pods, plus a LoadBalancer VIP's source ranges when given", () => {
    // GIVEN a model with a granted LoadBalancer range
    const stack = new TerraformStack(Testing.app(), "s");
    new ModelIsolation(stack, "iso", {
      name: "ocr",
      namespace: "models",
      modelSelector: { "app.kubernetes.io/name": "ocr" },
      port: 9000,
      kong: { namespace: "gateway", proxySelectorLabels: { app: "kong" } },
      allowCidrs: ["10.1.0.0/16"],
    });
    // WHEN synthesized
    const policy = Object.values<{ metadata: object; spec: { ingress: object[] } }>(JSON.parse(Testing.synth(stack)).resource.kubernetes_network_policy_v1)[0];
    // THEN one ingress rule on the model port from those two peers only
    expect(policy.metadata).toEqual({ name: "ocr-allow-kong", namespace: "models" });
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          { namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "gateway" } }, pod_selector: { match_labels: { app: "kong" } } },
          { ip_block: { cidr: "10.1.0.0/16" } },
        ],
        ports: [{ port: "9000", protocol: "TCP" }],
      },
    ]);
  });
});
