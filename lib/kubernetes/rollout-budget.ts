import { Problems } from "../core/errors";
import { isToken } from "../core/tokens";

/**
 * How long a workload's rollout may take, derived from what its pods allow themselves: the one place that turns
 * image-pull allowance, init and probe budgets, replica counts and the rollout strategy into a Deployment's
 * `progressDeadlineSeconds` and the Terraform wait timeouts. Kong, the models (and their canaries) and the in-cluster
 * PostgreSQL all call it.
 *
 * What the two clocks measure (hashicorp/kubernetes provider 2.38.0, `resource_kubernetes_deployment_v1.go`;
 * Kubernetes' deployment controller, `pkg/controller/deployment/progress.go`):
 * - Kubernetes' **progress deadline** restarts at every progress event: a new pod created, a pod becoming ready or
 *   available, an old pod removed. Pulling the image and the whole startup-probe period are *not* progress, so the
 *   deadline must cover one pod from creation to ready. When it passes, the Deployment is marked
 *   `ProgressDeadlineExceeded` and the provider's wait fails on its next poll ("Deployment exceeded its progress
 *   deadline"), whatever its own timeout.
 * - Terraform's **create/update timeout** bounds the provider's whole wait: every replica updated and ready, old pods
 *   gone. It must outlast a rollout that keeps progressing, and stay above the deadline so that a stuck rollout fails
 *   with Kubernetes' precise reason rather than a bare timeout.
 *
 * The formula, all in seconds:
 * ```
 * pod       = SCHEDULE_SECONDS + imagePull + init + startup + ready + minReady
 * deadline  = pod + DEADLINE_MARGIN_SECONDS                       -> spec.progressDeadlineSeconds
 * steps     = Recreate: 1
 *             RollingUpdate: the most batches any replica count r in [minReplicas, maxReplicas] needs,
 *             ceil(r / (surge(r) + unavailable(r))), with Kubernetes' rounding (surge rounds up, unavailable
 *             down, and a batch of 0 counts as 1)
 * create    = deadline + WAIT_MARGIN_SECONDS                       -> timeouts.create
 * update    = steps x deadline + terminationGrace + WAIT_MARGIN_SECONDS -> timeouts.update
 * ```
 * On create every pod of the first ReplicaSet starts at once: one step. An update replaces the pods in batches; each
 * batch may take up to the deadline without Kubernetes calling it stuck, and the last old pods then get their grace
 * period. `maxReplicas` counts because the provider waits for the *live* replica count, which an autoscaler may have
 * raised. Timeouts are rendered in whole minutes, rounded up.
 */

/** Scheduling, volume mounts and sandbox creation of one pod, before any image is pulled. */
export const SCHEDULE_SECONDS = 60;
/** Added to the longest a pod may take, so that a pod using its whole budget is not declared stuck. */
export const DEADLINE_MARGIN_SECONDS = 60;
/** Added to every Terraform wait over what it waits for (polling, the controller's reaction, clock skew). */
export const WAIT_MARGIN_SECONDS = 60;
/** Image-pull allowance of an ordinary image (a few hundred megabytes). */
export const DEFAULT_IMAGE_PULL_SECONDS = 180;
/** Image-pull allowance of a GPU image (CUDA runtimes and weights: several gigabytes). */
export const GPU_IMAGE_PULL_SECONDS = 600;
/** The range an image-pull allowance prop accepts. */
export const IMAGE_PULL_SECONDS_RANGE = { min: 30, max: 3600 } as const;

/** A Deployment's `spec.strategy`, as the library renders it. */
export type RolloutStrategy =
  | { readonly type: "RollingUpdate"; readonly rollingUpdate: { readonly maxSurge: string; readonly maxUnavailable: string } }
  | { readonly type: "Recreate" };

/** The parts of a probe that bound how long it lets a container take. Kubernetes' defaults apply to what is absent. */
export interface ProbeTiming {
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly failureThreshold?: number;
  readonly successThreshold?: number;
}

export interface RolloutBudgetOptions {
  /** Longest a node may take to pull the image (pulled once per pod, for the init containers and the main one). */
  readonly imagePullSeconds: number;
  /**
   * Longest the pod may spend, besides the pull, before its main container starts: its init containers' own bounds,
   * and the provisioning and attachment of a persistent volume.
   * @default 0
   */
  readonly initSeconds?: number;
  /**
   * Longest the container may take to start before Kubernetes restarts it: `startupSeconds(startupProbe)`, or another
   * bound the pod sets itself (a liveness probe's initial delay and failures).
   * @default 0
   */
  readonly startupSeconds?: number;
  /** How long the readiness probe takes to pass once the container has started: `readySeconds(readinessProbe)`. */
  readonly readySeconds: number;
  /** `spec.minReadySeconds`. @default 0 */
  readonly minReadySeconds?: number;
  /** Fewest pods the workload runs (the count it starts with). */
  readonly minReplicas: number;
  /** Most pods the workload can run (an autoscaler's maximum). */
  readonly maxReplicas: number;
  readonly strategy: RolloutStrategy;
  /** `terminationGracePeriodSeconds` of the pods: the last old pods may take that long to go. */
  readonly terminationGracePeriodSeconds: number;
}

