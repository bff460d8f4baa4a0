import { Problems } from "../core/errors";
import { isStringToken, isToken } from "../core/tokens";

/**
 * Kubernetes resource quantities (`500m`, `2`, `512Mi`, `10Gi`): the plain decimal forms with an SI or binary suffix.
 * Kubernetes also accepts exponents (`1e3`) and signs; this library refuses those, they only hide a typo.
 */
const QUANTITY = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

const SUFFIX: Record<string, number> = {
  "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The numeric value of a quantity (`500m` -> 0.5, `1Gi` -> 1073741824), or undefined if it is not one. */
export function parseQuantity(value: string): number | undefined {
  const m = QUANTITY.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * SUFFIX[m[2] ?? ""];
}

/**
 * A CPU quantity in millicores (`500m` -> 500, `2` -> 2000, `0.25` -> 250), or undefined for a Terraform token or
 * anything that is not a quantity.
 */
export function cpuMillicores(value: string): number | undefined {
  if (isToken(value)) return undefined;
  const cores = parseQuantity(value);
  return cores === undefined ? undefined : Math.round(cores * 1000 * 1000) / 1000;
}

/** A Kubernetes resource quantity, e.g. `500m`, `2`, `512Mi`, `1Gi`. */
export function quantity(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !QUANTITY.test(value)) {
    v.add(field, value, "must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi");
    return false;
  }
  return true;
}
