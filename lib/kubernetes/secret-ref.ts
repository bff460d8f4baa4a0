import { required } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { isStringToken } from "../core/tokens";
import { dns1123Subdomain } from "./names";

/** One key of a Kubernetes Secret, read by a container as `value_from.secret_key_ref`. */
export interface SecretKeyRef {
  /** Name of the Secret (in the namespace of the pod that reads it). */
  readonly name: string;
  /** Key inside the Secret. */
  readonly key: string;
}

const SECRET_REF_KEYS = knownKeys<SecretKeyRef>()(["name", "key"]);

const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/**
 * A Secret key reference `{ name, key }` of a Secret in the pod's namespace (a pod can read no other); `holding` names
 * what the key holds, for the messages (e.g. `the password`).
 */
export function secretKeyRef(v: Problems, field: string, value: unknown, holding: string): value is SecretKeyRef {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add(field, value, `is required: { name, key } of a Secret in the same namespace holding ${holding}`);
    return false;
  }
  const ref = value as Partial<SecretKeyRef>;
  let ok = strictKeys(v, field, value, SECRET_REF_KEYS);
  if (!required(v, `${field}.name`, ref.name, "is required: the name of the Secret")) ok = false;
  else ok = dns1123Subdomain(v, `${field}.name`, ref.name) && ok;
  if (!required(v, `${field}.key`, ref.key, `is required: the key of ${holding} in the Secret`)) ok = false;
  else if (!isStringToken(ref.key) && (typeof ref.key !== "string" || !SECRET_KEY.test(ref.key))) {
    v.add(`${field}.key`, ref.key, "must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'");
    ok = false;
  }
  return ok;
}
