import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { Database } from "@cdktf/provider-postgresql/lib/database";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { Role } from "@cdktf/provider-postgresql/lib/role";
import type { Password } from "@cdktf/provider-random/lib/password";
import { ITerraformDependable, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { bool, integerIn, isToken, nonEmptyString, oneOf, required } from "../core/checks";
import { CaCertificate, caCertificateProp } from "../kubernetes/ca-certificate";
import { dns1123Label, dns1123Subdomain } from "../kubernetes/names";
import { Problems } from "../core/errors";
import { standardLabels } from "../core/labels";
import { shortHash } from "../core/naming";
import { hostName, IKongDatabase, KongDatabasePasswordSecret, pgIdentifier } from "./kong-database";
import { generateDatabasePassword } from "./database-password";

/**
 * How Terraform and Kong use TLS towards the server (libpq `sslmode` names).
 * - `disable`: no TLS.
 * - `require`: TLS, certificate not verified.
 * - `verify-ca` / `verify-full`: TLS, certificate verified: by Kong against `caCertificate` and the system roots (Kong
 *   has one switch for both modes, `pg_ssl_verify`); by Terraform against `caFile` (or the system roots), `verify-full`
 *   also checking that the certificate names `host`.
 */
export type PostgresSslMode = "disable" | "require" | "verify-ca" | "verify-full";
export const POSTGRES_SSL_MODES: readonly PostgresSslMode[] = ["disable", "require", "verify-ca", "verify-full"];

export interface ExistingPostgresProps {
  /** Namespace Kong runs in: the Secret with the `kong` role's password is created there. */
  readonly namespace: string;
  /** DNS name or IP address of the server, without scheme or port. */
  readonly host: string;
  /** @default 5432 */
  readonly port?: number;
  /** TLS towards the server, for Terraform and for Kong. @default "require" */
  readonly sslMode?: PostgresSslMode;
  /**
   * The CA that signed the server's certificate (a managed database's CA bundle, your private CA), from a Secret or
   * ConfigMap in `namespace`: `CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")`. Kong's pods and migration
   * Jobs mount it and trust it besides the system roots; Terraform's postgresql provider verifies with the same CA,
   * read from `caFile`. Requires sslMode "verify-ca" or "verify-full".
   * @default none: Kong and Terraform trust only their system roots
   */
  readonly caCertificate?: CaCertificate;
  /**
   * Path of the same CA as a PEM file on the machine that runs Terraform (the postgresql provider's `sslrootcert`
   * takes only a file). Only with `caCertificate`.
   * @default a Terraform variable `<construct id in snake_case>_ca_file` (set `TF_VAR_<id>_ca_file`)
   */
  readonly caFile?: string;
  /** Administrator Terraform connects as to create the role and the database. @default "postgres" */
  readonly adminUsername?: string;
  /**
   * Password of the administrator: a Terraform reference (a sensitive variable, a secret-manager data source), never a
   * literal string.
   * @default a sensitive Terraform variable `<construct id in snake_case>_admin_password`. Two ExistingPostgres of one
   * stack whose ids give the same variable name (`prod-db` and `prod_db`, or one id under two parents) are refused:
   * give one of them `adminPassword`.
   */
  readonly adminPassword?: string;
  /** Database the administrator connects to. @default "postgres" */
  readonly adminDatabase?: string;
  /** Whether the administrator is a PostgreSQL superuser (false on managed servers such as RDS or Cloud SQL). @default false */
  readonly adminIsSuperuser?: boolean;
  /** Database created for Kong, owned by `user`. @default "kong" */
  readonly databaseName?: string;
  /** Login role created for Kong, with a generated password. @default "kong" */
  readonly user?: string;
  /** Name of the Secret holding the role's password (key `password`). @default "kong-postgres-credentials" */
  readonly secretName?: string;
}

/**
 * Kong on an existing PostgreSQL server (a managed database): Terraform's `postgresql` provider, connected as an
 * administrator, creates the `kong` login role with a generated password and the `kong` database owned by it
 * (`prevent_destroy`), and a Kubernetes Secret in Kong's namespace holds the password. Kong connects with TLS unless
 * `sslMode` is `disable`.
 */
export class ExistingPostgres extends Construct implements IKongDatabase {
  public readonly host: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly user: string;
  public readonly passwordSecret: KongDatabasePasswordSecret;
  public readonly ssl: boolean;
  public readonly sslVerify: boolean;
  public readonly namespace: string;
  public readonly podSelectorLabels = undefined;
  public readonly dependables: ITerraformDependable[];

  public readonly sslMode: PostgresSslMode;
  public readonly caCertificate?: CaCertificate;
  /** The variable holding the path of the CA file Terraform verifies with, when `caCertificate` is set without `caFile`. */
  public readonly caFileVariable?: TerraformVariable;
  /** The aliased `postgresql` provider the role and database are created with. */
  public readonly provider: PostgresqlProvider;
  /** The variable holding the administrator password, when `adminPassword` was not given. */
  public readonly adminPasswordVariable?: TerraformVariable;
  /** The generated password of the role (`random_password`, never regenerated). */
  public readonly password: Password;
  public readonly role: Role;
  public readonly database: Database;
  public readonly secret: SecretV1;

  constructor(scope: Construct, id: string, props: ExistingPostgresProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<ExistingPostgresProps>;
    // One stack, one variable name: two servers sharing it would silently get one password.
    const variableName = `${snakeCase(id)}_admin_password`;
    const caVariableName = `${snakeCase(id)}_ca_file`;
    checkProps(this, p, variableName, caVariableName);

    this.namespace = p.namespace as string;
    this.host = p.host as string;
    this.port = p.port ?? 5432;
    this.sslMode = p.sslMode ?? "require";
    this.ssl = this.sslMode !== "disable";
    this.sslVerify = this.sslMode === "verify-ca" || this.sslMode === "verify-full";
    this.caCertificate = p.caCertificate;
    this.databaseName = p.databaseName ?? "kong";
    this.user = p.user ?? "kong";
    this.passwordSecret = { name: p.secretName ?? "kong-postgres-credentials", key: "password" };

    let adminPassword = p.adminPassword;
    if (adminPassword === undefined) {
      adminVariables(this).set(variableName, this.node.path);
      this.adminPasswordVariable = new TerraformVariable(this, "AdminPassword", {
        type: "string",
        sensitive: true,
        nullable: false,
        description: `Password of the PostgreSQL administrator "${p.adminUsername ?? "postgres"}" on ${this.host}, used to create Kong's role and database`,
      });
      this.adminPasswordVariable.overrideLogicalId(variableName);
      adminPassword = this.adminPasswordVariable.stringValue;
    }

    this.caFileVariable = this.caCertificate !== undefined && p.caFile === undefined ? this.caFileVariableNamed(caVariableName) : undefined;
    const caFile = p.caFile ?? this.caFileVariable?.stringValue;

    this.provider = new PostgresqlProvider(this, "Provider", {
      alias: `kong_postgres_${shortHash(this.node.path)}`,
      host: this.host,
      port: this.port,
      sslmode: this.sslMode,
      sslrootcert: caFile,
      username: p.adminUsername ?? "postgres",
      password: adminPassword,
      database: p.adminDatabase ?? "postgres",
      superuser: p.adminIsSuperuser ?? false,
      connectTimeout: 15,
    });

    this.password = generateDatabasePassword(this);

    this.role = new Role(this, "Role", {
      provider: this.provider,
      name: this.user,
      login: true,
      password: this.password.result,
      superuser: false,
      createDatabase: false,
      createRole: false,
    });

    this.database = new Database(this, "Database", {
      provider: this.provider,
      name: this.databaseName,
      owner: this.role.name,
      encoding: "UTF8",
      template: "template0",
      lifecycle: { preventDestroy: true },
    });

    const labels = standardLabels({ name: "postgresql", instance: this.passwordSecret.name, component: "database" });
    this.secret = new SecretV1(this, "Secret", {
      metadata: { name: this.passwordSecret.name, namespace: this.namespace, labels },
      type: "Opaque",
      data: { [this.passwordSecret.key]: this.password.result },
    });

    this.dependables = [this.role, this.database, this.secret];
  }

  /** The variable `<id>_ca_file`: where Terraform finds the server's CA, which the provider takes only as a file. */
  private caFileVariableNamed(name: string): TerraformVariable {
    adminVariables(this).set(name, this.node.path);
    const variable = new TerraformVariable(this, "CaFile", {
      type: "string",
      nullable: false,
      description: `Path of a PEM file with the CA of the PostgreSQL server ${this.host} (${this.caCertificate?.describe()} in namespace ${this.namespace}), which Terraform verifies the server with`,
    });
    variable.overrideLogicalId(name);
    return variable;
  }
}

/** Checks every prop and throws one ValidationError naming all problems. */
function checkProps(scope: Construct, p: Partial<ExistingPostgresProps>, variableName: string, caVariableName: string): void {
  const v = new Problems(scope);
  if (required(v, "namespace", p.namespace, "is required: the namespace Kong runs in")) dns1123Label(v, "namespace", p.namespace);
  hostName(v, "host", p.host);
  integerIn(v, "port", p.port, 1, 65535);
  oneOf(v, "sslMode", p.sslMode, POSTGRES_SSL_MODES);
  checkCa(v, p);
  pgIdentifier(v, "adminUsername", p.adminUsername);
  if (p.adminPassword !== undefined && !isToken(p.adminPassword)) {
    v.add(
      "adminPassword",
      typeof p.adminPassword === "string" ? "<redacted>" : p.adminPassword,
      "must be a Terraform reference (a sensitive TerraformVariable or a secret data source), never a literal: a literal would be written into cdk.tf.json. Omit it to get a sensitive variable.",
    );
  }
  nonEmptyString(v, "adminDatabase", p.adminDatabase);
  bool(v, "adminIsSuperuser", p.adminIsSuperuser);
  pgIdentifier(v, "databaseName", p.databaseName);
  pgIdentifier(v, "user", p.user);
  dns1123Subdomain(v, "secretName", p.secretName);
  // One stack, one variable name: two servers sharing it would silently get one password.
  if (p.adminPassword === undefined) {
    const declaredBy = adminVariables(scope).get(variableName);
    if (declaredBy !== undefined) {
      v.add(
        "adminPassword",
        undefined,
        `would be read from the Terraform variable "${variableName}", which ${declaredBy} (an ExistingPostgres of the same stack) already declares: both servers would silently get one administrator password. Pass adminPassword (e.g. a TerraformVariable of its own) to one of them, or give them ids that differ in snake_case.`,
      );
    }
  }
  if (p.caCertificate !== undefined && p.caFile === undefined) {
    const declaredBy = adminVariables(scope).get(caVariableName);
    if (declaredBy !== undefined) {
      v.add(
        "caFile",
        undefined,
        `would be read from the Terraform variable "${caVariableName}", which ${declaredBy} (an ExistingPostgres of the same stack) already declares. Pass caFile to one of them, or give them ids that differ in snake_case.`,
      );
    }
  }
  v.throwIfAny();
}

/** A CA only with a verifying mode; `caFile` only with a CA. */
function checkCa(v: Problems, p: Partial<ExistingPostgresProps>): void {
  const ca = p.caCertificate;
  if (caCertificateProp(v, "caCertificate", ca) && ca !== undefined) {
    const mode = p.sslMode ?? "require";
    if (!isToken(mode) && mode !== "verify-ca" && mode !== "verify-full") {
      v.add(
        "caCertificate",
        ca.describe(),
        `needs sslMode "verify-ca" or "verify-full" (it is ${JSON.stringify(mode)}): without verification neither Kong nor Terraform checks the server's certificate, so the CA would protect nothing. Set sslMode: "verify-full".`,
      );
    }
  }
  if (p.caFile !== undefined) {
    if (ca === undefined) v.add("caFile", p.caFile, "is only used with caCertificate (the same CA for Kong's pods): set caCertificate, or remove caFile");
    else nonEmptyString(v, "caFile", p.caFile);
  }
}

/** Per stack: the admin-password variable names ExistingPostgres declared, and the path of the construct that did. */
const ADMIN_VARIABLES = new WeakMap<TerraformStack, Map<string, string>>();

function adminVariables(scope: Construct): Map<string, string> {
  const stack = TerraformStack.of(scope);
  let names = ADMIN_VARIABLES.get(stack);
  if (names === undefined) {
    names = new Map();
    ADMIN_VARIABLES.set(stack, names);
  }
  return names;
}

function snakeCase(id: string): string {
  const s = id
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  return /^[a-z]/.test(s) ? s : `db_${s}`;
}
