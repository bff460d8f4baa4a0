import { plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";

/** A props field that must be an object: returns it, or {} after recording the problem (so checks go on). */
export function objectOrEmpty<T extends object>(v: Problems, field: string, value: T | undefined | false, what: string): T {
  if (value === undefined) return {} as T;
  return plainObject(v, field, value, what) ? (value as T) : ({} as T);
}
