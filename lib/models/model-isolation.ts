import { Construct } from "constructs";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { cidrList, dns1123Label, integerIn, isToken, noEveryAddress, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";

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
    const v = new Problems(this);
    if (!plainObject(v, "props", p ?? null, "must be { name, namespace, modelSelector, port, kong }")) v.throwIfAny();
    if (required(v, "name", p.name)) dns1123Label(v, "name", p.name, 52);
    if (required(v, "namespace", p.namespace)) dns1123Label(v, "namespace", p.namespace);
    if (required(v, "modelSelector", p.modelSelector)) labelSelector(v, "modelSelector", p.modelSelector);
    if (required(v, "port", p.port)) integerIn(v, "port", p.port, 1, 65535);
    if (required(v, "kong", p.kong)) checkKongPeer(v, "kong", p.kong);
    if (cidrList(v, "allowCidrs", p.allowCidrs, { requireCidr: true })) noEveryAddress(v, "allowCidrs", p.allowCidrs, "the model");
    v.throwIfAny();
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

/**
 * A peer must name a namespace and a non-empty label selector: an empty selector in a NetworkPolicy selects every
 * pod, which would open the model to the whole cluster.
 */
export function checkKongPeer(v: Problems, field: string, peer: unknown): void {
  if (!plainObject(v, field, peer, "must be a KongCluster (or { namespace, proxySelectorLabels })")) return;
  const p = peer as Partial<IKongProxyPeer>;
  if (required(v, `${field}.namespace`, p.namespace)) dns1123Label(v, `${field}.namespace`, p.namespace);
  if (required(v, `${field}.proxySelectorLabels`, p.proxySelectorLabels)) labelSelector(v, `${field}.proxySelectorLabels`, p.proxySelectorLabels);
}

function labelSelector(v: Problems, field: string, labels: unknown): void {
  if (!plainObject(v, field, labels, "must be a non-empty map of label names to values")) return;
  const entries = Object.entries(labels as Record<string, unknown>);
  if (entries.length === 0) {
    v.add(field, labels, "must not be empty: an empty selector matches every pod");
    return;
  }
  for (const [k, val] of entries) {
    if (isToken(val)) continue;
    if (typeof val !== "string" || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(val) || val.length > 63) {
      v.add(`${field}.${k}`, val, "must be a label value: at most 63 letters, digits, '-', '_' or '.'");
    }
  }
}
