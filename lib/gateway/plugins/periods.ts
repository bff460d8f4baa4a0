import { numberAbove } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";

/** Rate-limiting windows, shortest first (Kong's ORDERED_PERIODS). */
const PERIODS = Object.freeze(["second", "minute", "hour", "day", "month", "year"] as const);
export type Period = (typeof PERIODS)[number];

/** Requests (or units) allowed per window; set at least one. */
export interface RateLimitWindows {
  /** Limit per second. @default none */
  readonly second?: number;
  /** Limit per minute. @default none */
  readonly minute?: number;
  /** Limit per hour. @default none */
  readonly hour?: number;
  /** Limit per day. @default none */
  readonly day?: number;
  /** Limit per month. @default none */
  readonly month?: number;
  /** Limit per year. @default none */
  readonly year?: number;
}

/**
 * Checks a set of windows as `validate_periods_order` and `at_least_one_of` do in Kong's rate-limiting and
 * response-ratelimiting schemas: each set limit is a number > 0, at least one is set, and a longer window allows at
 * least as many requests as every shorter one. Linear: compares each window with the largest shorter one.
 */
export function checkWindows(v: ProblemRecorder, prefix: string, w: Partial<Record<Period, unknown>>): boolean {
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  let ok = true;
  let any = false;
  for (const p of PERIODS) {
    if (w[p] !== undefined) any = true;
    ok = numberAbove(v, at(p), w[p], 0) && ok;
  }
  if (!any) {
    v.add(prefix || "second", undefined, `must set at least one window: ${PERIODS.join(", ")}`);
    return false;
  }
  if (!ok) return false;
  let largest: { period: Period; value: number } | undefined;
  for (const p of PERIODS) {
    const value = w[p];
    if (typeof value !== "number") continue;
    if (largest && value < largest.value) {
      v.add(
        at(p),
        value,
        `is lower than ${at(largest.period)} (${largest.value}): Kong requires each longer window to allow at least as many requests. Raise ${p} to >= ${largest.value}.`,
      );
      ok = false;
    }
    if (!largest || value > largest.value) largest = { period: p, value };
  }
  return ok;
}

/** The set windows, in Kong's field names. */
export function renderWindows(w: Partial<Record<Period, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of PERIODS) if (w[p] !== undefined) out[p] = w[p];
  return out;
}
