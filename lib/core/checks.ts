import { isIP } from "node:net";
import { Problems } from "./errors";
import { isListToken, isNumberToken, isScalarToken, isStringToken, isToken } from "./tokens";

export { isToken };
/** @deprecated Kubernetes names live in lib/kubernetes/names.ts: import `dns1123Label` from there. */
export { dns1123Label } from "../kubernetes/names";
/** @deprecated Kubernetes quantities live in lib/kubernetes/quantities.ts: import `quantity` from there. */
export { quantity } from "../kubernetes/quantities";

/**
 * Field checks shared by every construct. Each returns true when the value is acceptable (or an unresolved
 * Terraform token that can only be checked at apply time) and otherwise records a problem and returns false.
 * Absent values (undefined) are acceptable: callers check presence with `required`.
 */

export function required(v: Problems, field: string, value: unknown, what = "is required"): boolean {
  if (value === undefined || value === null || value === "") {
    v.add(field, value, what);
    return false;
  }
  return true;
}

export function integerIn(v: Problems, field: string, value: unknown, min: number, max: number): boolean {
  if (value === undefined || isNumberToken(value)) return true;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    v.add(field, value, `must be an integer between ${min} and ${max}`);
    return false;
  }
  return true;
}

export function numberAbove(v: Problems, field: string, value: unknown, min: number): boolean {
  if (value === undefined || isNumberToken(value)) return true;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= min) {
    v.add(field, value, `must be a number greater than ${min}`);
    return false;
  }
  return true;
}

export function bool(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || typeof value === "boolean") return true;
  v.add(field, value, "must be true or false");
  return false;
}