/** What `rolloutBudget` derives. */
export interface RolloutBudget {
  /** Longest one pod may take from creation to ready. */
  readonly podSeconds: number;
  /** `spec.progressDeadlineSeconds`. */
  readonly progressDeadlineSeconds: number;
  /** Batches an update takes at most. */
  readonly steps: number;
  /** Terraform `timeouts` of the resource's wait. */
  readonly timeouts: { readonly create: string; readonly update: string };
}

/** The progress deadline and Terraform timeouts of a workload, by the formula above. */
export function rolloutBudget(o: RolloutBudgetOptions): RolloutBudget {
  const podSeconds =
    SCHEDULE_SECONDS + o.imagePullSeconds + (o.initSeconds ?? 0) + (o.startupSeconds ?? 0) + o.readySeconds + (o.minReadySeconds ?? 0);
  const progressDeadlineSeconds = podSeconds + DEADLINE_MARGIN_SECONDS;
  const steps = rolloutSteps(o.strategy, o.minReplicas, o.maxReplicas);
  return {
    podSeconds,
    progressDeadlineSeconds,
    steps,
    timeouts: {
      create: terraformDuration(progressDeadlineSeconds + WAIT_MARGIN_SECONDS),
      update: terraformDuration(steps * progressDeadlineSeconds + o.terminationGracePeriodSeconds + WAIT_MARGIN_SECONDS),
    },
  };
}

/** Longest a startup probe lets a container start before it is restarted: initial delay + failures x period. */
export function startupSeconds(probe: ProbeTiming): number {
  return (probe.initialDelaySeconds ?? 0) + (probe.failureThreshold ?? 3) * (probe.periodSeconds ?? 10);
}

/** How long a readiness probe takes to pass once it may: initial delay + successes x period. */
export function readySeconds(probe: ProbeTiming): number {
  return (probe.initialDelaySeconds ?? 0) + (probe.successThreshold ?? 1) * (probe.periodSeconds ?? 10);
}

/** The most batches an update takes over every replica count from `min` to `max` (see the formula). */
export function rolloutSteps(strategy: RolloutStrategy, min: number, max: number): number {
  if (strategy.type === "Recreate") return 1;
  const { maxSurge, maxUnavailable } = strategy.rollingUpdate;
  let steps = 1;
  for (let r = Math.max(1, min); r <= max; r++) {
    const batch = Math.max(1, scaledValue(maxSurge, r, Math.ceil) + scaledValue(maxUnavailable, r, Math.floor));
    steps = Math.max(steps, Math.ceil(r / batch));
  }
  return steps;
}

/** An int-or-percent of a rolling update against `replicas`, rounded as the deployment controller does. */
function scaledValue(value: string, replicas: number, round: (x: number) => number): number {
  const percent = /^(\d+)%$/.exec(value);
  if (percent) return round((Number(percent[1]) * replicas) / 100);
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}

/**
 * The Terraform timeout of a wait whose object bounds itself (a Job's `activeDeadlineSeconds` plus its pods' grace
 * period, a StatefulSet pod's budget): `seconds` plus the wait margin, in whole minutes.
 */
export function waitTimeout(seconds: number): string {
  return terraformDuration(seconds + WAIT_MARGIN_SECONDS);
}

/** A Terraform duration in whole minutes, rounded up: 975 -> "17m". */
export function terraformDuration(seconds: number): string {
  return `${Math.ceil(seconds / 60)}m`;
}

/**
 * An image-pull allowance prop: whole seconds in `IMAGE_PULL_SECONDS_RANGE`. It feeds the progress deadline, so a
 * value is refused with what it is for rather than clamped.
 */
export function imagePullSecondsProp(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  const { min, max } = IMAGE_PULL_SECONDS_RANGE;
  if (isToken(value) || typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    v.add(
      field,
      isToken(value) ? "<token>" : value,
      `must be a whole number of seconds between ${min} and ${max}, known when the plan is made: the time a node may take to pull the image, ` +
        "which the Deployment's progress deadline and Terraform's wait include. Raise it for a large image or a slow registry.",
    );
    return false;
  }
  return true;
}
