import { isIP } from "node:net";
import { cidrList, noEveryAddress } from "../core/checks";
import { Problems } from "../core/errors";
import { isToken } from "../core/tokens";
import { waitTimeout } from "./rollout-budget";

/** The checks of a LoadBalancer Service's own fields, shared by every exposure that can be one. */

export interface SourceRangeRules {
  /** The ranges must be given (and non-empty): the load balancer is closed unless they say otherwise. */
  readonly required: boolean;
  /**
   * What the load balancer exposes, for the message that refuses a range covering every address (`0.0.0.0/0`,
   * `::/0`); undefined allows such a range.
   */
  readonly exposes?: string;
}

/** `loadBalancerSourceRanges`: CIDR blocks; required or not, and closed to "every address" or not, by `rules`. */
export function sourceRanges(v: Problems, field: string, value: unknown, rules: SourceRangeRules): boolean {
  const empty = Array.isArray(value) && value.length === 0;
  if (value === undefined || empty) {
    if (rules.required) {
      v.add(
        field,
        value,
        'is required for a load balancer: list the CIDR blocks that may reach it, e.g. ["203.0.113.0/24"] (nothing is public by default)',
      );
      return false;
    }
    if (empty) v.add(field, value, "must not be empty: omit it to allow every address");
    return !empty;
  }
  if (!cidrList(v, field, value, { requireCidr: true })) return false;
  return rules.exposes === undefined || noEveryAddress(v, field, value, rules.exposes);
}

/**
 * How long a cloud may take to give a load balancer its address: usually one to five minutes; 540 s leaves room for a
 * slow one. With the wait margin the Terraform timeout is 10m.
 */
export const LOAD_BALANCER_ADDRESS_SECONDS = 540;

/** The wait fields of a Service (`wait_for_load_balancer`, `timeouts`). */
export interface LoadBalancerWait {
  readonly waitForLoadBalancer?: boolean;
  readonly timeouts?: { readonly create: string };
}

/**
 * The wait of a Service: a LoadBalancer's creation waits until the cloud has given it an address (so outputs that
 * read `status.load_balancer.ingress` have one), at most `LOAD_BALANCER_ADDRESS_SECONDS` + margin. The provider waits
 * only on create and only for type LoadBalancer, so other types get nothing written.
 */
export function loadBalancerWait(isLoadBalancer: boolean): LoadBalancerWait {
  if (!isLoadBalancer) return {};
  return { waitForLoadBalancer: true, timeouts: { create: waitTimeout(LOAD_BALANCER_ADDRESS_SECONDS) } };
}

/** `loadBalancerIp`: an IPv4 or IPv6 address (or a Terraform token). */
export function loadBalancerIp(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isToken(value)) return true;
  if (typeof value !== "string" || isIP(value) === 0) {
    v.add(field, value, "must be an IPv4 or IPv6 address such as 203.0.113.10");
    return false;
  }
  return true;
}

/**
 * A copy of a factory's options, taken when the option object is made: its lists and maps are copied one level deep,
 * so that what is validated and what is rendered stay the same even if the caller later edits the arrays it passed.
 * Anything that is not a plain object is returned as is (and refused by `validate`).
 */
export function snapshotOptions(options: unknown): unknown {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return options;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (Array.isArray(value)) copy[key] = [...value];
    else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) copy[key] = { ...value };
    else copy[key] = value;
  }
  return copy;
}
