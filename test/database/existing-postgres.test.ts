import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { ExistingPostgres, ExistingPostgresProps } from "../../lib/database/existing-postgres";
import { CaCertificate } from "../../lib/kubernetes/ca-certificate";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new KubernetesProvider(stack, "k8s", {});
  return stack;
}

function build(props: Partial<ExistingPostgresProps> = {}): { db: ExistingPostgres; json: Json } {
  const stack = newStack();
  const db = new ExistingPostgres(stack, "KongDb", { namespace: "kong", host: "pg.example.internal", ...props });
  return { db, json: JSON.parse(Testing.synth(stack, true)) };
}

function only(json: Json, type: string): Json {
  const all = Object.values(json.resource[type] ?? {}) as Json[];
  expect(all).toHaveLength(1);
  return all[0];
}

function expectRejected(props: Partial<ExistingPostgresProps>, message: string): void {
  let error: Error | undefined;
  try {
    new ExistingPostgres(newStack(), "db", { namespace: "kong", host: "pg.example.internal", ...props });
  } catch (e) {
    error = e as Error;
  }
  expect(error?.name).toBe("ValidationError");
  expect(error?.message).toBe(message);
}

describe("ExistingPostgres defaults", () => {
  // GIVEN an ExistingPostgres with only namespace and host WHEN synthesized (once, shared) THEN each test states one default
  const { db, json } = build();
  const provider = json.provider.postgresql[0];

  test("implements IKongDatabase: role and database kong on port 5432, TLS required but not verified", () => {
    expect(db.host).toBe("pg.example.internal");
    expect(db.port).toBe(5432);
    expect(db.databaseName).toBe("kong");
    expect(db.user).toBe("kong");
    expect(db.sslMode).toBe("require");
    expect([db.ssl, db.sslVerify]).toEqual([true, false]);
    expect(db.passwordSecret).toEqual({ name: "kong-postgres-credentials", key: "password" });
    expect(db.namespace).toBe("kong");
    expect(db.podSelectorLabels).toBeUndefined();
    expect(db.dependables).toEqual([db.role, db.database, db.secret]);
  });

  test("an aliased postgresql provider connects as postgres (not a superuser) with a password from a sensitive variable", () => {
    expect(provider).toEqual({
      alias: expect.stringMatching(/^kong_postgres_[0-9a-f]{8}$/),
      host: "pg.example.internal",
      port: 5432,
      sslmode: "require",
      username: "postgres",
      password: "${var.kong_db_admin_password}",
      database: "postgres",
      superuser: false,
      connect_timeout: 15,
    });
    expect(json.variable.kong_db_admin_password).toEqual({
      type: "string",
      sensitive: true,
      nullable: false,
      description: 'Password of the PostgreSQL administrator "postgres" on pg.example.internal, used to create Kong\'s role and database',
    });
    expect(db.adminPasswordVariable).toBeDefined();
  });

  test("creates the login role kong with the generated password", () => {
    const role = only(json, "postgresql_role");
    expect(role).toEqual({
      provider: `postgresql.${provider.alias}`,
      name: "kong",
      login: true,
      password: expect.stringMatching(/^\$\{random_password\.KongDb_Password_[0-9A-F]{8}\.result\}$/),
      superuser: false,
      create_database: false,
      create_role: false,
    });
  });

  test("creates the database kong owned by the role, never destroyed", () => {
    const database = only(json, "postgresql_database");
    expect(database).toEqual({
      provider: `postgresql.${provider.alias}`,
      name: "kong",
      owner: expect.stringMatching(/^\$\{postgresql_role\.KongDb_Role_[0-9A-F]{8}\.name\}$/),
      encoding: "UTF8",
      template: "template0",
      lifecycle: { prevent_destroy: true },
    });
  });

  test("the password is generated once (no keepers, never destroyed) and stored in a Secret in Kong's namespace", () => {
    const pw = only(json, "random_password");
    expect(pw.keepers).toBeUndefined();
    expect(pw).toMatchObject({ length: 32, special: false, lifecycle: { prevent_destroy: true } });
    const secret = only(json, "kubernetes_secret_v1");
    expect(secret.metadata).toMatchObject({ name: "kong-postgres-credentials", namespace: "kong" });
    expect(secret.data).toEqual({ password: expect.stringMatching(/^\$\{random_password\.KongDb_Password_[0-9A-F]{8}\.result\}$/) });
    expect(json.provider.random).toEqual([{}]);
  });
});

