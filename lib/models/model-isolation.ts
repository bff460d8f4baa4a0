import { Construct } from "constructs";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";

/** Where Kong's proxy pods run: the only peers allowed to reach a model. KongCluster satisfies it. */
export interface IKongProxyPeer {
  /** Namespace of the Kong pods. */
  readonly namespace: string;
  /** Labels that select exactly Kong's proxy pods. */
  readonly proxySelectorLabels: Record<string, string>;
}

export interface ModelIsolationProps {
  readonly name: string;
  readonly namespace: string;
  /** Labels of the model pods (all tracks). */
  readonly modelSelector: Record<string, string>;
  readonly port: number;
  readonly kong: IKongProxyPeer;
  /** Extra client CIDRs allowed in (a LoadBalancer VIP's source ranges). @default none */
  readonly allowCidrs?: string[];
}

/**
 * The gateway hides internal services: a NetworkPolicy that selects exactly the model's pods and admits, on the
 * model port only, exactly Kong's proxy pods (and a LoadBalancer VIP's source ranges when a team was granted one).
 * Every other ingress to those pods is denied.
 */
export class ModelIsolation extends Construct {
  public readonly policy: NetworkPolicyV1;

  constructor(scope: Construct, id: string, p: ModelIsolationProps) {
    super(scope, id);
    const from = [
      {
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": p.kong.namespace } },
        podSelector: { matchLabels: p.kong.proxySelectorLabels },
      },
      ...(p.allowCidrs ?? []).map((cidr) => ({ ipBlock: { cidr } })),
    ];
    this.policy = new NetworkPolicyV1(this, "Resource", {
      metadata: { name: `${p.name}-allow-kong`, namespace: p.namespace },
      spec: {
        podSelector: { matchLabels: p.modelSelector },
        policyTypes: ["Ingress"],
        ingress: [{ from, ports: [{ port: String(p.port), protocol: "TCP" }] }],
      },
    });
  }
}
