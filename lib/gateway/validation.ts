import { isIP } from "node:net";
import { Problems } from "../core/errors";
import { eachElement, listOf, noUnsetValue } from "../core/checks";
import { isListToken, isNumberToken, isStringToken } from "../core/tokens";

/**
 * Checks of the value types Kong's own schemas define (Kong/kong 3.9.1, `kong/db/schema/typedefs.lua`,
 * `kong/tools/ip.lua`, `kong/tools/http.lua`). Like the checks in lib/core, each returns true for an acceptable
 * value, an unresolved token or `undefined`, and otherwise records one problem.
 */

/** `typedefs.utf8_name` (services, routes): ASCII letters, digits, `.`, `-`, `_`, `~`, or any non-ASCII character. */
const UTF8_NAME = /^[A-Za-z0-9._~\u0080-\uFFFF-]+$/u;
export function kongName(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !UTF8_NAME.test(value)) {
    v.add(field, value, "must be a Kong name: ASCII letters, digits, '.', '-', '_' and '~' (non-ASCII UTF-8 is also allowed)");
    return false;
  }
  return true;
}

/** `typedefs.header_name` (`kong/tools/http.lua` validate_header_name). */
const HEADER_NAME = /^[a-zA-Z0-9_-]+$/;
export function isHeaderName(value: unknown): boolean {
  return typeof value === "string" && HEADER_NAME.test(value);
}
export function headerName(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!isHeaderName(value)) {
    v.add(field, value, "must be an HTTP header name made of A-Z, a-z, 0-9, '-' and '_'");
    return false;
  }
  return true;
}

/** A list of header names (each checked), e.g. key-auth's key_names. */
export function headerNameList(v: Problems, field: string, value: unknown, allowEmpty = true): boolean {
  if (value === undefined || isListToken(value)) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of HTTP header names");
    return false;
  }
  if (!allowEmpty && value.length === 0) {
    v.add(field, value, "must not be empty");
    return false;
  }
  return eachElement(v, field, value, (f, h) => headerName(v, f, h));
}

/** RFC 2616 token (`typedefs.cookie_name`). */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export function cookieName(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !HTTP_TOKEN.test(value)) {
    v.add(field, value, "must be a cookie name (an RFC 2616 token: no spaces, separators or control characters)");
    return false;
  }
  return true;
}

interface ParsedHost {
  readonly type: "name" | "ipv4" | "ipv6";
  readonly host: string;
  readonly port?: number;
}

/**
 * `kong/tools/ip.lua` normalize_ip: a hostname, IPv4 or IPv6 address (IPv6 in brackets when it carries a port),
 * with an optional port. Returns undefined when Kong would reject the text.
 */
export function parseHost(text: string): ParsedHost | undefined {
  const colons = (text.match(/:/g) ?? []).length;
  if (colons > 1) {
    // IPv6, optionally "[addr]:port" or "[addr]"
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
    const addr = m ? m[1] : text;
    if (isIP(addr) !== 6) return undefined;
    const port = m?.[2] !== undefined ? Number(m[2]) : undefined;
    if (port !== undefined && port > 65535) return undefined;
    return { type: "ipv6", host: addr, port };
  }
  let name = text;
  let port: number | undefined;
  const pm = /:(\d+)$/.exec(text);
  if (pm) {
    port = Number(pm[1]);
    name = text.slice(0, -(pm[1].length + 1));
    if (port > 65535) return undefined;
  } else if (colons === 1) {
    return undefined;
  }
  if (/^[\d.]+$/.test(name)) {
    return isIP(name) === 4 ? { type: "ipv4", host: name, port } : undefined;
  }
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return undefined;
  const segments = name.split(".");
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.endsWith("-") || (s === "" && i !== segments.length - 1)) return undefined;
  }
  return { type: "name", host: name, port };
}

/** `typedefs.host`: a hostname or IP address without a port (service host, redis host). */
export function host(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!noUnsetValue(v, field, value)) return false;
  const p = typeof value === "string" ? parseHost(value) : undefined;
  if (!p) {
    v.add(field, value, "must be a hostname or IP address");
    return false;
  }
  if (p.port !== undefined) {
    v.add(field, value, "must not have a port: set the port separately");
    return false;
  }
  return true;
}

