import { plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";

/** A props field that must be an object: returns it, or {} after recording the problem (so checks go on). */
export function objectOrEmpty<T extends object>(v: Problems, field: string, value: T | undefined | false, what: string): T {
  if (value === undefined) return {} as T;
  return plainObject(v, field, value, what) ? (value as T) : ({} as T);
}

/** A map of strings to strings (labels, selectors, annotations). */
export function stringMap(v: Problems, field: string, value: unknown): void {
  if (value === undefined) return;
  if (!plainObject(v, field, value, "must be a map of strings to strings")) return;
  for (const [k, val] of Object.entries(value as Record<string, unknown>)) {
    if (typeof val !== "string") v.add(`${field}.${k}`, val, "must be a string");
  }
}
