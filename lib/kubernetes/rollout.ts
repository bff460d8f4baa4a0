import { factoryMadeProp, isToken } from "../core/checks";
import { Problems } from "../core/errors";
import type { RolloutStrategy } from "./rollout-budget";

export type { RolloutStrategy };

/** Options of `Rollout.surge`: new pods first. Counts are whole pods or percents of the replicas (`"25%"`). */
export interface SurgeRolloutOptions {
  /** Pods started above the desired count while rolling; each needs room on a node (a GPU for a GPU model). @default 1 */
  readonly maxSurge?: number | string;
  /** Pods that may be missing while rolling. @default 0: never below the desired count */
  readonly maxUnavailable?: number | string;
}

/** Options of `Rollout.replace`: old pods first. */
export interface ReplaceRolloutOptions {
  /** Old pods stopped at once, each before its replacement starts (a whole count or a percent, at least one pod). @default 1 */
  readonly maxUnavailable?: number | string;
}

type Spec =
  | { readonly kind: "surge"; readonly options: unknown }
  | { readonly kind: "replace"; readonly options: unknown }
  | { readonly kind: "recreate" };

const COUNT_OR_PERCENT = /^(\d+)%$/;

/**
 * How a Deployment replaces its pods with new ones (its `spec.strategy`):
 * - `Rollout.surge()`: start a new pod, wait until it is ready, then stop an old one. Never below the desired count,
 *   but every surged pod needs room beyond it: on a full GPU pool the new pod stays Pending and the rollout (and
 *   Terraform's wait for it) never finishes.
 * - `Rollout.replace()`: stop an old pod, then start its replacement in the room it leaves. Needs no spare capacity,
 *   at the price of one pod less while each replacement starts (a whole model load), and of an outage for a workload
 *   of one pod.
 * - `Rollout.recreate()`: stop every old pod, then start the new ones: for software that must never run two versions
 *   at once. An outage on every rollout.
 */
export class Rollout {
  /** New pods first (`RollingUpdate`, `maxSurge` 1 and `maxUnavailable` 0 unless given): needs spare capacity. */
  public static surge(options: SurgeRolloutOptions = {}): Rollout {
    const o = (options !== null && typeof options === "object" ? options : {}) as SurgeRolloutOptions;
    return new Rollout({ kind: "surge", options }, { type: "RollingUpdate", rollingUpdate: { maxSurge: render(o.maxSurge ?? 1), maxUnavailable: render(o.maxUnavailable ?? 0) } });
  }

  /** Old pods first (`RollingUpdate`, `maxSurge` 0, `maxUnavailable` 1 unless given): needs no spare capacity. */
  public static replace(options: ReplaceRolloutOptions = {}): Rollout {
    const o = (options !== null && typeof options === "object" ? options : {}) as ReplaceRolloutOptions;
    return new Rollout({ kind: "replace", options }, { type: "RollingUpdate", rollingUpdate: { maxSurge: "0", maxUnavailable: render(o.maxUnavailable ?? 1) } });
  }

  /** Every old pod stops before any new one starts (`Recreate`). */
  public static recreate(): Rollout {
    return new Rollout({ kind: "recreate" }, { type: "Recreate" });
  }

  private constructor(
    private readonly spec: Spec,
    private readonly rendered: RolloutStrategy,
  ) {}

  /** Whether a rollout starts pods beyond the desired count (and so needs room for them). */
  public get needsSpareCapacity(): boolean {
    return this.spec.kind === "surge";
  }

  /** `spec.strategy` of the Deployment: a fresh copy on every call. */
  public get strategy(): RolloutStrategy {
    const r = this.rendered;
    return r.type === "Recreate" ? { type: "Recreate" } : { type: r.type, rollingUpdate: { ...r.rollingUpdate } };
  }

  /**
   * Records every problem of this rollout under `field` (e.g. `rollout.maxSurge`) and returns whether there was none.
   * Called by the construct that takes it, so that messages carry that construct's path.
   */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    if (this.spec.kind === "recreate") return true;
    const shape = this.spec.kind === "surge" ? "must be an object { maxSurge?, maxUnavailable? }" : "must be an object { maxUnavailable? }";
    const options = this.spec.options;
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      v.add(field, options, shape);
      return false;
    }
    if (this.spec.kind === "surge") {
      const o = options as SurgeRolloutOptions;
      const surge = countOrPercent(v, `${field}.maxSurge`, o.maxSurge);
      countOrPercent(v, `${field}.maxUnavailable`, o.maxUnavailable);
      if (surge === 0) v.add(`${field}.maxSurge`, o.maxSurge, "must start at least one pod: for a rollout without extra pods use Rollout.replace()");
    } else {
      const o = options as ReplaceRolloutOptions;
      if (countOrPercent(v, `${field}.maxUnavailable`, o.maxUnavailable) === 0) {
        v.add(`${field}.maxUnavailable`, o.maxUnavailable, "must stop at least one pod: without a surge nothing else makes room for the new pods");
      }
    }
    return v.count === before;
  }
}

function render(value: number | string): string {
  return String(value);
}

/**
 * A whole count of pods (0..1000) or a percent ("0%".."100%"). Returns its amount (the count or the percent) when
 * valid, undefined when absent or refused.
 */
function countOrPercent(v: Problems, field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
  if (typeof value === "string" && !isToken(value)) {
    const m = COUNT_OR_PERCENT.exec(value);
    if (m && Number(m[1]) <= 100) return Number(m[1]);
  }
  v.add(field, value, 'must be a whole number of pods (0 to 1000) or a percent of the replicas ("0%" to "100%")');
  return undefined;
}

/**
 * Checks a `rollout` prop: absent gives `fallback`; anything but a `Rollout` is refused; a `Rollout` is validated
 * under `field`. Returns the rollout to render (`fallback` when the value was refused, so other checks go on).
 */
export function rolloutProp(v: Problems, field: string, value: unknown, fallback: Rollout): Rollout {
  return factoryMadeProp(v, field, value, fallback, "Rollout.surge({ maxSurge?, maxUnavailable? }), Rollout.replace({ maxUnavailable? }) or Rollout.recreate()");
}
