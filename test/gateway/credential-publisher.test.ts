import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { errorOf, resources, setup, synth } from "./helpers";

describe("publishing a consumer's credentials", () => {
  test("the Secret's data is rendered at synth from every credential, including ones added after the consumer", () => {
    // GIVEN a consumer whose key, JWT and second key are added one by one WHEN synthesized THEN one data map with all
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    const c = gw.addConsumer("c", { username: "u", keyAuth: true, credentialsSecret: { namespace: "clients" } });
    c.addJwtCredential({});
    c.addKeyAuthKey("next");
    const secret = resources(synth(stack), "kubernetes_secret_v1")[0];
    expect(Object.keys(secret.data).sort()).toEqual(["jwt-algorithm", "jwt-key", "jwt-secret", "key-auth", "key-auth-next"]);
    expect(secret.data["jwt-key"]).toBe("u");
    expect(secret.data["key-auth-next"]).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    expect(c.credentialsSecret?.node.path).toBe("stack/gw/c/CredentialsSecret");
  });

  test("a Secret without credentials has empty data; sensitive outputs without a Secret need no kubernetes provider", () => {
    const { stack, gw } = setup();
    new KubernetesProvider(stack, "k8s", {});
    gw.addConsumer("a", { username: "a", credentialsSecret: { namespace: "clients" } });
    gw.addConsumer("b", { username: "b", keyAuth: true, sensitiveOutputs: true });
    const json = synth(stack);
    expect(resources(json, "kubernetes_secret_v1").map((s) => s.data)).toEqual([{}]);
    expect(json.output.consumer_b_key_auth).toEqual({ value: expect.stringMatching(/^\$\{random_password\./), sensitive: true, description: "key-auth of Kong consumer b" });
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
