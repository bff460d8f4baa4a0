import { Token } from "cdktf";
import { plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { isStringToken } from "../core/tokens";
import { isQualifiedName, qualifiedNameRule } from "./names";

const ANNOTATION_KEY_RULE = qualifiedNameRule("an annotation name");

/**
 * Annotations of an object (a cloud load balancer's settings, a reviewer's note): a map of qualified names to strings,
 * or a Terraform map token (passed through, checked at apply time). Problems are reported as `<field> key` and
 * `<field>["key"]`.
 */
export function annotationMap(v: Problems, field: string, value: unknown): boolean {
  if (!plainObject(v, field, value, "must be a map of annotation names to string values")) return false;
  if (value === undefined || Token.isUnresolved(value)) return true;
  let ok = true;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!isQualifiedName(key) && !isStringToken(key)) {
      v.add(`${field} key`, key, ANNOTATION_KEY_RULE);
      ok = false;
    }
    if (typeof item !== "string") {
      v.add(`${field}[${JSON.stringify(key)}]`, item, "must be a string: annotation values are text (quote numbers and booleans)");
      ok = false;
    }
  }
  return ok;
}
