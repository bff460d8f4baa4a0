import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { bool, integerIn, isToken, required } from "../core/checks";
import { Problems } from "../core/errors";
import { CaCertificate, caCertificateProp } from "../kubernetes/ca-certificate";
import { labelSelector } from "../kubernetes/labels";
import { dns1123Label } from "../kubernetes/names";
import { SecretKeyRef, secretKeyRef } from "../kubernetes/secret-ref";

/** Where Kong finds the password of its database user: a key of a Kubernetes Secret (`name`, `key`). */
export type KongDatabasePasswordSecret = SecretKeyRef;

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
  /** Kong verifies the server certificate (`KONG_PG_SSL_VERIFY`): against `caCertificate` and the system roots. */
  readonly sslVerify: boolean;
  /**
   * The CA that signed the server's certificate (a private CA, a managed database's CA bundle): Kong's pods and its
   * migration Jobs mount it and trust it besides the system roots. Only with `sslVerify`.
   */
  readonly caCertificate?: CaCertificate;
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
  /** @default false: the certificate is not verified (set true with `caCertificate`, or when the server's CA is in the system trust store) */
  readonly sslVerify?: boolean;
  /**
   * The CA that signed the server's certificate, from a Secret or ConfigMap in Kong's namespace
   * (`CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")`): mounted into Kong's pods and migration Jobs and
   * trusted besides the system roots. Requires `sslVerify: true`.
   * @default none: only the system roots are trusted
   */
  readonly caCertificate?: CaCertificate;
  /** Namespace of the Secret. @default not checked */
  readonly namespace?: string;
  /** Labels of in-cluster PostgreSQL pods, to restrict who reaches them. @default none (external server) */
  readonly podSelectorLabels?: Record<string, string>;
  /** Resources that must exist before Kong's migrations run. @default none */
  readonly dependables?: ITerraformDependable[];
}

/** PostgreSQL identifiers Kong uses unquoted: lowercase letters, digits and '_', at most 63 bytes. */
const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Whether a value carries what a client needs to connect to a Kong database: host, port, database name, user and
 * the password Secret's name and key (Kong's pods, its migrations and the backups all read these).
 */
export function hasConnectionShape(d: Partial<IKongDatabase>): boolean {
  return (
    typeof d.host === "string" &&
    typeof d.port === "number" &&
    typeof d.databaseName === "string" &&
    typeof d.user === "string" &&
    typeof d.passwordSecret?.name === "string" &&
    typeof d.passwordSecret?.key === "string"
  );
}

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

class ImportedKongDatabase extends Construct implements IKongDatabase {
  public readonly host: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly user: string;
  public readonly passwordSecret: KongDatabasePasswordSecret;
  public readonly ssl: boolean;
  public readonly sslVerify: boolean;
  public readonly caCertificate?: CaCertificate;
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
    secretKeyRef(v, "passwordSecret", a.passwordSecret, "the password");
    bool(v, "ssl", a.ssl);
    bool(v, "sslVerify", a.sslVerify);
    if (a.sslVerify === true && a.ssl === false) v.add("sslVerify", a.sslVerify, "requires ssl: true (a certificate can only be verified over TLS)");
    if (caCertificateProp(v, "caCertificate", a.caCertificate) && a.caCertificate !== undefined && a.sslVerify !== true) {
      v.add(
        "caCertificate",
        a.caCertificate.describe(),
        "needs sslVerify: true: without verification Kong never checks the server's certificate, so the CA would protect nothing. Set sslVerify: true (and ssl: true)",
      );
    }
    dns1123Label(v, "namespace", a.namespace);
    labelSelector(v, "podSelectorLabels", a.podSelectorLabels);
    dependableList(v, "dependables", a.dependables);
    v.throwIfAny();

    this.host = a.host as string;
    this.port = a.port ?? 5432;
    this.databaseName = a.databaseName ?? "kong";
    this.user = a.user ?? "kong";
    this.passwordSecret = { name: a.passwordSecret!.name, key: a.passwordSecret!.key };
    this.ssl = a.ssl ?? true;
    this.sslVerify = a.sslVerify ?? false;
    this.caCertificate = a.caCertificate;
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
