import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { Construct } from "constructs";
import { IKongDatabase } from "../database/kong-database";
import { NetworkPolicyPeer } from "./admin-access";
import { AdminEndpoint } from "./admin-endpoint";
import { KONG_PORTS } from "./kong-pod";

/** Who may reach what, resolved by KongCluster. */
export interface KongNetworkPoliciesOptions {
  readonly name: string;
  readonly namespace: string;
  /** Labels of the policies. */
  readonly labels: Record<string, string>;
  /** Labels of Kong's proxy pods. */
  readonly proxySelector: Record<string, string>;
  /** Labels of the migration Jobs' pods. */
  readonly migrationsSelector: Record<string, string>;
  readonly admin: AdminEndpoint;
  /** `admin.allowFrom`, rendered. */
  readonly adminPeers: NetworkPolicyPeer[];
  readonly database: IKongDatabase;
}

export interface KongNetworkPolicies {
  readonly networkPolicy: NetworkPolicyV1;
  readonly databaseNetworkPolicy?: NetworkPolicyV1;
}

/**
 * Ingress rules, ids `NetworkPolicy` and `DatabaseNetworkPolicy` in `scope` (the KongCluster): Kong's pods take proxy
 * and status traffic from anywhere and Admin API traffic only from the load balancer's source ranges and the allowed
 * peers; in-cluster PostgreSQL takes connections only from Kong's pods and its migration Jobs.
 */
export function addKongNetworkPolicies(scope: Construct, o: KongNetworkPoliciesOptions): KongNetworkPolicies {
  const adminSources: NetworkPolicyPeer[] = [...(o.admin.sourceRanges ?? []).map((cidr) => ({ ipBlock: { cidr } })), ...o.adminPeers];
  const networkPolicy = new NetworkPolicyV1(scope, "NetworkPolicy", {
    metadata: { name: o.name, namespace: o.namespace, labels: o.labels },
    spec: {
      podSelector: { matchLabels: o.proxySelector },
      policyTypes: ["Ingress"],
      ingress: [
        { ports: [tcp(KONG_PORTS.proxy), tcp(KONG_PORTS.proxyTls), tcp(KONG_PORTS.status)] },
        ...(adminSources.length > 0 ? [{ from: adminSources, ports: [tcp(KONG_PORTS.admin), tcp(KONG_PORTS.adminTls)] }] : []),
      ],
    },
  });
  const dbPods = o.database.podSelectorLabels;
  if (!dbPods || Object.keys(dbPods).length === 0) return { networkPolicy };
  const databaseNetworkPolicy = new NetworkPolicyV1(scope, "DatabaseNetworkPolicy", {
    metadata: { name: `${o.name}-database`, namespace: o.namespace, labels: o.labels },
    spec: {
      podSelector: { matchLabels: { ...dbPods } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: o.proxySelector } }, { podSelector: { matchLabels: o.migrationsSelector } }],
          ports: [tcp(o.database.port)],
        },
      ],
    },
  });
  return { networkPolicy, databaseNetworkPolicy };
}

function tcp(port: number) {
  return { port: String(port), protocol: "TCP" };
}
