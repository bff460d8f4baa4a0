import { ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { bool, dns1123Label, integerIn, isToken, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";

/** Where Kong finds the password of its database user: a key of a Kubernetes Secret. */
export interface KongDatabasePasswordSecret {
  /** Name of the Secret. */
  readonly name: string;
  /** Key inside the Secret whose value is the password. */
  readonly key: string;
}

/**
 * A PostgreSQL database that a KongCluster runs on. Implemented by `InClusterPostgres` (a StatefulSet next to Kong),
 * `ExistingPostgres` (a managed server, where Terraform creates the `kong` role and database) and
 * `KongDatabase.fromAttributes` (a database and Secret created elsewhere).
 */
export interface IKongDatabase {
  /** DNS name or IP address Kong connects to (`KONG_PG_HOST`). */
  readonly host: string;
  /** TCP port (`KONG_PG_PORT`). */
  readonly port: number;
  /** Database name (`KONG_PG_DATABASE`). */
  readonly databaseName: string;
  /** Login role (`KONG_PG_USER`). */
  readonly user: string;
  /** Kubernetes Secret (in the Kong namespace) holding the password of `user`. */
  readonly passwordSecret: KongDatabasePasswordSecret;
  /** Kong connects with TLS (`KONG_PG_SSL`). */
  readonly ssl: boolean;
  /** Kong verifies the server certificate against the system trust store (`KONG_PG_SSL_VERIFY`). */
  readonly sslVerify: boolean;
  /**
   * Namespace of the password Secret (and of the PostgreSQL pods, for an in-cluster database). When set, KongCluster
   * checks it equals its own namespace: a pod can only read Secrets of its own namespace.
   */
  readonly namespace?: string;
  /** Labels of the in-cluster PostgreSQL pods (undefined for an external server): NetworkPolicy target. */
  readonly podSelectorLabels?: Record<string, string>;
  /** Resources Kong's migrations must wait for (database, role, secret, statefulset). */
  readonly dependables: ITerraformDependable[];
}

/** Attributes of a PostgreSQL database for Kong that was created outside this construct tree. */
export interface KongDatabaseAttributes {
  /** DNS name or IP address of the server. */
  readonly host: string;
  /** @default 5432 */
  readonly port?: number;
  /** @default "kong" */
  readonly databaseName?: string;
  /** @default "kong" */
  readonly user?: string;
  /** Existing Secret in the Kong namespace holding the password of `user`. */
  readonly passwordSecret: KongDatabasePasswordSecret;
  /** @default true: Kong connects with TLS */
  readonly ssl?: boolean;
  /** @default false: the certificate is not verified (set true when the server's CA is in the system trust store) */
  readonly sslVerify?: boolean;
  /** Namespace of the Secret. @default not checked */
  readonly namespace?: string;
  /** Labels of in-cluster PostgreSQL pods, to restrict who reaches them. @default none (external server) */
  readonly podSelectorLabels?: Record<string, string>;
  /** Resources that must exist before Kong's migrations run. @default none */
  readonly dependables?: ITerraformDependable[];
}

/** PostgreSQL identifiers Kong uses unquoted: lowercase letters, digits and '_', at most 63 bytes. */
const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function pgIdentifier(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isToken(value)) return true;
  if (typeof value !== "string" || !PG_IDENTIFIER.test(value)) {
    v.add(field, value, "must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit");
    return false;
  }
  return true;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;

/** A host name or IP address, without scheme or port. */
export function hostName(v: Problems, field: string, value: unknown): boolean {
  if (!required(v, field, value, "is required: the DNS name or IP address of the PostgreSQL server")) return false;
  if (isToken(value)) return true;
  if (typeof value !== "string" || !(HOSTNAME.test(value) || (value.includes(":") && IPV6.test(value)))) {
    v.add(field, value, "must be a DNS name or IP address without scheme or port, e.g. kong-db.example.internal");
    return false;
  }
  return true;
}

/**
 * A Kubernetes Secret reference `{ name, key }`; `holding` names what the key holds, for the messages.
 */
export function secretRef(v: Problems, field: string, value: unknown, holding = "the password"): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add(field, value, `is required: { name, key } of a Secret in the Kong namespace holding ${holding}`);
    return false;
  }
  const ref = value as Partial<KongDatabasePasswordSecret>;
  let ok = true;
  if (!required(v, `${field}.name`, ref.name, "is required: the name of the Secret")) ok = false;
  else ok = dns1123Subdomain(v, `${field}.name`, ref.name) && ok;
  if (!required(v, `${field}.key`, ref.key, `is required: the key of ${holding} in the Secret`)) ok = false;
  else if (!isToken(ref.key) && (typeof ref.key !== "string" || !/^[-._a-zA-Z0-9]{1,253}$/.test(ref.key))) {
    v.add(`${field}.key`, ref.key, "must consist of letters, digits, '-', '_' or '.'");
    ok = false;
  }
  return ok;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * A Kubernetes label or annotation key: an optional DNS-subdomain prefix (at most 253 characters) and `/`, then a
 * name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}

