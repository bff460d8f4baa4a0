import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { Construct } from "constructs";
import { Scaling } from "./scaling";

/** Spread over nodes only. */
export const SPREAD_OVER_NODES: readonly string[] = ["kubernetes.io/hostname"];
/** Spread over nodes, then over zones (for a workload every request crosses, such as the gateway). */
export const SPREAD_OVER_NODES_AND_ZONES: readonly string[] = ["kubernetes.io/hostname", "topology.kubernetes.io/zone"];

/** The parts of a Deployment that follow from its scaling. */
export interface DeploymentScaling {
  /** `spec.replicas`: the fixed count, or the autoscaler's minimum to start with. */
  readonly replicas: string;
  /** `spec.template.spec.topologySpreadConstraint`: one soft constraint (maxSkew 1) per topology key. */
  readonly topologySpreadConstraint: {
    maxSkew: number;
    topologyKey: string;
    whenUnsatisfiable: string;
    labelSelector: { matchLabels: Record<string, string> }[];
  }[];
  /** With an autoscaler, Terraform ignores `spec.replicas` after creation: the autoscaler owns it. */
  readonly lifecycle?: { ignoreChanges: string[] };
}

/**
 * Replicas, spread and lifecycle of a Deployment whose pods `selector` selects. The spread is soft
 * (`ScheduleAnyway`): a cluster with one node or one zone still schedules every pod.
 */
export function deploymentScaling(
  scaling: Scaling,
  selector: Record<string, string>,
  spreadTopologyKeys: readonly string[] = SPREAD_OVER_NODES,
): DeploymentScaling {
  return {
    replicas: String(scaling.minReplicas),
    topologySpreadConstraint: spreadTopologyKeys.map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: "ScheduleAnyway",
      labelSelector: [{ matchLabels: selector }],
    })),
    lifecycle: scaling.isAutoscaled ? { ignoreChanges: ["spec[0].replicas"] } : undefined,
  };
}

export interface AvailabilityOptions {
  readonly scaling: Scaling;
  /** Metadata of the autoscaler and the budget (name, namespace, labels). */
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Record<string, string> };
  /** Labels that select the workload's pods (the budget's selector). */
  readonly selector: Record<string, string>;
  /** Name of the Deployment the autoscaler scales (a reference to it orders the two in Terraform). */
  readonly deploymentName: string;
}

/** What `addAutoscalerAndBudget` created. */
export interface Availability {
  /** Present with `Scaling.cpu`. */
  readonly autoscaler?: HorizontalPodAutoscalerV2;
  /** Present when the workload starts with more than one pod. */
  readonly disruptionBudget?: PodDisruptionBudgetV1;
}

/**
 * Creates, in `scope` with ids `Autoscaler` and `DisruptionBudget`: the HorizontalPodAutoscaler (autoscaling/v2) of
 * a `Scaling.cpu` workload, and a PodDisruptionBudget allowing one pod down at a time when it runs more than one pod
 * (with a single pod a budget would block every node drain).
 */
export function addAutoscalerAndBudget(scope: Construct, o: AvailabilityOptions): Availability {
  const s = o.scaling;
  let autoscaler: HorizontalPodAutoscalerV2 | undefined;
  if (s.isAutoscaled) {
    const metric = [utilization("cpu", s.targetPercent!)];
    if (s.memoryTargetPercent !== undefined) metric.push(utilization("memory", s.memoryTargetPercent));
    autoscaler = new HorizontalPodAutoscalerV2(scope, "Autoscaler", {
      metadata: o.metadata,
      spec: {
        minReplicas: s.minReplicas,
        maxReplicas: s.maxReplicas,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: o.deploymentName },
        metric,
      },
    });
  }
  let disruptionBudget: PodDisruptionBudgetV1 | undefined;
  if (s.minReplicas > 1) {
    disruptionBudget = new PodDisruptionBudgetV1(scope, "DisruptionBudget", {
      metadata: o.metadata,
      spec: { maxUnavailable: "1", selector: { matchLabels: o.selector } },
    });
  }
  return { autoscaler, disruptionBudget };
}

function utilization(name: "cpu" | "memory", percent: number) {
  return { type: "Resource", resource: { name, target: { type: "Utilization", averageUtilization: percent } } };
}
