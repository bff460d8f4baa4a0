import { isToken, plainObject, quantity } from "../core/checks";
import { Problems } from "../core/errors";

/** CPU and memory amounts as Kubernetes quantities, e.g. `{ cpu: "500m", memory: "512Mi" }`. */
export interface ResourceQuantities {
  readonly cpu?: string;
  readonly memory?: string;
}

/** Requests (what the scheduler reserves) and limits (the most a container may use) of one container. */
export interface ContainerResources {
  readonly requests?: ResourceQuantities;
  readonly limits?: ResourceQuantities;
}

/** Resources with every field filled in. */
export interface ResolvedResources {
  readonly requests: { cpu: string; memory: string };
  readonly limits: { cpu: string; memory: string };
}

const SUFFIX: Record<string, number> = {
  "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The numeric value of a Kubernetes quantity (`500m` -> 0.5, `1Gi` -> 1073741824), or undefined if not one. */
export function parseQuantity(value: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * SUFFIX[m[2] ?? ""];
}

/**
 * Merges `value` over `defaults` field by field, checks every quantity and that no request exceeds its limit
 * (Kubernetes rejects such a pod). Problems are reported under `field` (e.g. `resources.requests.cpu`).
 */
export function resolveResources(
  v: Problems,
  field: string,
  value: ContainerResources | undefined,
  defaults: ResolvedResources,
): ResolvedResources {
  if (!plainObject(v, field, value, "must be an object { requests?: { cpu?, memory? }, limits?: { cpu?, memory? } }")) return defaults;
  const given: { requests?: ResourceQuantities; limits?: ResourceQuantities } = {};
  for (const kind of ["requests", "limits"] as const) {
    const q = value?.[kind];
    if (!plainObject(v, `${field}.${kind}`, q, 'must be an object { cpu?, memory? } of Kubernetes quantities, e.g. { cpu: "500m", memory: "512Mi" }')) continue;
    given[kind] = q;
    for (const res of ["cpu", "memory"] as const) quantity(v, `${field}.${kind}.${res}`, q?.[res]);
  }
  const resolved: ResolvedResources = {
    requests: { ...defaults.requests, ...definedOnly(given.requests) },
    limits: { ...defaults.limits, ...definedOnly(given.limits) },
  };
  for (const res of ["cpu", "memory"] as const) {
    const req = resolved.requests[res];
    const lim = resolved.limits[res];
    if (typeof req !== "string" || typeof lim !== "string" || isToken(req) || isToken(lim)) continue;
    const r = parseQuantity(req);
    const l = parseQuantity(lim);
    if (r !== undefined && l !== undefined && r > l) {
      v.add(
        `${field}.requests.${res}`,
        req,
        `must not exceed ${field}.limits.${res} (${JSON.stringify(lim)}): Kubernetes rejects a request above its limit. Lower the request or raise the limit.`,
      );
    }
  }
  return resolved;
}

function definedOnly(q: ResourceQuantities | undefined): ResourceQuantities {
  const out: { cpu?: string; memory?: string } = {};
  if (q?.cpu !== undefined) out.cpu = q.cpu;
  if (q?.memory !== undefined) out.memory = q.memory;
  return out;
}
