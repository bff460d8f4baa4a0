import { Construct } from "constructs";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { cidrList, integerIn, noEveryAddress, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";
import { labelSelector } from "../kubernetes/labels";
import { dns1123Label } from "../kubernetes/names";

/** Where Kong's proxy pods run: the only peers allowed to reach a model. KongCluster satisfies it. */
export interface IKongProxyPeer {
  /** Namespace of the Kong pods. */
  readonly namespace: string;
  /** Labels that select exactly Kong's proxy pods. */
  readonly proxySelectorLabels: Record<string, string>;
  /**
   * The certificate the proxy serves (KongCluster's `tls`): an https-only model checks that it exists and names the
   * route hosts. A peer without this member is not checked.
   */
  readonly tls?: { readonly hosts: readonly string[]; covers(host: string): boolean };
  /**
   * The CA the proxy verifies TLS upstreams with (KongCluster's `upstreamCaCertificate`): a model whose server
   * terminates TLS checks that it exists. A peer without this member is not checked.
   */
  readonly upstreamCaCertificate?: unknown;
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
  /**
   * The model's metrics port and who may scrape it: pods of a namespace (with labels, if given); no scrapers admits
   * any pod (a port that serves only metrics). @default none
   */
  readonly metrics?: { readonly port: number; readonly scrapers?: ReadonlyArray<{ readonly namespace: string; readonly podLabels?: Record<string, string> }> };
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
    checkMetrics(v, p.metrics);
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
        ingress: [{ from, ports: [{ port: String(p.port), protocol: "TCP" }] }, ...metricsRule(p.metrics)],
      },
    });
  }
}

function checkMetrics(v: Problems, metrics: unknown): void {
  if (!plainObject(v, "metrics", metrics, "must be { port, scrapers? }") || metrics === undefined) return;
  const m = metrics as NonNullable<ModelIsolationProps["metrics"]>;
  if (required(v, "metrics.port", m.port)) integerIn(v, "metrics.port", m.port, 1, 65535);
  checkMetricsScrapers(v, "metrics.scrapers", m.scrapers);
}

/** Scrapers of a model's metrics: a non-empty list of { namespace, podLabels? } (a non-empty selector), or none. */
export function checkMetricsScrapers(v: Problems, field: string, scrapers: unknown): boolean {
  if (scrapers === undefined) return true;
  if (!Array.isArray(scrapers) || scrapers.length === 0) {
    v.add(field, scrapers, 'must be a non-empty list of { namespace, podLabels? }, e.g. [{ namespace: "monitoring" }]');
    return false;
  }
  const before = v.count;
  scrapers.forEach((s, i) => {
    if (!plainObject(v, `${field}[${i}]`, s ?? null, "must be { namespace, podLabels? }")) return;
    if (required(v, `${field}[${i}].namespace`, s.namespace, "is required: the scraper's namespace")) dns1123Label(v, `${field}[${i}].namespace`, s.namespace);
    labelSelector(v, `${field}[${i}].podLabels`, s.podLabels);
  });
  return v.count === before;
}

/** The ingress rule of the metrics port, if the model has metrics. */
function metricsRule(metrics: ModelIsolationProps["metrics"]) {
  if (!metrics) return [];
  const from = metrics.scrapers?.map((s) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": s.namespace } },
    ...(s.podLabels ? { podSelector: { matchLabels: { ...s.podLabels } } } : {}),
  }));
  return [{ ...(from ? { from } : {}), ports: [{ port: String(metrics.port), protocol: "TCP" }] }];
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
