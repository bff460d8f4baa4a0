import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { errorOf, resources, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "platform");
  new KubernetesProvider(stack, "k8s", {});
  const gw = new KongGateway(stack, "gw", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
  gw.addPlugin(Plugin.correlationId());
  gw.addPlugin(Plugin.prometheus({ statusCodeMetrics: true }));
  const up = gw.addUpstream("face-up", { name: "face.upstream", targets: [{ target: "face.models.svc:80", weight: 90 }, { target: "face-canary.models.svc:80", weight: 10 }] });
  const face = gw.addService("face", { upstream: up });
  face.addRoute("v1", { paths: ["/v1/face"], methods: ["POST"] });
  face.addPlugin(Plugin.keyAuth({ hideCredentials: true }));
  face.addPlugin(Plugin.acl({ allow: ["vision"] }));
  face.addPlugin(Plugin.rateLimiting({ second: 5, minute: 100 }));
  gw.addConsumer("alice", { username: "alice", aclGroups: ["vision"], keyAuth: true, credentialsSecret: { namespace: "clients" } });
  return stack;
}

describe("KongGateway", () => {
  test("configures the kong provider with the admin URL and safe defaults", () => {
    // GIVEN a gateway with a literal admin URL WHEN synthesized THEN the provider has it, pinned to 6.5.1, and
    // compares plugin configs strictly (hand edits in Kong show in plan)
    const stack = new TerraformStack(Testing.app(), "s");
    new KongGateway(stack, "gw", { adminUrl: "http://kong-admin:8001" });
    const json = synth(stack);
    expect(json.provider.kong).toEqual([{ kong_admin_uri: "http://kong-admin:8001", strict_plugins_match: true, tls_skip_verify: false }]);
    expect(json.terraform.required_providers.kong).toEqual({ source: "kevholditch/kong", version: "6.5.1" });
  });

  test("strictPluginsMatch: false compares plugin configs only at apply (hand edits in Kong stay unseen)", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new KongGateway(stack, "gw", { adminUrl: "http://kong-admin:8001", strictPluginsMatch: false });
    expect(synth(stack).provider.kong[0].strict_plugins_match).toBe(false);
  });

  test("without adminUrl: a kong_admin_url variable", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const gw = new KongGateway(stack, "gw");
    const json = synth(stack);
    expect(json.variable.kong_admin_url).toEqual({ type: "string", description: "URL of the Kong Admin API, e.g. http://kong-admin.kong.svc.cluster.local:8001" });
    expect(json.variable.kong_admin_uri).toBeUndefined();
    expect(json.provider.kong[0].kong_admin_uri).toBe("${var.kong_admin_url}");
    expect(gw.adminUrl).toContain("${TfToken[");
  });

  test("a whole gateway: every entity type, references not copies", () => {
    // GIVEN a service behind key-auth + ACL + rate limit and a consumer WHEN synthesized THEN all entities are there
    const json = synth(build(Testing.app()));
    expect(Object.keys(json.resource).sort()).toEqual([
      "kong_consumer",
      "kong_consumer_acl",
      "kong_consumer_key_auth",
      "kong_plugin",
      "kong_route",
      "kong_service",
      "kong_target",
      "kong_upstream",
      "kubernetes_secret_v1",
      "random_password",
      "terraform_data",
    ]);
    expect(resources(json, "kong_consumer_acl")[0].consumer_id).toMatch(/^\$\{kong_consumer\.[\w-]+\.id\}$/);
    expect(resources(json, "kong_target")[0].upstream_id).toMatch(/^\$\{kong_upstream\.[\w-]+\.id\}$/);
    expect(resources(json, "kong_plugin").map((p) => p.name).sort()).toEqual(["acl", "correlation-id", "key-auth", "prometheus", "rate-limiting"]);
  });

  test("determinism: two synths of the same app are byte-identical", () => {
    // GIVEN the same construction twice WHEN synthesized THEN the JSON is the same bytes
    expect(Testing.synth(build(Testing.app()), true)).toBe(Testing.synth(build(Testing.app()), true));
  });

  test("a global ACL needs a global authentication plugin", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const gw = new KongGateway(stack, "gw", { adminUrl: "http://k:8001" });
    gw.addPlugin(Plugin.acl({ allow: ["a"] }));
    expect(() => Testing.synth(stack, true)).toThrow(
      '[s/gw] plugins ("acl") needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on the gateway (globally): without one Kong cannot identify the consumer and the ACL refuses every request',
    );
    gw.addPlugin(Plugin.jwt());
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("rejects an admin URL that is not http(s)", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => new KongGateway(stack, "gw", { adminUrl: "kong-admin:8001" })).toThrow(
      '[s/gw] adminUrl ("kong-admin:8001") must be an http:// or https:// URL, e.g. http://kong-admin.kong.svc.cluster.local:8001',
    );
  });

  test("rejects a second gateway in one stack (one kong provider per stack)", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new KongGateway(stack, "gw", { adminUrl: "http://k:8001" });
    expect(() => new KongGateway(stack, "gw2", { adminUrl: "http://k:8001" })).toThrow(
      '[s/gw2] scope ("s") already holds the KongGateway s/gw: one gateway (one kong provider) per stack; put the second gateway in its own stack',
    );
  });

  test("rejects wrong option types", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => new KongGateway(stack, "gw", { adminUrl: "http://k:8001", workspace: "", tlsSkipVerify: "no" as any })).toThrow(
      ['[s/gw] workspace ("") must be a non-empty string', '[s/gw] tlsSkipVerify ("no") must be true or false'].join("\n"),
    );
  });

  test.each([
    ["user and password", "https://admin:s3cr3t@kong:8444", "https://<redacted>@kong:8444"],
    ["a user only", "http://admin@kong-admin:8001/", "http://<redacted>@kong-admin:8001/"],
  ])("rejects an admin URL carrying credentials (%s), without repeating them", (_what, uri, shown) => {
    // GIVEN credentials in the admin URL WHEN the gateway is created THEN refused, pointing to adminCredentials
    const stack = new TerraformStack(Testing.app(), "s");
    const message = errorOf(() => new KongGateway(stack, "g", { adminUrl: uri }));
    expect(message).toBe(
      `[s/g] adminUrl (${JSON.stringify(shown)}) must not carry a username or password: they would be stored in plain text in the Terraform JSON and state. Remove them from the URL and set adminCredentials: AdminCredentials.basicAuth(), .token() or .apiKey() (sensitive Terraform variables)`,
    );
    expect(message).not.toContain("s3cr3t");
  });

  test("an admin URL with an @ only in its path or query is fine", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => new KongGateway(stack, "g", { adminUrl: "http://kong-admin:8001/x?by=a@b" })).not.toThrow();
  });

  test("the ACL-without-authentication error keeps the [path] field (value) message style inside cdktf's report", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const gw = new KongGateway(stack, "gw", { adminUrl: "http://k:8001" });
    gw.addPlugin(Plugin.acl({ allow: ["a"] }));
    let message = "";
    try {
      Testing.synth(stack, true);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      "Validation failed with the following errors:\n" +
        '  [s/gw] plugins ("acl") needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on the gateway (globally): without one Kong cannot identify the consumer and the ACL refuses every request\n\n' +
        "If you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n",
    );
  });

  test("isGateway: true for a KongGateway and an imported one, false for anything else", () => {
    const app = Testing.app();
    const gw = new KongGateway(new TerraformStack(app, "a"), "gw", { adminUrl: "http://k:8001" });
    const imported = KongGateway.fromAdminUrl(new TerraformStack(app, "b"), "kong", { adminUrl: "http://k:8001" });
    expect([gw, imported, {}, undefined, new TerraformStack(app, "c")].map((x) => KongGateway.isGateway(x))).toEqual([true, true, false, false, false]);
  });

  test("adminUrl is the literal given (see above for the variable's reference)", () => {
    expect(new KongGateway(new TerraformStack(Testing.app(), "a"), "gw", { adminUrl: "http://k:8001" }).adminUrl).toBe("http://k:8001");
  });
});
