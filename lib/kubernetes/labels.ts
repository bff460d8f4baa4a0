import { Token } from "cdktf";
import { plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { isStringToken } from "../core/tokens";
import { isQualifiedName, qualifiedNameRule } from "./names";

/** Label maps and label selectors, as the API server checks them. */

const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Whether `value` is a label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric. */
export function isLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && LABEL_VALUE.test(value));
}

export const LABEL_KEY_RULE = qualifiedNameRule("a label name");
export const LABEL_VALUE_RULE =
  "must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

/**
 * The keys and values of a label map (already known to be an object): each key a qualified name, each value a label
 * value or a Terraform token (checked at apply time). Problems are reported as `<field> key` and `<field>["key"]`.
 */
export function labelEntries(v: Problems, field: string, map: object): boolean {
  let ok = true;
  for (const [key, value] of Object.entries(map)) {
    if (!isQualifiedName(key)) {
      v.add(`${field} key`, key, LABEL_KEY_RULE);
      ok = false;
    }
    if (isStringToken(value)) continue;
    if (typeof value !== "string" || !isLabelValue(value)) {
      v.add(`${field}[${JSON.stringify(key)}]`, value, LABEL_VALUE_RULE);
      ok = false;
    }
  }
  return ok;
}

/**
 * A label selector's `matchLabels` (which pods a NetworkPolicy admits, which pods a database runs as): a literal,
 * non-empty map of valid label names and values. Empty is refused because an empty selector matches every pod; a
 * Terraform map token is refused because the selector must be known when the plan is made.
 */
export function labelSelector(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (!plainObject(v, field, value, 'must be a map of label names to values, e.g. { app: "web" }')) return false;
  if (Token.isUnresolved(value)) {
    v.add(field, value, "must be a literal map: a selector must be known when the plan is made");
    return false;
  }
  if (Object.keys(value as object).length === 0) {
    v.add(field, value, "must name at least one label: an empty selector matches every pod");
    return false;
  }
  return labelEntries(v, field, value as object);
}
