import { Problems } from "../core/errors";
import { isStringToken, isToken } from "../core/tokens";
import { dns1123Subdomain } from "./names";

/** A Secret or ConfigMap data key: letters, digits, '-', '_' and '.'. */
const DATA_KEY = /^[-._a-zA-Z0-9]{1,253}$/;
/** The file name every CA certificate gets in its mount, whatever its key: paths in Kong's settings stay fixed. */
export const CA_FILE = "ca.crt";

/**
 * A CA certificate (PEM, one or more certificates) held by a key of a Secret or a ConfigMap in the pod's namespace:
 * `CaCertificate.fromSecret("kong-db-ca")` (the `ca.crt` cert-manager writes next to a certificate),
 * `CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")` (a bundle published by your cloud, or by trust-manager).
 * It is mounted as a directory (never with `subPath`), so an update of the object reaches the file; a process that
 * reads the file only at start still needs a restart to see it.
 */
export class CaCertificate {
  /** The key `key` (default `ca.crt`) of the Secret `name`. */
  public static fromSecret(name: string, key: string = CA_FILE): CaCertificate {
    return new CaCertificate("Secret", name, key);
  }

  /** The key `key` (default `ca.crt`) of the ConfigMap `name`: a CA certificate is public, a ConfigMap is enough. */
  public static fromConfigMap(name: string, key: string = CA_FILE): CaCertificate {
    return new CaCertificate("ConfigMap", name, key);
  }

  private constructor(
    /** The kind of object that holds the certificate. */
    public readonly kind: "Secret" | "ConfigMap",
    /** Name of the Secret or ConfigMap (in the pod's namespace). */
    public readonly name: string,
    /** Key of the PEM data in it. */
    public readonly key: string,
  ) {}

  /** How messages and docs name it, e.g. `Secret "kong-db-ca" key "ca.crt"`. */
  public describe(): string {
    return `${this.kind} ${JSON.stringify(this.name)} key ${JSON.stringify(this.key)}`;
  }

  /** Records the problems of the name and key under `field` (e.g. `caCertificate.name`); returns whether there was none. */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    if (typeof this.name !== "string" || this.name === "") v.add(`${field}.name`, this.name, `is required: the name of the ${this.kind} holding the CA certificate`);
    else dns1123Subdomain(v, `${field}.name`, this.name);
    // a string reference is checked by Kubernetes at apply; a list or map one is no key
    if (!isStringToken(this.key) && (typeof this.key !== "string" || isToken(this.key) || !DATA_KEY.test(this.key))) {
      v.add(`${field}.key`, this.key, `must be a ${this.kind} key: 1 to 253 letters, digits, '-', '_' or '.'`);
    }
    return v.count === before;
  }

  /** The pod volume `volumeName` that holds the certificate as `ca.crt`, read-only. */
  public volume(volumeName: string): CaVolume {
    const items = [{ key: this.key, path: CA_FILE }];
    return this.kind === "Secret"
      ? { name: volumeName, secret: { secretName: this.name, items } }
      : { name: volumeName, configMap: { name: this.name, items } };
  }
}

/** A pod volume holding one CA certificate file, from a Secret or a ConfigMap. */
export interface CaVolume {
  readonly name: string;
  readonly secret?: { readonly secretName: string; readonly items: { key: string; path: string }[] };
  readonly configMap?: { readonly name: string; readonly items: { key: string; path: string }[] };
}

/** Whether `value` was made by a `CaCertificate` factory; records a problem under `field` otherwise. */
export function caCertificateProp(v: Problems, field: string, value: unknown): value is CaCertificate | undefined {
  if (value === undefined) return true;
  if (!(value instanceof CaCertificate)) {
    v.add(field, value, 'must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?), e.g. CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")');
    return false;
  }
  return value.validate(v, field);
}
