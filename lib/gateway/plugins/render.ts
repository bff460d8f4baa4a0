import { Fn, Token } from "cdktf";
import { Problems, ValidationProblem } from "../../core/errors";
import { KnownKeys, strictKeys } from "../../core/keys";

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
  return JSON.stringify(sortKeys(value, []));
}

/**
 * @internal A config as `config_json`. String and number references inside it already render as Terraform
 * interpolations in the text; a list or map reference (a list variable's `listValue`) cannot sit in a string, so each
 * is written as `${jsonencode(<reference>)}` in its place. `text` is the same JSON with a placeholder for each of
 * them (the policy's identity), `restore` the reviver that puts the references back when the text is parsed.
 */
export function configJsonOf(config: unknown): { text: string; configJson: string; restore: (value: unknown) => unknown } {
  const refs: unknown[] = [];
  const text = JSON.stringify(sortKeys(config, refs));
  if (refs.length === 0) return { text, configJson: text, restore: (value) => value };
  const parts = text.split(/"\\u0000ref:(\d+)\\u0000"/);
  const configJson = parts.map((part, i) => (i % 2 === 0 ? part : Token.asString(Fn.jsonencode(refs[Number(part)])))).join("");
  const restore = (value: unknown) => {
    const m = typeof value === "string" ? /^\u0000ref:(\d+)\u0000$/.exec(value) : null;
    return m ? refs[Number(m[1])] : value;
  };
  return { text, configJson, restore };
}

/**
 * @internal Whether a config holds a Terraform reference anywhere (string, number, list or map). Such a policy is
 * never shared: two list references render one placeholder text, and a shared policy would keep the first one's
 * stack alive (and give it to the second).
 */
export function holdsReference(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(holdsReference);
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsReference);
  return false;
}

function sortKeys(value: unknown, refs: unknown[]): unknown {
  if (value !== null && typeof value === "object" && Token.isUnresolved(value)) {
    refs.push(value);
    return `\u0000ref:${refs.length - 1}\u0000`;
  }
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, refs));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[k];
      if (item !== undefined) out[k] = sortKeys(item, refs);
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

/**
 * @internal The options of a plugin factory, as an object to read: absent gives {}; anything but an object is
 * recorded (under the recorder's prefix, e.g. `keyAuth`) and read as {} so the other checks go on; an object's unknown
 * keys are recorded with a suggestion (`proxyCache.cacheTTL ... did you mean "cacheTtlSeconds"?`).
 */
export function optionsOf<T extends object>(v: Problems, opts: T | undefined, known: KnownKeys<T>): Partial<T> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) {
    v.add("", opts, "must be an object of options (or left out where every option has a default)");
    return {};
  }
  strictKeys(v, "", opts, known);
  return opts;
}

/** @internal Kong's `set` type drops duplicates; rendering them already deduplicated keeps plans free of drift. */
export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