describe("ExistingPostgres options", () => {
  // GIVEN the options named by each test WHEN synthesized THEN the provider and resources reflect them
  test.each([
    ["disable", false, false],
    ["require", true, false],
    ["verify-ca", true, true],
    ["verify-full", true, true],
  ] as const)("sslMode %s gives ssl=%s, sslVerify=%s", (sslMode, ssl, sslVerify) => {
    const { db, json } = build({ sslMode });
    expect([db.ssl, db.sslVerify]).toEqual([ssl, sslVerify]);
    expect(json.provider.postgresql[0].sslmode).toBe(sslMode);
  });

  test("a given admin password reference, user, port, names and a superuser admin", () => {
    const stack = newStack();
    const secretVar = new TerraformVariable(stack, "pg_admin", { type: "string", sensitive: true });
    const db = new ExistingPostgres(stack, "db", {
      namespace: "gw",
      host: "10.0.0.5",
      port: 6432,
      adminUsername: "rds_admin",
      adminPassword: secretVar.stringValue,
      adminDatabase: "defaultdb",
      adminIsSuperuser: true,
      databaseName: "gateway",
      user: "gateway",
      secretName: "gateway-db",
    });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.provider.postgresql[0]).toMatchObject({
      host: "10.0.0.5",
      port: 6432,
      username: "rds_admin",
      password: "${var.pg_admin}",
      database: "defaultdb",
      superuser: true,
    });
    expect(Object.keys(json.variable)).toEqual(["pg_admin"]);
    expect(db.adminPasswordVariable).toBeUndefined();
    expect(only(json, "postgresql_role").name).toBe("gateway");
    expect(only(json, "postgresql_database").name).toBe("gateway");
    expect(db.passwordSecret).toEqual({ name: "gateway-db", key: "password" });
    expect(only(json, "kubernetes_secret_v1").metadata).toMatchObject({ name: "gateway-db", namespace: "gw" });
  });
});

