import { TerraformStack, Testing } from "cdktf";
import { ModelIsolation } from "../../lib/models/model-isolation";
import { expectValidationError } from "../helpers";

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

describe("ModelIsolation metrics", () => {
  test("a second rule opens the metrics port: to the scrapers, or to any pod without them", () => {
    // GIVEN one model whose metrics only monitoring may scrape, and one whose metrics port anyone may
    const stack = new TerraformStack(Testing.app(), "s");
    const common = { namespace: "models", port: 9000, kong: { namespace: "gateway", proxySelectorLabels: { app: "kong" } } };
    new ModelIsolation(stack, "a", { ...common, name: "a", modelSelector: { app: "a" }, metrics: { port: 9000, scrapers: [{ namespace: "monitoring" }] } });
    new ModelIsolation(stack, "b", { ...common, name: "b", modelSelector: { app: "b" }, metrics: { port: 9100 } });
    // WHEN synthesized
    const policies = Object.values<{ metadata: { name: string }; spec: { ingress: object[] } }>(JSON.parse(Testing.synth(stack)).resource.kubernetes_network_policy_v1);
    const ingress = Object.fromEntries(policies.map((p) => [p.metadata.name, p.spec.ingress]));
    // THEN
    expect(ingress["a-allow-kong"][1]).toEqual({ from: [{ namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "monitoring" } } }], ports: [{ port: "9000", protocol: "TCP" }] });
    expect(ingress["b-allow-kong"][1]).toEqual({ ports: [{ port: "9100", protocol: "TCP" }] });
  });
});

describe("ModelIsolation rejects what would open the model", () => {
  const base = { name: "ocr", namespace: "models", modelSelector: { app: "ocr" }, port: 9000, kong: { namespace: "gateway", proxySelectorLabels: { app: "kong" } } };
  const cases: [string, object, string][] = [
    ["an empty model selector", { modelSelector: {} }, "[s/iso] modelSelector ({}) must name at least one label: an empty selector matches every pod"],
    ["an empty Kong selector", { kong: { namespace: "gateway", proxySelectorLabels: {} } }, "[s/iso] kong.proxySelectorLabels ({}) must name at least one label: an empty selector matches every pod"],
    ["every address", { allowCidrs: ["::/0"] }, '[s/iso] allowCidrs[0] ("::/0") opens the model to every address: list the networks that need it'],
    ["no props", { __undefined: true }, "[s/iso] props (null) must be { name, namespace, modelSelector, port, kong }"],
    [
      "metrics without a port, and scrapers selecting every pod of a namespace by an empty selector",
      { metrics: { scrapers: [{ namespace: "monitoring", podLabels: {} }] } },
      "[s/iso] metrics.port (undefined) is required\n[s/iso] metrics.scrapers[0].podLabels ({}) must name at least one label: an empty selector matches every pod",
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    const stack = new TerraformStack(Testing.app(), "s");
    const props = "__undefined" in overrides ? undefined : { ...base, ...overrides };
    expectValidationError(() => new ModelIsolation(stack, "iso", props as never), message);
  });
});
