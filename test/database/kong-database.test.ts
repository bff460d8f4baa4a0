import { TerraformStack, Testing } from "cdktf";
import { KongDatabase, KongDatabaseAttributes } from "../../lib/database/kong-database";

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
        "[test/db] passwordSecret (undefined) is required: { name, key } of a Secret in the Kong namespace holding the password",
      ].join("\n"),
    );
  });

  test("rejects a Secret reference without name or key, a bad port and verification without TLS", () => {
    // GIVEN several bad attributes WHEN / THEN all are reported at once
    expectRejected(
      { host: "db", port: 65536, passwordSecret: { name: "Bad_Name", key: "" }, ssl: false, sslVerify: true },
      [
        "[test/db] port (65536) must be an integer between 1 and 65535",
        "[test/db] passwordSecret.name (\"Bad_Name\") must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
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
        "[test/db] passwordSecret.key (\"k/ey\") must consist of letters, digits, '-', '_' or '.'",
        '[test/db] ssl ("yes") must be true or false',
        "[test/db] namespace (\"NS\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});
