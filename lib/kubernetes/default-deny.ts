import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { Construct } from "constructs";
import { required } from "../core/checks";
import { Problems } from "../core/errors";
import { labelEntries } from "./labels";
import { dns1123Label, dns1123Subdomain } from "./names";

export interface DefaultDenyIngressProps {
  /** The namespace whose pods it covers: all of them. */
  readonly namespace: string;
  /** Name of the NetworkPolicy. @default "default-deny-ingress" */
  readonly name?: string;
  /** Labels of the NetworkPolicy. @default none */
  readonly labels?: Record<string, string>;
}

/**
 * A namespace that admits nothing it was not told to: a NetworkPolicy that selects every pod of `namespace` (empty
 * pod selector) for ingress and allows none. Kubernetes adds NetworkPolicies up, so each workload's own policy still
 * opens exactly its ports to exactly its peers; a pod that has no policy of its own (one added by hand, a debug pod,
 * a Job) is no longer open to the whole cluster. Egress is left alone. Id `Resource`.
 *
 * It needs a CNI that enforces NetworkPolicies, as every policy of this library does. The kubelet's probes and
 * `kubectl port-forward` do not pass through them.
 */
export class DefaultDenyIngress extends Construct {
  public readonly policy: NetworkPolicyV1;

  constructor(scope: Construct, id: string, props: DefaultDenyIngressProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<DefaultDenyIngressProps>;
    const v = new Problems(this);
    if (required(v, "namespace", p.namespace, "is required: the namespace whose pods it covers")) dns1123Label(v, "namespace", p.namespace);
    dns1123Subdomain(v, "name", p.name);
    if (p.labels !== undefined && (p.labels === null || typeof p.labels !== "object" || Array.isArray(p.labels))) {
      v.add("labels", p.labels, "must be a map of label names to values");
    } else if (p.labels !== undefined) {
      labelEntries(v, "labels", p.labels);
    }
    v.throwIfAny();
    this.policy = new NetworkPolicyV1(this, "Resource", {
      metadata: { name: p.name ?? "default-deny-ingress", namespace: p.namespace as string, labels: p.labels },
      spec: {
        // The empty selector: every pod of the namespace, also those created later.
        podSelector: {},
        policyTypes: ["Ingress"],
      },
    });
  }
}
