import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { KongDatabase, KongDatabaseAttributes } from "../../lib/database/kong-database";
import { CaCertificate } from "../../lib/kubernetes/ca-certificate";

function expectRejected(attrs: Partial<KongDatabaseAttributes>, message: string): void {
  let error: Error | undefined;
  try {
    KongDatabase.fromAttributes(new TerraformStack(Testing.app(), "test"), "db", attrs as KongDatabaseAttributes);
  } catch (e) {
    error = e as Error;
  }
  expect(error?.name).toBe("ValidationError");
  expect(error?.message).toBe(message);
}

describe("KongDatabase.fromAttributes", () => {
  test("defaults: port 5432, database and user kong, TLS without verification, nothing to wait for", () => {
    // GIVEN only a host and a Secret
    const stack = new TerraformStack(Testing.app(), "test");
    // WHEN
    const db = KongDatabase.fromAttributes(stack, "db", { host: "pg.internal", passwordSecret: { name: "kong-pg", key: "password" } });
    // THEN
    expect(db).toMatchObject({
      host: "pg.internal",
      port: 5432,
      databaseName: "kong",
      user: "kong",
      passwordSecret: { name: "kong-pg", key: "password" },
      ssl: true,
      sslVerify: false,
      dependables: [],
    });
    expect(db.namespace).toBeUndefined();
    expect(db.podSelectorLabels).toBeUndefined();
    // and nothing is synthesized
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  test("every attribute can be given", () => {
    // GIVEN / WHEN
    const db = KongDatabase.fromAttributes(new TerraformStack(Testing.app(), "test"), "db", {
      host: "2001:db8::5",
      port: 6543,
      databaseName: "gw",
      user: "gw_user",
      passwordSecret: { name: "gw.pg", key: "PG_PASSWORD" },
      ssl: false,
      sslVerify: false,
      namespace: "gateway",
      podSelectorLabels: { app: "pg" },
    });
    // THEN
    expect(db).toMatchObject({ host: "2001:db8::5", port: 6543, databaseName: "gw", user: "gw_user", ssl: false, namespace: "gateway" });
    expect(db.podSelectorLabels).toEqual({ app: "pg" });
  });

  test("rejects a missing host and Secret", () => {
    // GIVEN no attributes WHEN / THEN
    expectRejected(
      {},
      [
        "[test/db] host (undefined) is required: the DNS name or IP address of the PostgreSQL server",
        "[test/db] passwordSecret (undefined) is required: { name, key } of a Secret in the same namespace holding the password",
      ].join("\n"),
    );
  });

  test("rejects a Secret reference without name or key, a bad port and verification without TLS", () => {
    // GIVEN several bad attributes WHEN / THEN all are reported at once
    expectRejected(
      { host: "db", port: 65536, passwordSecret: { name: "Bad_Name", key: "" }, ssl: false, sslVerify: true },
      [
        "[test/db] port (65536) must be an integer between 1 and 65535",
        "[test/db] passwordSecret.name (\"Bad_Name\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        '[test/db] passwordSecret.key ("") is required: the key of the password in the Secret',
        "[test/db] sslVerify (true) requires ssl: true (a certificate can only be verified over TLS)",
      ].join("\n"),
    );
  });

  test("rejects bad identifiers, booleans and namespace", () => {
    // GIVEN / WHEN / THEN
    expectRejected(
      { host: "db", databaseName: "Kong", user: "a b", passwordSecret: { name: "s", key: "k/ey" }, ssl: "yes" as unknown as boolean, namespace: "NS" },
      [
        "[test/db] databaseName (\"Kong\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        "[test/db] user (\"a b\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        "[test/db] passwordSecret.key (\"k/ey\") must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'",
        '[test/db] ssl ("yes") must be true or false',
        "[test/db] namespace (\"NS\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });

  test("rejects dependables that are not a list of resources", () => {
    // GIVEN / WHEN / THEN (5 used to be a TypeError, "abc" silently dropped the ordering)
    const base = { host: "db", passwordSecret: { name: "s", key: "k" } };
    const message = (v: string) => `[test/db] dependables (${v}) must be a list of Terraform resources, data sources or modules (ITerraformDependable[])`;
    expectRejected({ ...base, dependables: 5 as never }, message("5"));
    expectRejected({ ...base, dependables: "abc" as never }, message('"abc"'));
    expectRejected(
      { ...base, dependables: [null, "x"] as never },
      [
        "[test/db] dependables[0] (null) must be a Terraform resource, data source or module (ITerraformDependable)",
        '[test/db] dependables[1] ("x") must be a Terraform resource, data source or module (ITerraformDependable)',
      ].join("\n"),
    );
  });

  test("rejects pod selector labels that are not a map of valid label keys to values", () => {
    // GIVEN / WHEN / THEN ("app" used to render as {"0":"a",...})
    const base = { host: "db", passwordSecret: { name: "s", key: "k" } };
    expectRejected(
      { ...base, podSelectorLabels: "app" as never },
      '[test/db] podSelectorLabels ("app") must be a map of label names to values, e.g. { app: "web" }',
    );
    expectRejected(
      { ...base, podSelectorLabels: { "bad key!": 5 } as never },
      [
        "[test/db] podSelectorLabels key (\"bad key!\") must be a label name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        "[test/db] podSelectorLabels[\"bad key!\"] (5) must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
      ].join("\n"),
    );
    expectRejected(
      { ...base, podSelectorLabels: {} },
      "[test/db] podSelectorLabels ({}) must name at least one label: an empty selector matches every pod",
    );
  });

  test("accepts prefixed label keys and a list of resources", () => {
    // GIVEN a label with a DNS prefix and a resource to wait for
    const stack = new TerraformStack(Testing.app(), "test");
    const dependable = new TerraformVariable(stack, "ready", { type: "string" });
    // WHEN
    const db = KongDatabase.fromAttributes(stack, "db", {
      host: "db",
      passwordSecret: { name: "s", key: "k" },
      podSelectorLabels: { "app.kubernetes.io/name": "postgresql", tier: "" },
      dependables: [dependable],
    });
    // THEN
    expect(db.podSelectorLabels).toEqual({ "app.kubernetes.io/name": "postgresql", tier: "" });
    expect(db.dependables).toEqual([dependable]);
  });
});


describe("KongDatabase.fromAttributes with a private CA", () => {
  const base = { host: "pg.internal", passwordSecret: { name: "kong-pg", key: "password" } };

  test("the CA is kept for Kong's pods; default: none", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const ca = CaCertificate.fromSecret("pg-ca");
    expect(KongDatabase.fromAttributes(stack, "db", { ...base, sslVerify: true, caCertificate: ca }).caCertificate).toBe(ca);
    expect(KongDatabase.fromAttributes(stack, "db2", base).caCertificate).toBeUndefined();
  });

  test("a CA without sslVerify is refused: it would verify nothing", () => {
    expectRejected(
      { ...base, caCertificate: CaCertificate.fromSecret("pg-ca") },
      '[test/db] caCertificate ("Secret \\"pg-ca\\" key \\"ca.crt\\"") needs sslVerify: true: without verification Kong never checks the server\'s certificate, so the CA would protect nothing. Set sslVerify: true (and ssl: true)',
    );
  });
});
