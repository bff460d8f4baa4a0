import { plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";
import { KnownKeys, strictKeys } from "../../core/keys";

/**
 * A props field that must be an options object: returns it, or {} after recording the problem (so checks go on).
 * With `known`, its unknown keys are recorded too.
 */
export function objectOrEmpty<T extends object>(v: Problems, field: string, value: T | undefined | false, what: string, known?: KnownKeys<T>): T {
  if (value === undefined) return {} as T;
  if (!plainObject(v, field, value, what)) return {} as T;
  if (known !== undefined) strictKeys(v, field, value, known);
  return value as T;
}
