import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { errorOf, resources, setup, synth } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("a consumer's key-auth keys", () => {
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

  const bad: Array<[string, object, string]> = [
    ["a too short key", { username: "c", keyAuth: { length: 8 } }, "[stack/gw/c] keyAuth.length (8) must be an integer between 16 and 128"],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    const { gw } = setup();
    expect(errorOf(() => gw.addConsumer("c", props as any))).toBe(message);
  });
});
