import { Token } from "cdktf";

/**
 * Whether a value is an unresolved Terraform token (a variable, a resource attribute): known only at apply time, so
 * checks skip it. Every kind cdktf makes is recognised: a string (`${...}`), a number (`Token.asNumber`), a list (a
 * list variable's `listValue`, an array of one marker) and a map (`Token.asStringMap`, an object of one marker key).
 * Its own module so that every checker (core and kubernetes) can use it without importing the other.
 */
export function isToken(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number" || (value !== null && typeof value === "object")) && Token.isUnresolved(value);
}

/** A string reference (`variable.stringValue`, `resource.id`): what a string field may hold instead of text. */
export function isStringToken(value: unknown): boolean {
  return typeof value === "string" && Token.isUnresolved(value);
}

/** A number reference (`variable.numberValue`). */
export function isNumberToken(value: unknown): boolean {
  return typeof value === "number" && Token.isUnresolved(value);
}

/** A string or number reference: what a scalar field (or a list element) may hold. */
export function isScalarToken(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number") && Token.isUnresolved(value);
}

/** A list reference (a list variable's `listValue`): an array of one marker, whose length is unknown until apply. */
export function isListToken(value: unknown): boolean {
  return Array.isArray(value) && Token.isUnresolved(value);
}

/** A map reference (`Token.asStringMap(...)`): an object of one marker key. */
export function isMapToken(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Token.isUnresolved(value);
}
