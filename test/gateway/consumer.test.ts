import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { errorOf, resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("GatewayConsumer", () => {
  test("username only: a kong_consumer with the username as custom_id too, and nothing else", () => {
    // GIVEN a consumer with a username WHEN synthesized THEN one kong_consumer carrying both fields (the provider's
    // update sends an absent custom_id as "", which Kong refuses), no credential
    const { stack, gw } = setup();
    gw.addConsumer("alice", { username: "alice" });
    const json = synth(stack);
    expect(json.resource.kong_consumer).toEqual({ gw_alice_D3EC447D: { username: "alice", custom_id: "alice", tags: ["managed-by:kong-ai-platform"] } });
    expect(json.resource.random_password).toBeUndefined();
  });

  test("customId only: the custom_id as username too; both given: each as given", () => {
    const { stack, gw } = setup();
    const c = gw.addConsumer("c", { customId: "crm-42" });
    gw.addConsumer("d", { username: "dora", customId: "crm-43" });
    expect(resources(synth(stack), "kong_consumer").map((r) => [r.username, r.custom_id])).toEqual([
      ["crm-42", "crm-42"],
      ["dora", "crm-43"],
    ]);
    // THEN the construct's own fields say what was given
    expect([c.username, c.customId, c.name]).toEqual([undefined, "crm-42", "crm-42"]);
  });

  test("the copied field is unique like the given one: a collision with a copy says so", () => {
    // GIVEN a username-only consumer WHEN another one takes that value as customId THEN refused, and the reverse
    const { gw } = setup();
    const both = "a consumer given only a username or only a customId gets it as both (Kong's updates need both fields)";
    gw.addConsumer("a", { username: "alice" });
    expect(errorOf(() => gw.addConsumer("b", { username: "bob", customId: "alice" }))).toBe(
      `[stack/gw/b] customId ("alice") is already the custom_id of the consumer stack/gw/a: Kong custom_ids are unique, and ${both}`,
    );
    gw.addConsumer("c", { username: "carol", customId: "42" });
    expect(errorOf(() => gw.addConsumer("d", { username: "42" }))).toBe(
      `[stack/gw/d] username ("42") is already the custom_id of the consumer stack/gw/c: Kong custom_ids are unique, and ${both}`,
    );
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
});