export function oneOf<T extends string | number>(
  v: Problems,
  field: string,
  value: unknown,
  allowed: readonly T[],
): value is T | undefined {
  if (value === undefined || isScalarToken(value)) return true;
  if (!(allowed as readonly unknown[]).includes(value)) {
    v.add(field, value, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
    return false;
  }
  return true;
}

/** Every element of an array is one of `allowed` (and the value is an array). */
export function subsetOf(v: Problems, field: string, value: unknown, allowed: readonly string[]): boolean {
  const rule = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
  return listOf(v, field, value, `must be a list of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, (f, item) => {
    if (allowed.includes(item as string)) return true;
    v.add(f, item, rule);
    return false;
  });
}

export function nonEmptyString(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || value.length === 0) {
    v.add(field, value, "must be a non-empty string");
    return false;
  }
  return true;
}

export function stringArray(v: Problems, field: string, value: unknown, allowEmpty = true): value is string[] | undefined {
  const empty = allowEmpty ? undefined : "must not be empty";
  return listOf(v, field, value, "must be a list of non-empty strings", (f, item) => nonEmptyString(v, f, item), empty);
}

/**
 * The message of a list element that holds no value: a hole of a sparse array (`[a, , b]`), or `undefined` / `null`
 * (an unset environment variable, an optional field read from nowhere). Such an element is never dropped silently:
 * a list of one unset path would otherwise become an empty list, and an empty list often means "everything".
 */
export const UNSET_ELEMENT = "is not set: every element of a list must hold a value (an unset variable gives undefined; a hole in the list, too)";

/**
 * Checks every element of `list`, holes included (which `forEach`, `some` and `every` skip): an unset element
 * (`UNSET_ELEMENT`) is refused here, a string or number reference accepted (unless `references` is false: a list
 * of constructs or policies holds none), and every other element goes to `check` with its field (`<field>[i]`).
 * Returns whether every element is acceptable.
 */
export function eachElement(
  v: Problems,
  field: string,
  list: readonly unknown[],
  check: (field: string, item: unknown) => boolean,
  references = true,
): boolean {
  let ok = true;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const f = `${field}[${i}]`;
    if (item === undefined || item === null) {
      v.add(f, item, UNSET_ELEMENT);
      ok = false;
    } else if (!references || !isScalarToken(item)) {
      ok = check(f, item) && ok;
    }
  }
  return ok;
}

/**
 * A list prop: absent (`undefined`) and Terraform list tokens are accepted; anything but an array is refused with
 * `shape`; an empty list with `empty` when given (so a list that must hold something is checked as given, before
 * anything is removed); then each element with `eachElement` (`references` false for lists of objects).
 */
export function listOf(
  v: Problems,
  field: string,
  value: unknown,
  shape: string,
  check: (field: string, item: unknown) => boolean,
  empty?: string,
  references = true,
): boolean {
  if (value === undefined || isListToken(value)) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, shape);
    return false;
  }
  if (empty !== undefined && value.length === 0) {
    v.add(field, value, empty);
    return false;
  }
  return eachElement(v, field, value, check, references);
}

const FLOATING_TAGS = new Set(["latest", "stable", "main", "master", "edge", "nightly", "dev", "mainline", "current"]);

/**
 * The word "undefined" or "NaN" standing alone in a literal (between non-alphanumeric characters): what JavaScript
 * writes for an unset value interpolated into a string (`ocr:${process.env.TAG}` -> "ocr:undefined"). "null" is left
 * alone: it is a plausible host label, and environment variables are never null.
 */
export function unsetWord(value: string): string | undefined {
  return /(?:^|[^A-Za-z0-9])(undefined|NaN)(?=$|[^A-Za-z0-9])/.exec(value)?.[1];
}

/** Refuses a literal that holds an unset value interpolated into it (see `unsetWord`); returns whether it has none. */
export function noUnsetValue(v: Problems, field: string, value: unknown): boolean {
  if (typeof value !== "string" || isStringToken(value)) return true;
  const word = unsetWord(value);
  if (word === undefined) return true;
  v.add(field, value, `contains "${word}": an unset value interpolated into a string (such as \`\${process.env.X}\`)? Set it, or leave the option out`);
  return false;
}

/**
 * A container image that always means the same bytes: pinned by digest (`repo@sha256:<64 hex>`), or by a tag that
 * is not a moving one (`latest`, `stable`, ...). With `semver`, a tag must also carry a full major.minor.patch
 * (so `kong:3.9` and `kong:3` are rejected: they float over patch releases).
 */
export function pinnedImage(v: Problems, field: string, value: unknown, opts: { semver?: boolean } = {}): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!noUnsetValue(v, field, value)) return false;
  const allowed = opts.semver
    ? "must be pinned: a digest (repo@sha256:<64 hex>) or a full version tag (repo:MAJOR.MINOR.PATCH[-suffix])"
    : "must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev";
  if (typeof value !== "string" || value.length === 0 || /\s/.test(value)) {
    v.add(field, value, allowed);
    return false;
  }
  const at = value.indexOf("@");
  if (at >= 0) {
    if (/^sha256:[a-f0-9]{64}$/.test(value.slice(at + 1)) && at > 0) return true;
    v.add(field, value, allowed);
    return false;
  }
  const lastSlash = value.lastIndexOf("/");
  const colon = value.indexOf(":", lastSlash + 1);
  const tag = colon >= 0 ? value.slice(colon + 1) : "";
  const ok =
    colon > 0 &&
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag) &&
    !FLOATING_TAGS.has(tag.toLowerCase()) &&
    (!opts.semver || /^v?\d+\.\d+\.\d+([-.+_][A-Za-z0-9_.-]+)?$/.test(tag));
  if (!ok) v.add(field, value, allowed);
  return ok;
}

