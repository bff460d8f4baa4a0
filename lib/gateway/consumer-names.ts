import { shortHash } from "../core/naming";

// How the names a consumer publishes under derive from its username (or custom_id): readable ASCII where possible,
// with a short hash of the original whenever characters were lost, so two names never collapse into one and no part
// is ever empty.

/** The lowercase ASCII letters and digits of a name, runs of anything else replaced by `sep`, trimmed. */
function asciiPart(name: string, sep: "_" | "-"): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .split(sep)
    .filter((s) => s !== "")
    .join(sep);
}

/** Whether a derived name needs a short hash of the original: it lost non-ASCII characters, or nothing is left. */
function needsHash(name: string, ascii: string): boolean {
  return ascii === "" || /[^\x00-\x7f]/.test(name);
}

/**
 * @internal The name part of output names: "mobile-app" becomes "mobile_app", while "ユーザー" becomes a short hash and
 * "café" "caf_<hash>".
 */
export function outputBaseOf(name: string): string {
  const ascii = asciiPart(name, "_");
  if (!needsHash(name, ascii)) return ascii;
  return ascii === "" ? shortHash(name) : `${ascii}_${shortHash(name)}`;
}

/** @internal The default credentials Secret name: `kong-consumer-<name>`, at most 63 characters, hash kept when one is needed. */
export function defaultSecretName(base: string): string {
  const ascii = asciiPart(base, "-");
  const hash = needsHash(base, ascii) ? `-${shortHash(base)}` : "";
  const head = (ascii === "" ? "kong-consumer" : `kong-consumer-${ascii}`).slice(0, 63 - hash.length).replace(/-+$/, "");
  return `${head}${hash}`;
}

/** @internal A Secret data key in snake_case, for output names: `key-auth` -> `key_auth`. */
export function snake(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
