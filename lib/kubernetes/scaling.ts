import { factoryMadeProp, integerIn, literal, plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";

/** Most pods a workload may ask for (fixed count, or an autoscaler's bounds). */
export const MAX_REPLICAS = 1000;

/** Options of `Scaling.cpu`: a HorizontalPodAutoscaler (autoscaling/v2) on CPU, and optionally memory. */
export interface CpuScalingOptions {
  /** Fewest pods, and the count the Deployment starts with. @default 2 (a node drain or a rollout never takes the workload offline) */
  readonly minReplicas?: number;
  /** Most pods. @default the larger of 5 and minReplicas */
  readonly maxReplicas?: number;
  /** Average CPU use the autoscaler aims for, in percent of the CPU request. @default 80 (what `kubectl autoscale` uses) */
  readonly targetPercent?: number;
  /** Average memory use to scale on as well, in percent of the memory request. @default none: CPU only */
  readonly memoryTargetPercent?: number;
}

const CPU_SCALING_KEYS = knownKeys<CpuScalingOptions>()(["minReplicas", "maxReplicas", "targetPercent", "memoryTargetPercent"]);

type Spec =
  | { readonly kind: "fixed"; readonly replicas: unknown }
  | { readonly kind: "cpu"; readonly options: unknown };

/**
 * How many pods a workload runs: `Scaling.fixed(n)` pods, or `Scaling.cpu({ ... })` between two bounds by a
 * HorizontalPodAutoscaler. The constructs that take one check it (`validate`) and render it with
 * `deploymentScaling` and `addAutoscalerAndBudget`.
 */
export class Scaling {
  /** Exactly `replicas` pods (1 to 1000), no autoscaler. */
  public static fixed(replicas: number): Scaling {
    const n = typeof replicas === "number" ? replicas : 1;
    return new Scaling({ kind: "fixed", replicas }, n, n);
  }

  /** Between `minReplicas` and `maxReplicas` pods, scaled on average CPU (and optionally memory) use. */
  public static cpu(options: CpuScalingOptions = {}): Scaling {
    const o: CpuScalingOptions = options !== null && typeof options === "object" ? options : {};
    const min = typeof o.minReplicas === "number" ? o.minReplicas : 2;
    const max = typeof o.maxReplicas === "number" ? o.maxReplicas : Math.max(5, min);
    return new Scaling({ kind: "cpu", options }, min, max, o.targetPercent ?? 80, o.memoryTargetPercent);
  }

  private constructor(
    private readonly spec: Spec,
    /** Fewest pods, and the count the Deployment starts with (the fixed count without autoscaling). */
    public readonly minReplicas: number,
    /** Most pods (the fixed count without autoscaling). */
    public readonly maxReplicas: number,
    /** CPU target of the autoscaler, in percent of the request; undefined without autoscaling. */
    public readonly targetPercent?: number,
    /** Memory target of the autoscaler, in percent of the request; undefined when it scales on CPU only. */
    public readonly memoryTargetPercent?: number,
  ) {}

  /** Whether a HorizontalPodAutoscaler owns the replica count. */
  public get isAutoscaled(): boolean {
    return this.spec.kind === "cpu";
  }

  /**
   * Records every problem of this scaling under `field` (e.g. `scaling.maxReplicas`) and returns whether there was
   * none. Called by the construct that takes it, so that messages carry that construct's path.
   */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    // replica counts decide what is built (a disruption budget from two pods) and how long Terraform waits for a
    // rollout: they must be known at synth
    const decides = "it decides whether a disruption budget is made and how long Terraform waits for a rollout";
    const waits = "it decides how long Terraform waits for a rollout (an autoscaler may run that many pods)";
    if (this.spec.kind === "fixed") {
      if (literal(v, `${field}.replicas`, this.spec.replicas, decides)) integerIn(v, `${field}.replicas`, this.spec.replicas, 1, MAX_REPLICAS);
      return v.count === before;
    }
    const shape = "must be an object { minReplicas?, maxReplicas?, targetPercent?, memoryTargetPercent? }";
    if (!plainObject(v, field, this.spec.options, shape)) return false;
    const o = (this.spec.options ?? {}) as CpuScalingOptions;
    strictKeys(v, field, o, CPU_SCALING_KEYS);
    const okMin = literal(v, `${field}.minReplicas`, o.minReplicas, decides) && integerIn(v, `${field}.minReplicas`, o.minReplicas, 1, MAX_REPLICAS);
    const okMax = literal(v, `${field}.maxReplicas`, o.maxReplicas, waits) && integerIn(v, `${field}.maxReplicas`, o.maxReplicas, 1, MAX_REPLICAS);
    integerIn(v, `${field}.targetPercent`, o.targetPercent, 1, 100);
    integerIn(v, `${field}.memoryTargetPercent`, o.memoryTargetPercent, 1, 100);
    if (okMin && okMax && this.minReplicas > this.maxReplicas) {
      v.add(`${field}.maxReplicas`, this.maxReplicas, `must be at least minReplicas (${this.minReplicas}): raise maxReplicas or lower minReplicas`);
    }
    return v.count === before;
  }
}

/**
 * Checks a `scaling` prop: absent gives `fallback`; anything but a `Scaling` is refused; a `Scaling` is validated
 * under `field`. Returns the scaling to render (`fallback` when the value was refused, so other checks go on).
 */
export function scalingProp(v: Problems, field: string, value: unknown, fallback: Scaling): Scaling {
  return factoryMadeProp(v, field, value, fallback, "Scaling.fixed(replicas) or Scaling.cpu({ minReplicas?, maxReplicas?, targetPercent? })");
}