/** An IPv4/IPv6 address or CIDR block whose prefix length fits the address family. */
export function isCidrOrIp(value: string): boolean {
  const slash = value.indexOf("/");
  const addr = slash >= 0 ? value.slice(0, slash) : value;
  const family = isIP(addr);
  if (family === 0) return false;
  if (slash < 0) return true;
  const prefix = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function cidrList(v: Problems, field: string, value: unknown, opts: { requireCidr?: boolean } = {}): boolean {
  const rule = opts.requireCidr ? "must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32" : "must be an IP address or CIDR block such as 10.0.0.0/8";
  return listOf(v, field, value, "must be a list of IP addresses or CIDR blocks", (f, item) => {
    if (typeof item === "string" && isCidrOrIp(item) && (!opts.requireCidr || item.includes("/"))) return true;
    v.add(f, item, rule);
    return false;
  });
}

/** True for a CIDR whose prefix length is 0 (every address of its family: 0.0.0.0/0, 10.0.0.0/0, ::0/0, ...). */
export function coversEveryAddress(value: string): boolean {
  if (!isCidrOrIp(value)) return false;
  const slash = value.indexOf("/");
  return slash >= 0 && Number(value.slice(slash + 1)) === 0;
}

/** The message refusing a source range that covers every address; `what` names what it would open. */
export function everyAddressRule(what: string): string {
  return `opens ${what} to every address: list the networks that need it`;
}

/** A list of source CIDRs that must not open a port to every address; `what` names the port for the message. */
export function noEveryAddress(v: Problems, field: string, value: unknown, what: string): boolean {
  if (!Array.isArray(value) || isToken(value)) return true;
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === "string" && !isToken(item) && coversEveryAddress(item)) {
      v.add(`${field}[${i}]`, item, everyAddressRule(what));
      ok = false;
    }
  }
  return ok;
}

/**
 * Refuses a Terraform reference where the value must be known at synth (it names objects, or decides what is
 * created); `why` says what it decides. Returns whether the value is not a reference.
 */
export function literal(v: Problems, field: string, value: unknown, why: string): boolean {
  if (!isToken(value)) return true;
  v.add(field, value, `must be a literal value, not a Terraform reference: ${why}`);
  return false;
}

/** Something that records its own problems under a field: the enum-like option classes (Scaling, Vip, ...). */
export interface SelfValidating {
  validate(v: Problems, field: string): boolean;
}

/**
 * A prop whose value must be made by the static factories of an enum-like class (the class of `fallback`): absent
 * gives `fallback`; anything else is refused naming `factories`; an instance validates itself under `field`. Returns
 * the value to render (`fallback` when it was refused, so that other checks go on).
 */
export function factoryMadeProp<T extends SelfValidating>(v: Problems, field: string, value: unknown, fallback: T, factories: string): T {
  if (value === undefined) return fallback;
  if (!(value instanceof fallback.constructor)) {
    v.add(field, value, `must be made with ${factories}`);
    return fallback;
  }
  (value as T).validate(v, field);
  return value as T;
}

/** A plain object (not null, not an array): what every props bag and nested option must be. */
export function plainObject(v: Problems, field: string, value: unknown, what = "must be an object"): boolean {
  if (value === undefined) return true;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add(field, value, what);
    return false;
  }
  return true;
}

const SECRET_NAME = /(^|[_-])(PASS|PASSWD|PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|SESSION_CONF)$/i;

/** Whether a setting's name says it holds a secret (DB_PASSWORD, OPENAI_API_KEY, client_secret, ...). */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Refuses literal values under secret-looking names in a map that lands in the Terraform JSON as plain text
 * (environment variables, plugin configs). Terraform references (variables, random_password) are fine.
 */
export function noLiteralSecrets(v: Problems, field: string, map: unknown, hint: string): boolean {
  if (map === null || typeof map !== "object") return true;
  let ok = true;
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    if (looksSecret(key) && typeof value === "string" && value !== "" && !isToken(value) && !value.startsWith("${")) {
      v.add(`${field}.${key}`, "<redacted>", `looks like a secret and would be stored in plain text in the Terraform JSON: ${hint}`);
      ok = false;
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      ok = noLiteralSecrets(v, `${field}.${key}`, value, hint) && ok;
    }
  }
  return ok;
}