/** `typedefs.sni`: a name (not an IP address) without a port. */
export function sni(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  const p = typeof value === "string" ? parseHost(value) : undefined;
  if (!p || p.type !== "name" || p.port !== undefined) {
    v.add(field, value, "must be a server name: a hostname without port, not an IP address");
    return false;
  }
  return true;
}

/** RFC 3986 characters accepted in a path by `typedefs.path`. */
const PATH_CHARS = /^\/[A-Za-z0-9._~/%:@!$&'()*+,;=-]*$/;

/** `typedefs.path`: starts with "/", no empty segment, RFC 3986 characters, valid percent-encoding. */
export function path(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!noUnsetValue(v, field, value)) return false;
  if (typeof value !== "string" || !value.startsWith("/")) {
    v.add(field, value, 'must be a path starting with "/"');
    return false;
  }
  if (value.includes("//")) {
    v.add(field, value, 'must not have empty segments ("//")');
    return false;
  }
  if (!PATH_CHARS.test(value)) {
    v.add(field, value, "must only contain the characters RFC 3986 allows in a path (percent-encode the others)");
    return false;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) {
    v.add(field, value, "has an invalid percent-encoding: '%' must be followed by two hex digits");
    return false;
  }
  return true;
}

/**
 * Whether a regex compiles. Kong uses PCRE; JavaScript's engine is used as an approximation, after translating
 * the two PCRE spellings common in Kong routes that JavaScript lacks: leading inline flags `(?i)` and named groups
 * `(?P<name>...)`. A pattern valid in PCRE but not in JavaScript (possessive quantifiers, for example) is rejected.
 */
export function compiles(pattern: string): boolean {
  const translated = pattern.replace(/^\(\?[imsx]+\)/, "").replace(/\(\?P</g, "(?<");
  try {
    new RegExp(translated, "u");
    return true;
  } catch {
    try {
      new RegExp(translated);
      return true;
    } catch {
      return false;
    }
  }
}

/** A list of regexes (bot-detection allow/deny). */
export function regexList(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isListToken(value)) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of regular expressions");
    return false;
  }
  return eachElement(v, field, value, (f, item) => {
    if (typeof item === "string" && item.length > 0 && compiles(item)) return true;
    v.add(f, item, "must be a valid regular expression");
    return false;
  });
}

/** Decoded unreserved characters (RFC 3986 section 2.3): Kong's normalizer decodes these, so they must not be encoded. */
function decodesToUnreserved(hex: string): boolean {
  const c = String.fromCharCode(parseInt(hex, 16));
  return /[A-Za-z0-9._~-]/.test(c);
}

/**
 * `typedefs.router_path`: "/prefix" or "~/regex"; no "//"; a prefix path must be in normalized form (no "." or ".."
 * segment, no percent-encoded unreserved character); a regex path must compile.
 */
export function routerPath(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!noUnsetValue(v, field, value)) return false;
  if (typeof value !== "string" || !(value.startsWith("/") || value.startsWith("~/"))) {
    v.add(field, value, 'must start with "/" (prefix path) or "~/" (regex path)');
    return false;
  }
  if (value.includes("//")) {
    v.add(field, value, 'must not have empty segments ("//")');
    return false;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) {
    v.add(field, value, "has an invalid percent-encoding: '%' must be followed by two hex digits");
    return false;
  }
  if (value.startsWith("~")) {
    if (!compiles(value.slice(1))) {
      v.add(field, value, "is not a valid regular expression after '~'");
      return false;
    }
    return true;
  }
  if (!PATH_CHARS.test(value)) {
    v.add(field, value, "must only contain the characters RFC 3986 allows in a path (percent-encode the others)");
    return false;
  }
  const segments = value.split("/");
  if (segments.some((s) => s === "." || s === "..")) {
    v.add(field, value, 'is not normalized: remove "." and ".." segments');
    return false;
  }
  const encoded = value.match(/%[0-9A-Fa-f]{2}/g) ?? [];
  if (encoded.some((e) => decodesToUnreserved(e.slice(1)))) {
    v.add(field, value, "is not normalized: write letters, digits and '-._~' unencoded");
    return false;
  }
  return true;
}

/**
 * `typedefs.hosts` element: a host with optional port and at most one "*" wildcard, which must be the leftmost or
 * rightmost label ("*.example.com", "example.*").
 */
