import { Token } from "cdktf";

/**
 * Whether a value is an unresolved Terraform token (a variable, a resource attribute): known only at apply time, so
 * checks skip it. Its own module so that every checker (core and kubernetes) can use it without importing the other.
 */
export function isToken(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number" || Array.isArray(value)) && Token.isUnresolved(value);
}
