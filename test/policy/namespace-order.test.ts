import { Aspects, Testing } from "cdktf";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { NamespaceOrder } from "../../lib/policy/namespace-order";
import { kubernetesStack, synth } from "../helpers";

describe("NamespaceOrder", () => {
  test("objects in a managed namespace wait for it; others and the namespace itself are left alone; re-synth adds nothing", () => {
    // GIVEN a namespace, an object inside it, and one in a namespace the stack does not manage
    const stack = kubernetesStack("s");
    const ns = new NamespaceV1(stack, "ns", { metadata: { name: "models" } });
    new ConfigMapV1(stack, "inside", { metadata: { name: "a", namespace: "models" } });
    new ConfigMapV1(stack, "outside", { metadata: { name: "b", namespace: "other" } });
    Aspects.of(stack).add(new NamespaceOrder([ns], ["models"]));
    // WHEN synthesized twice
    Testing.synth(stack);
    const json = synth(stack);
    // THEN exactly one depends_on, once
    expect(json.resource.kubernetes_config_map_v1.inside.depends_on).toEqual(["kubernetes_namespace_v1.ns"]);
    expect(json.resource.kubernetes_config_map_v1.outside.depends_on).toBeUndefined();
    expect(json.resource.kubernetes_namespace_v1.ns.depends_on).toBeUndefined();
  });
});
