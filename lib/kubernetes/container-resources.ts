import { plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { isToken } from "../core/tokens";
import { parseQuantity, quantity } from "./quantities";

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

const RESOURCES_KEYS = knownKeys<ContainerResources>()(["requests", "limits"]);
const QUANTITIES_KEYS = knownKeys<ResourceQuantities>()(["cpu", "memory"]);

/** Resources with every field filled in. */
export interface ResolvedResources {
  readonly requests: { cpu: string; memory: string };
  readonly limits: { cpu: string; memory: string };
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
  strictKeys(v, field, value, RESOURCES_KEYS);
  const given: { requests?: ResourceQuantities; limits?: ResourceQuantities } = {};
  for (const kind of ["requests", "limits"] as const) {
    const q = value?.[kind];
    if (!plainObject(v, `${field}.${kind}`, q, 'must be an object { cpu?, memory? } of Kubernetes quantities, e.g. { cpu: "500m", memory: "512Mi" }')) continue;
    strictKeys(v, `${field}.${kind}`, q, QUANTITIES_KEYS);
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

/** The `resources` block of a container: fresh copies, so no two containers share one object. */
export function renderResources(r: ResolvedResources): ResolvedResources {
  return { requests: { ...r.requests }, limits: { ...r.limits } };
}
