import { IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";

/**
 * Makes every Kubernetes object of a stack wait for the namespace it lives in. Constructs receive namespaces as
 * plain names (so the Kong side can build DNS names without a cross-stack reference), which hides the ordering from
 * Terraform; this aspect restores it with `depends_on`. Idempotent: it runs on every synth.
 */
export class NamespaceOrder implements IAspect {
  private readonly byName = new Map<string, NamespaceV1>();

  constructor(namespaces: NamespaceV1[], names: string[]) {
    namespaces.forEach((ns, i) => this.byName.set(names[i], ns));
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || node instanceof NamespaceV1) return;
    if (!node.terraformResourceType.startsWith("kubernetes_")) return;
    const metadata = (node as unknown as { metadata?: { namespaceInput?: string } }).metadata;
    const namespace = metadata?.namespaceInput;
    const ns = namespace === undefined ? undefined : this.byName.get(namespace);
    if (!ns) return;
    const deps = node.dependsOn ?? [];
    // the plain `type.name` address, as cdktf itself renders depends_on (no interpolation)
    const fqn = `${ns.terraformResourceType}.${ns.friendlyUniqueId}`;
    if (!deps.includes(fqn)) node.dependsOn = [...deps, fqn];
  }
}