export function routeHost(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (!noUnsetValue(v, field, value)) return false;
  if (typeof value !== "string") {
    v.add(field, value, "must be a hostname (optionally with a port and one leading or trailing '*' label)");
    return false;
  }
  const stars = (value.match(/\*/g) ?? []).length;
  if (stars > 1) {
    v.add(field, value, "must have at most one '*' wildcard");
    return false;
  }
  if (stars === 1 && !(value.startsWith("*.") || /\.\*(:\d+)?$/.test(value))) {
    v.add(field, value, "must place the '*' wildcard as the whole leftmost or rightmost label");
    return false;
  }
  if (!parseHost(value.replace("*", "abc"))) {
    v.add(field, value, "must be a hostname (optionally with a port and one leading or trailing '*' label)");
    return false;
  }
  return true;
}

/** Upstream name (`entities/upstreams.lua` validate_name): a hostname; no IP address, no port. */
export function upstreamName(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  const p = typeof value === "string" ? parseHost(value) : undefined;
  if (!p || p.type !== "name" || p.port !== undefined) {
    v.add(field, value, "must be a hostname without port (not an IP address), e.g. face-detection.upstream");
    return false;
  }
  return true;
}

/** Target address (`entities/targets.lua`): hostname or IP with optional port. Returns the parsed form. */
export function targetAddress(v: Problems, field: string, value: unknown): ParsedHost | undefined {
  if (value === undefined || isStringToken(value)) return undefined;
  const p = typeof value === "string" ? parseHost(value) : undefined;
  if (!p) v.add(field, value, "must be a hostname or IP address with an optional port, e.g. 10.0.0.7:8080 or [::1]:8080");
  return p;
}

/** A number (not necessarily an integer) in [min, max], Kong's `type = "number", between = {...}`. */
export function numberBetween(v: Problems, field: string, value: unknown, min: number, max: number): boolean {
  if (value === undefined || isNumberToken(value)) return true;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    v.add(field, value, `must be a number between ${min} and ${max}`);
    return false;
  }
  return true;
}

/** `typedefs.host_with_optional_port` (an upstream's host_header): a hostname or IP address, optionally with a port. */
export function hostWithOptionalPort(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !parseHost(value)) {
    v.add(field, value, "must be a hostname or IP address with an optional port, e.g. face.example.com or face.example.com:8443");
    return false;
  }
  return true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `typedefs.uuid` / a foreign key (certificate ids): a UUID, or a reference such as `certificate.id`. */
export function uuid(v: Problems, field: string, value: unknown, what: string): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !UUID.test(value)) {
    v.add(field, value, `must be the id of ${what}: a UUID, or a Terraform reference to one`);
    return false;
  }
  return true;
}

/** A list of ids (`uuid` each). */
export function uuidList(v: Problems, field: string, value: unknown, what: string): boolean {
  if (value === undefined || isListToken(value)) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, `must be a list of ids, each of ${what}`);
    return false;
  }
  return eachElement(v, field, value, (f, item) => uuid(v, f, item, what));
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Kubernetes object name (Secret, ConfigMap): a DNS-1123 subdomain of at most 253 characters. */
export function dns1123Subdomain(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    v.add(
      field,
      value,
      "must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit",
    );
    return false;
  }
  return true;
}

/**
 * `typedefs.tag` (Kong 3.9.1 `kong/db/schema/typedefs.lua` validate_tag): a non-empty string of printable ASCII
 * (space included) except ',' and '/', or well-formed UTF-8. Kong uses ',' and '/' to combine tags in its
 * `?tags=a,b` / `a/b` filters, so a tag holding one could never be selected.
 */
const TAG = /^[ !-+\-.0-~\u0080-\u{10FFFF}]+$/u;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function isKongTag(value: unknown): boolean {
  return typeof value === "string" && TAG.test(value) && !LONE_SURROGATE.test(value);
}

/** `typedefs.tags`: a list of tags (each may be a Terraform reference, the whole list too). */
export function kongTags(v: Problems, field: string, value: unknown): boolean {
  return listOf(v, field, value, "must be a list of Kong tags", (f, item) => {
    if (isKongTag(item)) return true;
    v.add(f, item, "must be a Kong tag: printable ASCII (spaces included) except ',' and '/', or UTF-8 characters; not empty");
    return false;
  });
}

/** Tags as rendered: Kong stores them as a set, so duplicates are dropped here (no plan drift); tokens as given. */
export function renderedTags(value: readonly string[] | undefined): string[] | undefined {
  if (value === undefined || isListToken(value)) return value as string[] | undefined;
  return [...new Set(value)];
}
