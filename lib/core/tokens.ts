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
