import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformVariable } from "cdktf";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { errorOf, resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

const PEM = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";

describe("GatewayConsumer", () => {
  test("username only: a kong_consumer and nothing else", () => {
    // GIVEN a consumer with a username WHEN synthesized THEN one kong_consumer, no credential
    const { stack, gw } = setup();
    gw.addConsumer("alice", { username: "alice" });
    const json = synth(stack);
    expect(resources(json, "kong_consumer")).toEqual([{ username: "alice" }]);
    expect(json.resource.random_password).toBeUndefined();
  });

  test("ACL groups, a generated key, a Kubernetes Secret, sensitive outputs — no key in plain text", () => {
    // GIVEN a consumer with groups, key-auth, a secret and outputs WHEN synthesized
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    const c = gw.addConsumer("alice", { username: "alice", aclGroups: ["vision", "audio"], keyAuth: true, credentialsSecret: { namespace: "clients" }, sensitiveOutputs: true });
    const text = JSON.stringify(synth(stack));
    const json = JSON.parse(text);
    // THEN the groups reference the consumer
    expect(resources(json, "kong_consumer_acl").map((a) => a.group).sort()).toEqual(["audio", "vision"]);
    // THEN the key is a random_password (letters and digits, 40) referenced everywhere, never a literal
    expect(resources(json, "random_password")).toEqual([{ length: 40, special: false }]);
    const key = resources(json, "kong_consumer_key_auth")[0].key;
    expect(key).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    const secret = resources(json, "kubernetes_secret_v1")[0];
    expect(secret.metadata).toMatchObject({ name: "kong-consumer-alice", namespace: "clients" });
    expect(secret.data).toEqual({ "key-auth": key });
    expect(Object.values<any>(json.output)).toEqual([expect.objectContaining({ value: key, sensitive: true })]);
    // THEN the random provider was added once, and no value other than references appears for key fields
    expect(Object.keys(json.provider).sort()).toEqual(["kong", "kubernetes", "random"]);
    expect(text).not.toMatch(/"key":"(?!\$\{)/);
    expect(c.keyAuthKeys.get("KeyAuth")?.password).toBeDefined();
  });

  test("JWT HS256: the secret is a generated random_password; key defaults to the username", () => {
    const { stack, gw } = setup();
    gw.addConsumer("bob", { username: "bob", jwt: {} });
    const json = synth(stack);
    const cred = resources(json, "kong_consumer_jwt_auth")[0];
    expect(cred).toMatchObject({ algorithm: "HS256", key: "bob", rsa_public_key: "" });
    expect(cred.secret).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
  });

  test("JWT secret from a sensitive variable, and RS256 with a public key", () => {
    const { stack, gw } = setup();
    const s = new TerraformVariable(stack, "jwt_secret", { type: "string", sensitive: true });
    gw.addConsumer("a", { customId: "a-1", jwt: { secret: s.stringValue, key: "issuer-a" } });
    gw.addConsumer("b", { username: "b", jwt: { algorithm: "ES256", rsaPublicKey: PEM } });
    const creds = resources(synth(stack), "kong_consumer_jwt_auth");
    expect(creds.map((c) => [c.key, c.secret, c.algorithm])).toEqual([
      ["issuer-a", "${var.jwt_secret}", "HS256"],
      ["b", undefined, "ES256"],
    ]);
  });

  test("a per-consumer rate limit references the consumer", () => {
    const { stack, gw } = setup();
    gw.addConsumer("vip", { username: "vip", plugins: [Plugin.rateLimiting({ second: 50 })] });
    expect(resources(synth(stack), "kong_plugin")[0].consumer_id).toMatch(/^\$\{kong_consumer\.[\w-]+\.id\}$/);
  });

  test("rejects a no_consumer plugin at run time too (key-auth, and custom basic-auth)", () => {
    const { gw } = setup();
    const c = gw.addConsumer("c", { username: "c" });
    // @ts-expect-error key-auth is not consumer-scopable: the type system refuses it
    expect(() => c.addPlugin(Plugin.keyAuth())).toThrow(
      '[stack/gw/c] plugins ("key-auth") cannot be scoped to a consumer (Kong marks it no_consumer): attach it to a route, a service or the gateway',
    );
    expect(() => c.addPlugin(Plugin.custom("basic-auth"))).toThrow(
      '[stack/gw/c] plugins ("basic-auth") cannot be scoped to a consumer (Kong marks it no_consumer): attach it to a route, a service or the gateway',
    );
  });

  const bad: Array<[string, object, string]> = [
    ["neither username nor customId", {}, "[stack/gw/c] username (undefined) or customId is required: Kong identifies a consumer by at least one of them"],
    ["an empty username", { username: "" }, '[stack/gw/c] username ("") must be a non-empty string'],
    ["a duplicate ACL group", { username: "c", aclGroups: ["a", "a"] }, '[stack/gw/c] aclGroups ("a") is listed twice: a consumer is in a group once'],
    ["a literal JWT secret", { username: "c", jwt: { secret: "hunter2" } }, '[stack/gw/c] jwt.secret ("<redacted>") must come from a sensitive Terraform variable or secret reference, not a literal (it would be stored in plain text)'],
    ["RS256 without a public key", { username: "c", jwt: { algorithm: "RS256" } }, '[stack/gw/c] jwt.rsaPublicKey (undefined) is required with algorithm "RS256"'],
    ["a public key that is not PEM", { username: "c", jwt: { algorithm: "PS256", rsaPublicKey: "abc" } }, '[stack/gw/c] jwt.rsaPublicKey ("<value>") must be a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)'],
    ["an unknown JWT algorithm", { username: "c", jwt: { algorithm: "none" } }, '[stack/gw/c] jwt.algorithm ("none") must be one of "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"'],
    ["a too short key", { username: "c", keyAuth: { length: 8 } }, "[stack/gw/c] keyAuth.length (8) must be an integer between 16 and 128"],
    ["a secret namespace that is not a DNS label", { username: "c", credentialsSecret: { namespace: "Clients" } }, "[stack/gw/c] credentialsSecret.namespace (\"Clients\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit"],
    ["props that are not an object", null as any, "[stack/gw/c] username (undefined) or customId is required: Kong identifies a consumer by at least one of them"],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    // GIVEN a consumer prop Kong (or secrecy) rejects WHEN added THEN the exact message
    const { gw } = setup();
    expect(() => gw.addConsumer("c", props as any)).toThrow(message);
  });

  test("rejects duplicate usernames and custom_ids", () => {
    const { gw } = setup();
    gw.addConsumer("a", { username: "alice", customId: "42" });
    expect(() => gw.addConsumer("b", { username: "alice", customId: "42" })).toThrow(
      [
        '[stack/gw/b] username ("alice") is already the username of the consumer stack/gw/a: Kong usernames are unique',
        '[stack/gw/b] customId ("42") is already the custom_id of the consumer stack/gw/a: Kong custom_ids are unique',
      ].join("\n"),
    );
  });

  test("rejects a second JWT credential", () => {
    const { gw } = setup();
    const c = gw.addConsumer("c", { username: "c", jwt: {} });
    expect(() => c.addJwtCredential({})).toThrow('[stack/gw/c] jwt ("<set>") is already set: one JWT credential per consumer');
  });

  test("a JWT algorithm of the wrong type is a ValidationError, not a TypeError", () => {
    const { gw } = setup();
    expect(errorOf(() => gw.addConsumer("c", { username: "u", jwt: { algorithm: 256 as any } }))).toBe(
      '[stack/gw/c] jwt.algorithm (256) must be one of "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"',
    );
  });

  test("jwt: null is an error (only leaving jwt out means no credential)", () => {
    // GIVEN jwt null WHEN added THEN refused, and no HS256 credential is created
    const { stack, gw } = setup();
    const shape = "must be { algorithm?, key?, secret?, rsaPublicKey? } ({} for all defaults): leave jwt out for no JWT credential";
    expect(errorOf(() => gw.addConsumer("c", { username: "u", jwt: null as any }))).toBe(`[stack/gw/c] jwt (null) ${shape}`);
    const d = gw.addConsumer("d", { username: "d" });
    expect(errorOf(() => d.addJwtCredential(null as any))).toBe(`[stack/gw/d] jwt (null) ${shape}`);
    expect(resources(synth(stack), "kong_consumer_jwt_auth")).toEqual([]);
  });

  test("ACL groups containing '/' get hash-based ids that cannot collide; ordinary groups keep Acl-<group>", () => {
    // GIVEN groups that would map to the same construct id WHEN synthesized THEN each has its own kong_consumer_acl
    const { stack, gw } = setup();
    const c = gw.addConsumer("c", { username: "u", aclGroups: ["vision", "a--b", "a/b", "a//b"] });
    const json = synth(stack);
    expect(resources(json, "kong_consumer_acl").map((a) => a.group).sort()).toEqual(["a--b", "a//b", "a/b", "vision"]);
    expect(c.aclGroups.get("vision")?.node.id).toBe("Acl-vision");
    expect(c.aclGroups.get("a--b")?.node.id).toBe("Acl-a--b");
    expect(c.aclGroups.get("a/b")?.node.id).toMatch(/^AclGroup-[0-9a-f]{8}$/);
    expect(c.aclGroups.get("a//b")?.node.id).toMatch(/^AclGroup-[0-9a-f]{8}$/);
    expect(c.aclGroups.get("a/b")?.node.id).not.toBe(c.aclGroups.get("a//b")?.node.id);
  });

  test("rejects a key-auth id that cannot name a Secret data key, a case-only duplicate and a reserved id", () => {
    const { gw } = setup();
    const c = gw.addConsumer("c", { username: "u" });
    expect(errorOf(() => c.addKeyAuthKey("next key"))).toBe(
      `[stack/gw/c] keyAuth ("next key") is not a usable key id: use 1 to 63 letters, digits, '-', '.' or '_', starting with a letter or digit (it names the Secret data key key-auth-<id>, which Kubernetes limits to those characters)`,
    );
    c.addKeyAuthKey("next");
    expect(errorOf(() => c.addKeyAuthKey("Next"))).toBe(
      '[stack/gw/c] keyAuth ("Next") would publish its credential as "key-auth-next", which the key-auth key "next" already uses (ids differing only in case share it): use another id',
    );
    expect(errorOf(() => c.addKeyAuthKey("Jwt"))).toBe(
      '[stack/gw/c] keyAuth ("Jwt") is an id this consumer uses for another part (Resource, Plugins, CredentialsSecret, Jwt, JwtSecret, Acl-..., AclGroup-..., output-..., or <id>Value of another key): use another id',
    );
    expect(errorOf(() => c.addKeyAuthKey("nextValue"))).toBe(
      '[stack/gw/c] keyAuth ("nextValue") is an id this consumer uses for another part (Resource, Plugins, CredentialsSecret, Jwt, JwtSecret, Acl-..., AclGroup-..., output-..., or <id>Value of another key): use another id',
    );
  });

  test("a second key-auth key gets the data key key-auth-<id>", () => {
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    gw.addConsumer("c", { username: "u", keyAuth: true, credentialsSecret: { namespace: "clients" } }).addKeyAuthKey("next.2025");
    expect(Object.keys(resources(synth(stack), "kubernetes_secret_v1")[0].data).sort()).toEqual(["key-auth", "key-auth-next.2025"]);
  });

  test("rejects two consumers whose sensitive outputs would share a name", () => {
    // GIVEN "mobile-app" and "mobile_app" with outputs WHEN the second is added THEN a clear error naming both paths
    const { gw } = setup();
    gw.addConsumer("a", { username: "mobile-app", keyAuth: true, sensitiveOutputs: true });
    expect(errorOf(() => gw.addConsumer("b", { username: "mobile_app", keyAuth: true, sensitiveOutputs: true }))).toBe(
      '[stack/gw/b] sensitiveOutputs ("consumer_mobile_app_key_auth") is already the name of the output stack/gw/a/output-key-auth: Terraform output names are unique per stack and derive from the username (or custom_id) in snake_case; rename one consumer or turn its sensitiveOutputs off',
    );
  });

  test("rejects two consumers whose credentials Secrets would share a namespace and name", () => {
    const { gw } = setup();
    gw.addConsumer("a", { username: "Mobile App", credentialsSecret: { namespace: "clients" } });
    expect(errorOf(() => gw.addConsumer("b", { username: "mobile-app", credentialsSecret: { namespace: "clients" } }))).toBe(
      '[stack/gw/b] credentialsSecret.name ("kong-consumer-mobile-app") is already the credentials Secret of the consumer stack/gw/a in namespace "clients": one would overwrite the other; set credentialsSecret.name to a unique name',
    );
    // THEN another namespace, or an explicit name, is fine
    expect(() => gw.addConsumer("c", { username: "mobile.app", credentialsSecret: { namespace: "other" } })).not.toThrow();
    expect(() => gw.addConsumer("d", { username: "mobile-app!", credentialsSecret: { namespace: "clients", name: "mobile-app-2" } })).not.toThrow();
  });

  test("ordinary names are unchanged; non-ASCII usernames get a short hash instead of an empty part", () => {
    // GIVEN an ASCII, a fully non-ASCII and a partly non-ASCII username WHEN synthesized
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    const opts = { keyAuth: true, sensitiveOutputs: true, credentialsSecret: { namespace: "clients" } } as const;
    gw.addConsumer("a", { username: "Mobile App", ...opts });
    gw.addConsumer("b", { username: "ユーザー", ...opts });
    gw.addConsumer("c", { username: "café", ...opts });
    const json = synth(stack);
    // THEN output and Secret names are usable and distinct
    expect(Object.keys(json.output).sort()).toEqual(["consumer_11f06de5_key_auth", "consumer_caf_850f7dc4_key_auth", "consumer_mobile_app_key_auth"]);
    expect(resources(json, "kubernetes_secret_v1").map((x) => x.metadata.name).sort()).toEqual([
      "kong-consumer-11f06de5",
      "kong-consumer-caf-850f7dc4",
      "kong-consumer-mobile-app",
    ]);
  });

  test("a long Secret name keeps every label value within 63 characters", () => {
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    gw.addConsumer("a", { username: "a", credentialsSecret: { namespace: "clients", name: `clients.${"x".repeat(100)}` } });
    const secret = resources(synth(stack), "kubernetes_secret_v1")[0];
    expect(secret.metadata.name).toBe(`clients.${"x".repeat(100)}`);
    expect(secret.metadata.labels["app.kubernetes.io/instance"]).toBe(`clients.${"x".repeat(55)}`);
    for (const value of Object.values<string>(secret.metadata.labels)) expect(value.length).toBeLessThanOrEqual(63);
  });

  test("rejects a Secret name that is not a DNS-1123 subdomain", () => {
    const { gw } = setup();
    const msg =
      "must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit";
    expect(errorOf(() => gw.addConsumer("a", { username: "a", credentialsSecret: { namespace: "n", name: "Bad_Name" } }))).toBe(
      `[stack/gw/a] credentialsSecret.name ("Bad_Name") ${msg}`,
    );
    expect(errorOf(() => gw.addConsumer("b", { username: "b", credentialsSecret: { namespace: "n", name: "x".repeat(254) } }))).toBe(
      `[stack/gw/b] credentialsSecret.name (${JSON.stringify("x".repeat(254))}) ${msg}`,
    );
  });
});
