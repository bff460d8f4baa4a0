import { LimitRangeV1 } from "@cdktf/provider-kubernetes/lib/limit-range-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { ResourceQuotaV1 } from "@cdktf/provider-kubernetes/lib/resource-quota-v1";
import { RoleBindingV1 } from "@cdktf/provider-kubernetes/lib/role-binding-v1";
import { Construct } from "constructs";

/** What one team's pods may take from the cluster, in total (its namespace's ResourceQuota and LimitRange). */
export interface TeamQuota {
  /** GPUs the team's pods may request in total (`requests.<gpuResourceName>`). @default 0: no GPU until the platform grants some */
  readonly gpus?: number;
  /** Most GPUs one container may take (the LimitRange's `max`), at most `gpus`. @default gpus */
  readonly gpusPerContainer?: number;
  /** The GPUs' extended resource, as the models request it. @default "nvidia.com/gpu" */
  readonly gpuResourceName?: string;
  /** CPU the team's pods may request in total (`requests.cpu`). @default "16" */
  readonly cpu?: string;
  /** Memory the team's pods may request and be limited to in total (`requests.memory`, `limits.memory`). @default "64Gi" */
  readonly memory?: string;
  /** Pods, every rollout's extra pod included. @default 50 */
  readonly pods?: number;
  /** LoadBalancer Services (a model's `Vip.loadBalancer`). @default 0: the team's models are reached through Kong only */
  readonly loadBalancers?: number;
}

/** `TeamQuota` with its defaults applied. */
export type ResolvedTeamQuota = Required<TeamQuota>;

export const TEAM_QUOTA_DEFAULTS = Object.freeze({ gpus: 0, gpuResourceName: "nvidia.com/gpu", cpu: "16", memory: "64Gi", pods: 50, loadBalancers: 0 });

/**
 * What a container of the team's namespace gets when it sets no requests or limits of its own (a model's defaults):
 * the quota counts CPU and memory, so Kubernetes would refuse a pod without them.
 */
export const TEAM_CONTAINER_DEFAULTS = Object.freeze({ cpu: "500m", memory: "1Gi" });

export interface TeamNamespaceOptions {
  readonly team: string;
  readonly namespace: string;
  /** Create the Namespace (else it exists and only what goes in it is created). */
  readonly create: boolean;
  readonly quota: ResolvedTeamQuota;
  /** Kubernetes groups bound to the ClusterRole "edit" in the namespace. */
  readonly deployerGroups: readonly string[];
  /** Labels of every object. */
  readonly labels: Record<string, string>;
}

/** The Kubernetes objects of one team, ids as in `addTeamNamespace`. */
export interface TeamNamespaceObjects {
  readonly namespace?: NamespaceV1;
  readonly quota: ResourceQuotaV1;
  readonly limitRange: LimitRangeV1;
  readonly defaultDeny: NetworkPolicyV1;
  readonly deployers?: RoleBindingV1;
}

/**
 * The team's namespace and what it holds before the team deploys anything, as children of `scope` (ids `Namespace`,
 * `Quota`, `Limits`, `DefaultDeny`, `Deployers`):
 * - the Namespace, enforcing the restricted Pod Security Standard like the platform's;
 * - a ResourceQuota: CPU, memory, pods, load balancers and GPUs, so one team cannot take every GPU of the cluster;
 * - a LimitRange: defaults for containers without requests, and the most GPUs one container may take;
 * - a NetworkPolicy denying all ingress to every pod of the namespace. Each model of the team's app (a
 *   DetectionService) brings its own policy admitting Kong's proxy pods on its port, so Kong reaches exactly the
 *   models and nothing else the team runs there is reachable;
 * - with `deployerGroups`, a RoleBinding of the ClusterRole "edit" in the namespace: what the team's `cdktf deploy`
 *   needs there, and nothing elsewhere (it cannot change the quota, the limits or other namespaces).
 */
export function addTeamNamespace(scope: Construct, o: TeamNamespaceOptions): TeamNamespaceObjects {
  const namespace = o.create ? new NamespaceV1(scope, "Namespace", { metadata: { name: o.namespace, labels: { ...o.labels, ...RESTRICTED } } }) : undefined;
  // objects in the namespace wait for it; its name is passed as a plain string, which hides the order from Terraform
  const dependsOn = namespace ? [namespace] : undefined;
  const metadata = (name: string) => ({ name, namespace: o.namespace, labels: o.labels });
  const q = o.quota;
  const quota = new ResourceQuotaV1(scope, "Quota", {
    metadata: metadata("team-quota"),
    spec: {
      hard: {
        "requests.cpu": q.cpu,
        "requests.memory": q.memory,
        "limits.memory": q.memory,
        // extended resources take requests only in a quota (they cannot be overcommitted)
        [`requests.${q.gpuResourceName}`]: String(q.gpus),
        pods: String(q.pods),
        "services.loadbalancers": String(q.loadBalancers),
      },
    },
    dependsOn,
  });
  const limitRange = new LimitRangeV1(scope, "Limits", {
    metadata: metadata("team-limits"),
    spec: { limit: [gpuAwareContainerLimits(q)] },
    dependsOn,
  });
  const defaultDeny = new NetworkPolicyV1(scope, "DefaultDeny", {
    metadata: metadata("default-deny-ingress"),
    spec: { podSelector: {}, policyTypes: ["Ingress"] },
    dependsOn,
  });
  const deployers =
    o.deployerGroups.length === 0
      ? undefined
      : new RoleBindingV1(scope, "Deployers", {
          metadata: metadata("team-deployers"),
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
          subject: o.deployerGroups.map((name) => ({ kind: "Group", name, apiGroup: "rbac.authorization.k8s.io" })),
          dependsOn,
        });
  return { namespace, quota, limitRange, defaultDeny, deployers };
}

const RESTRICTED = { "pod-security.kubernetes.io/enforce": "restricted" };

/**
 * The LimitRange of containers. Its `max` of GPUs bounds one container; Kubernetes' LimitRanger refuses every
 * container without a limit for a resource that has a `max` ("No limit is specified"), so GPUs also get a default of
 * 0, which a container without GPUs takes. Memory gets a default limit equal to the default request, as models do;
 * CPU gets no default limit (models are not capped on CPU, and a `max` would refuse them).
 */
function gpuAwareContainerLimits(q: ResolvedTeamQuota) {
  const gpu = q.gpuResourceName;
  return {
    type: "Container",
    default: { memory: TEAM_CONTAINER_DEFAULTS.memory, [gpu]: "0" },
    defaultRequest: { cpu: TEAM_CONTAINER_DEFAULTS.cpu, memory: TEAM_CONTAINER_DEFAULTS.memory, [gpu]: "0" },
    max: { [gpu]: String(q.gpusPerContainer) },
  };
}