/** A Kubernetes label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric. */
export function isLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && QUALIFIED_NAME_PART.test(value));
}

export const LABEL_KEY_RULE =
  "must be a label name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const LABEL_VALUE_RULE = "must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

/**
 * The keys and values of a label map (already known to be an object): each key a qualified name, each value a label
 * value (or a Terraform token, checked at apply time). Problems are reported as `<field> key` and `<field>["key"]`.
 */
export function labelEntries(v: Problems, field: string, map: object): boolean {
  let ok = true;
  for (const [key, value] of Object.entries(map)) {
    if (!isQualifiedName(key)) {
      v.add(`${field} key`, key, LABEL_KEY_RULE);
      ok = false;
    }
    if (isToken(value)) continue;
    if (typeof value !== "string" || !isLabelValue(value)) {
      v.add(`${field}[${JSON.stringify(key)}]`, value, LABEL_VALUE_RULE);
      ok = false;
    }
  }
  return ok;
}

/** A map of Kubernetes labels (e.g. pod selector labels): a literal, non-empty object of valid keys and values. */
export function labelMap(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (!plainObject(v, field, value, "must be a map of label names to values, e.g. { app: \"postgres\" }")) return false;
  if (Token.isUnresolved(value)) {
    v.add(field, "<token>", "must be a literal map: labels select pods and must be known when the plan is made");
    return false;
  }
  if (Object.keys(value as object).length === 0) {
    v.add(field, value, "must name at least one label: an empty selector matches every pod. Omit it for a server outside the cluster");
    return false;
  }
  return labelEntries(v, field, value as object);
}

/** `dependables`: a list of Terraform resources, data sources or modules. */
export function dependableList(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of Terraform resources, data sources or modules (ITerraformDependable[])");
    return false;
  }
  let ok = true;
  value.forEach((item, i) => {
    // `in`, not a read: reading `fqn` would freeze the element's logical id.
    if (item === null || typeof item !== "object" || !("fqn" in item)) {
      v.add(`${field}[${i}]`, item, "must be a Terraform resource, data source or module (ITerraformDependable)");
      ok = false;
    }
  });
  return ok;
}

/** A Kubernetes object name (DNS-1123 subdomain). */
export function dns1123Subdomain(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isToken(value)) return true;
  if (typeof value !== "string" || value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    v.add(field, value, "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit");
    return false;
  }
  return true;
}

class ImportedKongDatabase extends Construct implements IKongDatabase {
  public readonly host: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly user: string;
  public readonly passwordSecret: KongDatabasePasswordSecret;
  public readonly ssl: boolean;
  public readonly sslVerify: boolean;
  public readonly namespace?: string;
  public readonly podSelectorLabels?: Record<string, string>;
  public readonly dependables: ITerraformDependable[];

  constructor(scope: Construct, id: string, attrs: KongDatabaseAttributes) {
    super(scope, id);
    const a = (attrs ?? {}) as Partial<KongDatabaseAttributes>;
    const v = new Problems(this);
    hostName(v, "host", a.host);
    integerIn(v, "port", a.port, 1, 65535);
    pgIdentifier(v, "databaseName", a.databaseName);
    pgIdentifier(v, "user", a.user);
    secretRef(v, "passwordSecret", a.passwordSecret);
    bool(v, "ssl", a.ssl);
    bool(v, "sslVerify", a.sslVerify);
    if (a.sslVerify === true && a.ssl === false) v.add("sslVerify", a.sslVerify, "requires ssl: true (a certificate can only be verified over TLS)");
    dns1123Label(v, "namespace", a.namespace);
    labelMap(v, "podSelectorLabels", a.podSelectorLabels);
    dependableList(v, "dependables", a.dependables);
    v.throwIfAny();

    this.host = a.host as string;
    this.port = a.port ?? 5432;
    this.databaseName = a.databaseName ?? "kong";
    this.user = a.user ?? "kong";
    this.passwordSecret = { name: a.passwordSecret!.name, key: a.passwordSecret!.key };
    this.ssl = a.ssl ?? true;
    this.sslVerify = a.sslVerify ?? false;
    this.namespace = a.namespace;
    this.podSelectorLabels = a.podSelectorLabels === undefined ? undefined : { ...a.podSelectorLabels };
    this.dependables = [...(a.dependables ?? [])];
  }
}

/** Factories for `IKongDatabase`. */
export class KongDatabase {
  /**
   * A database created elsewhere (by hand, another stack, an operator): Kong connects with these attributes and reads
   * the password from an existing Secret. Nothing is created.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: KongDatabaseAttributes): IKongDatabase {
    return new ImportedKongDatabase(scope, id, attrs);
  }

  private constructor() {}
}
