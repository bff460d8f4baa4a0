import { ValidationProblem } from "../../core/errors";

/**
 * Not exported from the package entry (its declaration ships, as the plugins' signatures name it). What a plugin
 * factory renders from its options: Kong's plugin name, the config in Kong's snake_case form
 * and the problems of the options. Only `Plugin.*` turns it into a policy.
 */
export interface PolicySpec {
  /** Kong's plugin name, e.g. `rate-limiting`. */
  readonly name: string;
  /** The factory's name, used to prefix fields in error messages, e.g. `rateLimiting`. */
  readonly label: string;
  /** The plugin's `config` in Kong's snake_case form (empty when there are problems). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Problems found in the options (reported when the policy is attached, with the construct path). */
  readonly problems: readonly ValidationProblem[];
}

/** @internal JSON with object keys sorted recursively (arrays keep their order): the same config always gives the same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[k];
      if (item !== undefined) out[k] = sortKeys(item);
    }
    return out;
  }
  return value;
}

/** @internal Drops undefined entries so rendered configs hold only what is set or defaulted. */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
}

/** @internal Options may arrive as anything from JavaScript callers: treat non-objects as empty so checks report them. */
export function optionsOf<T extends object>(opts: T | undefined): Partial<T> {
  return opts !== null && typeof opts === "object" && !Array.isArray(opts) ? opts : {};
}

/** @internal Kong's `set` type drops duplicates; rendering them already deduplicated keeps plans free of drift. */
export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
