import { Problems } from "./errors";
import { isToken } from "./tokens";

/**
 * Strict props: every options object of the public API refuses keys it does not know, so a misspelt option
 * (`resources.gpus`, `cacheTTL`) is an error instead of a silently applied default, as Kong itself refuses unknown
 * fields. The list of known keys of each interface is written once, next to its checks, with `knownKeys`, which the
 * type checker holds to the interface: a key missing from the list, or one the interface does not have, fails `tsc`.
 */

/** The keys of `T` that a list `K` leaves out. */
type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/** The option names of one options interface: every key of it, and nothing else. */
export interface KnownKeys<T> {
  /** The option names, in the order written. */
  readonly names: readonly (keyof T & string)[];
  /** Whether `key` is one of them. */
  has(key: string): boolean;
}

/**
 * The option names of the interface `T`, checked by `tsc` to be exactly its keys:
 * ```ts
 * const RESOURCE_KEYS = knownKeys<ModelResources>()(["cpu", "memory", "cpuLimit", "gpu"]);
 * ```
 * A key of `ModelResources` missing from the list fails with `Property '"missing keys"' is missing ... "gpu"`; a key
 * it does not have fails with `Type '"gpus"' is not assignable to ...`. When a prop is added to an interface, the type
 * checker points at the list to extend.
 */
export function knownKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([Missing<T, K>] extends [never] ? unknown : { readonly "missing keys": Missing<T, K> }),
  ): KnownKeys<T> => {
    const names = Object.freeze([...keys]);
    const set: ReadonlySet<string> = new Set(names);
    return Object.freeze({ names, has: (key: string) => set.has(key) });
  };
}

/** Keys a caller fills in itself (a platform's namespace, gateway, ...), with what the user sets instead. */
export type SuppliedKeys = Readonly<Record<string, string>>;

/**
 * Records one problem per key of the object `value` that is not in `known`, under `<field>.<key>` (the bare key at
 * the top level), suggesting the closest known option. A key in `supplied` gets that explanation instead. A known key
 * set to null is noted (`Problems.nullOption`): reported unless a check of that option reports it. Anything that is
 * not a plain object (absent, a token, a wrong type) is left to the shape checks. Returns whether every key is known.
 */
export function strictKeys<T>(v: Problems, field: string, value: unknown, known: KnownKeys<T>, supplied: SuppliedKeys = {}): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value) || isToken(value)) return true;
  let ok = true;
  for (const key of Object.keys(value)) {
    if (known.has(key)) {
      if ((value as Record<string, unknown>)[key] === null) v.nullOption(field === "" ? key : `${field}.${key}`);
      continue;
    }
    ok = false;
    const at = field === "" ? key : `${field}.${key}`;
    const given = (value as Record<string, unknown>)[key];
    if (Object.prototype.hasOwnProperty.call(supplied, key)) {
      v.add(at, shown(key, given, undefined), `is not an option here: ${supplied[key]}`);
      continue;
    }
    const suggestion = closestOption(key, known.names);
    v.add(
      at,
      shown(key, given, suggestion),
      suggestion === undefined ? `is an unknown option; the options are ${known.names.join(", ")}` : `is an unknown option; did you mean ${JSON.stringify(suggestion)}?`,
    );
  }
  return ok;
}

/**
 * Reports the keys of `value` that a caller supplies itself (see `SuppliedKeys`), and only those: the object is then
 * handed, with those keys replaced, to a construct that checks the rest.
 */
export function suppliedKeys(v: Problems, field: string, value: unknown, supplied: SuppliedKeys): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return true;
  let ok = true;
  for (const key of Object.keys(supplied)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    ok = false;
    const given = (value as Record<string, unknown>)[key];
    v.add(field === "" ? key : `${field}.${key}`, shown(key, given, undefined), `is not an option here: ${supplied[key]}`);
  }
  return ok;
}

/**
 * `props` with the keys a caller supplies itself (see `suppliedKeys`) filled in, for the construct that checks the
 * rest. Anything but a plain object (null, a list, a string) is handed over as it is, so that the construct refuses
 * it as props, instead of spreading it into a valid object (`{ ...null }` is `{}`; `{ ..."ab" }` has keys 0 and 1).
 */
export function withSupplied<T>(props: unknown, supplied: Partial<T>): T {
  if (props === undefined) return { ...supplied } as T;
  if (props === null || typeof props !== "object" || Array.isArray(props) || isToken(props)) return props as T;
  return { ...props, ...supplied } as T;
}

/** Option names that hold a secret (`password`, `adminPassword`, `clientSecret`, `apiKey`, ...): their values are not shown. */
const SECRET_WORD = /(pass(word|wd)?|secret|token|api_?key|private_?key|credentials?)$/i;

/** The value an error shows: redacted when the key (or the option it was likely meant to be) may hold a secret. */
function shown(key: string, value: unknown, suggestion: string | undefined): unknown {
  if (typeof value !== "string" || isToken(value)) return value;
  return SECRET_WORD.test(key) || (suggestion !== undefined && SECRET_WORD.test(suggestion)) ? "<redacted>" : value;
}

/** Lowercase, without '_', '-' and spaces: `cache_ttl`, `Cache-TTL` and `cacheTtl` compare equal. */
function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * The known option a misspelt key most likely meant: the same name in another case or spelling (`cpu_limit`), one
 * a few edits away (`gpus`), or one sharing a long prefix or suffix with it (`cacheTTL` -> `cacheTtlSeconds`,
 * `maxPayloadMB` -> `maxPayloadMegabytes`, `lockfile` -> `useLockfile`). Undefined when none is close.
 */
export function closestOption(key: string, names: readonly string[]): string | undefined {
  const k = normalized(key);
  if (k === "") return undefined;
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const n = normalized(name);
    const allowed = Math.max(1, Math.floor(Math.max(k.length, n.length) / 4));
    const distance = editDistance(k, n, allowed);
    const prefix = commonPrefix(k, n);
    const suffix = commonPrefix([...k].reverse().join(""), [...n].reverse().join(""));
    const shorter = Math.min(k.length, n.length);
    const shared = Math.max(prefix, suffix);
    let score: number | undefined;
    if (distance <= allowed && distance < shorter) score = distance;
    else if (shared >= 4 && shared >= Math.ceil(shorter * 0.6)) score = 10 - shared / Math.max(k.length, n.length);
    if (score !== undefined && (best === undefined || score < best.score)) best = { name, score };
  }
  return best?.name;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), or `cap + 1` as
 * soon as it must exceed `cap`. Keys are short: this stays cheap.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > cap) return cap + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}