describe("ExistingPostgres rejects", () => {
  // GIVEN the bad input named by each test WHEN constructed THEN one ValidationError with exactly this message
  test("a literal admin password, without echoing it", () => {
    expectRejected(
      { adminPassword: "hunter2" },
      '[test/db] adminPassword ("<redacted>") must be a Terraform reference (a sensitive TerraformVariable or a secret data source), never a literal: a literal would be written into cdk.tf.json. Omit it to get a sensitive variable.',
    );
  });

  test("a missing host and namespace", () => {
    expectRejected(
      { host: undefined, namespace: undefined },
      [
        "[test/db] namespace (undefined) is required: the namespace Kong runs in",
        "[test/db] host (undefined) is required: the DNS name or IP address of the PostgreSQL server",
      ].join("\n"),
    );
  });

  test("a host with scheme and port, a port out of range, an unknown sslMode", () => {
    expectRejected(
      { host: "postgres://db:5432", port: 0, sslMode: "prefer" as "require" },
      [
        '[test/db] host ("postgres://db:5432") must be a DNS name or IP address without scheme or port, e.g. kong-db.example.internal',
        "[test/db] port (0) must be an integer between 1 and 65535",
        '[test/db] sslMode ("prefer") must be one of "disable", "require", "verify-ca", "verify-full"',
      ].join("\n"),
    );
  });

  test("bad identifiers and Secret name", () => {
    expectRejected(
      { adminUsername: "Admin", databaseName: "kong-db", user: "", secretName: "Kong_Secret", adminIsSuperuser: "no" as unknown as boolean },
      [
        "[test/db] adminUsername (\"Admin\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        '[test/db] adminIsSuperuser ("no") must be true or false',
        "[test/db] databaseName (\"kong-db\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        "[test/db] user (\"\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        "[test/db] secretName (\"Kong_Secret\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});

describe("ExistingPostgres admin-password variables", () => {
  const clash = (name: string, other: string) =>
    `[${name}] adminPassword (undefined) would be read from the Terraform variable "prod_db_admin_password", which ${other} (an ExistingPostgres of the same stack) already declares: both servers would silently get one administrator password. Pass adminPassword (e.g. a TerraformVariable of its own) to one of them, or give them ids that differ in snake_case.`;

  function rejection(fn: () => void): string {
    try {
      fn();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "no error";
  }

  test("two servers whose ids snake-case alike are refused, naming both construct paths", () => {
    // GIVEN one server "prod-db" WHEN a second one "prod_db" is added to the same stack
    const stack = newStack();
    new ExistingPostgres(stack, "prod-db", { namespace: "kong", host: "a.internal" });
    // THEN
    expect(rejection(() => new ExistingPostgres(stack, "prod_db", { namespace: "kong", host: "b.internal", secretName: "b" }))).toBe(
      `ValidationError: ${clash("test/prod_db", "test/prod-db")}`,
    );
  });

  test("the same id under two parents of one stack is refused", () => {
    // GIVEN "prod-db" under parent a WHEN another "prod-db" is added under parent b
    const stack = newStack();
    new ExistingPostgres(new Construct(stack, "a"), "prod-db", { namespace: "kong", host: "a.internal" });
    // THEN
    expect(rejection(() => new ExistingPostgres(new Construct(stack, "b"), "prod-db", { namespace: "kong", host: "b.internal" }))).toBe(
      `ValidationError: ${clash("test/b/prod-db", "test/a/prod-db")}`,
    );
  });

  test("an explicit adminPassword, or another stack, avoids the clash: each server reads its own variable", () => {
    // GIVEN two alike ids, the second with its own password variable
    const stack = newStack();
    new ExistingPostgres(stack, "prod-db", { namespace: "kong", host: "a.internal" });
    const own = new TerraformVariable(stack, "b_admin_password", { type: "string", sensitive: true });
    new ExistingPostgres(stack, "prod_db", { namespace: "kong", host: "b.internal", adminPassword: own.stringValue, secretName: "b" });
    // WHEN synthesized THEN one provider per server, each with its own password
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.provider.postgresql.map((p: Json) => p.password).sort()).toEqual(["${var.b_admin_password}", "${var.prod_db_admin_password}"]);
    // AND the same id in another stack is its own variable
    const other = newStack();
    expect(() => new ExistingPostgres(other, "prod_db", { namespace: "kong", host: "b.internal" })).not.toThrow();
  });
});


describe("ExistingPostgres with a private CA", () => {
  const ca = CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem");

  test("Kong verifies with the CA (caCertificate), Terraform with the same CA read from the file variable <id>_ca_file", () => {
    // GIVEN verify-full and a CA from a ConfigMap WHEN synthesized
    const { db, json } = build({ sslMode: "verify-full", caCertificate: ca });
    // THEN Kong gets the CA and verifies; the provider reads the CA from the file the variable names
    expect([db.ssl, db.sslVerify, db.caCertificate]).toEqual([true, true, ca]);
    expect(json.provider.postgresql[0]).toMatchObject({ sslmode: "verify-full", sslrootcert: "${var.kong_db_ca_file}" });
    expect(json.variable.kong_db_ca_file).toEqual({
      type: "string",
      nullable: false,
      description: 'Path of a PEM file with the CA of the PostgreSQL server pg.example.internal (ConfigMap "rds-ca" key "global-bundle.pem" in namespace kong), which Terraform verifies the server with',
    });
    expect(db.caFileVariable).toBeDefined();
  });

  test("verify-ca works the same; caFile replaces the variable", () => {
    const { db, json } = build({ sslMode: "verify-ca", caCertificate: ca, caFile: "/etc/ssl/rds-global-bundle.pem" });
    expect(json.provider.postgresql[0].sslrootcert).toBe("/etc/ssl/rds-global-bundle.pem");
    expect(json.variable?.kong_db_ca_file).toBeUndefined();
    expect(db.caFileVariable).toBeUndefined();
  });

  test("default: no CA, no sslrootcert (Terraform and Kong trust their system roots)", () => {
    const { db, json } = build({ sslMode: "verify-full" });
    expect(db.caCertificate).toBeUndefined();
    expect(json.provider.postgresql[0].sslrootcert).toBeUndefined();
  });

  test.each(["require", "disable", undefined] as const)("a CA with sslMode %s is refused: it would verify nothing", (sslMode) => {
    expectRejected(
      { sslMode, caCertificate: ca },
      `[test/db] caCertificate ("ConfigMap \\"rds-ca\\" key \\"global-bundle.pem\\"") needs sslMode "verify-ca" or "verify-full" (it is "${sslMode ?? "require"}"): without verification neither Kong nor Terraform checks the server's certificate, so the CA would protect nothing. Set sslMode: "verify-full".`,
    );
  });

  test("caFile without a CA, an empty caFile, a CA not made with CaCertificate", () => {
    expectRejected({ caFile: "/ca.pem" }, '[test/db] caFile ("/ca.pem") is only used with caCertificate (the same CA for Kong\'s pods): set caCertificate, or remove caFile');
    expectRejected({ sslMode: "verify-full", caCertificate: ca, caFile: "" }, '[test/db] caFile ("") must be a non-empty string');
    expectRejected(
      { sslMode: "verify-full", caCertificate: { name: "ca" } as never },
      '[test/db] caCertificate ({"name":"ca"}) must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?), e.g. CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")',
    );
  });

  test("two servers whose ids give one CA variable name are refused", () => {
    const stack = newStack();
    const admin = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    new ExistingPostgres(stack, "prod-db", { namespace: "kong", host: "a.internal", sslMode: "verify-full", caCertificate: ca });
    expect(() => new ExistingPostgres(stack, "prod_db", { namespace: "kong", host: "b.internal", secretName: "b", adminPassword: admin, sslMode: "verify-full", caCertificate: ca })).toThrow(
      '[test/prod_db] caFile (undefined) would be read from the Terraform variable "prod_db_ca_file", which test/prod-db (an ExistingPostgres of the same stack) already declares. Pass caFile to one of them, or give them ids that differ in snake_case.',
    );
  });
});
