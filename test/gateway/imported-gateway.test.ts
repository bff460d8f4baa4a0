import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { errorOf, resources, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

/** A model team's app: its own stack, attached to the platform's Kong through a variable. */
function teamApp() {
  const stack = new TerraformStack(Testing.app(), "team");
  const url = new TerraformVariable(stack, "platform_kong_admin_url", { type: "string" });
  const kong = KongGateway.fromAdminUrl(stack, "kong", { adminUrl: url.stringValue });
  return { stack, kong };
}

describe("KongGateway.fromAdminUrl", () => {
  test("configures the kong provider of the app's own stack with the given URL", () => {
    // GIVEN an imported gateway WHEN synthesized THEN the stack's kong provider talks to the given admin URL
    const { stack, kong } = teamApp();
    const json = synth(stack);
    expect(json.provider.kong).toEqual([{ kong_admin_uri: "${var.platform_kong_admin_url}", strict_plugins_match: true, tls_skip_verify: false }]);
    expect(json.variable.kong_admin_url).toBeUndefined();
    expect(kong.stack).toBe(stack);
    expect(kong.provider.node.path).toBe("team/kong/Provider");
    expect(KongGateway.isGateway(kong)).toBe(true);
  });

  test("services, routes, plugins, upstreams and consumers are added as on a KongGateway", () => {
    const { stack, kong } = teamApp();
    const svc = kong.addService("face-v2", { host: "face-v2.team.svc.cluster.local" });
    svc.addRoute("v2", { paths: ["/v2/face"], methods: ["POST"] });
    svc.addPlugin(Plugin.keyAuth());
    svc.addPlugin(Plugin.acl({ allow: ["vision"] }));
    kong.addUpstream("up", { name: "face-v2.upstream" });
    kong.addConsumer("tester", { username: "team-tester" });
    const json = synth(stack);
    expect(resources(json, "kong_service").map((s) => s.name)).toEqual(["face-v2"]);
    expect(resources(json, "kong_route")[0].service_id).toMatch(/^\$\{kong_service\.[\w-]+\.id\}$/);
    expect(resources(json, "kong_plugin").map((p) => p.name).sort()).toEqual(["acl", "key-auth"]);
    expect(Object.keys(json.resource).sort()).toEqual(["kong_consumer", "kong_plugin", "kong_route", "kong_service", "kong_upstream", "terraform_data"]);
  });

  test("names are unique among the entities the app adds", () => {
    const { kong } = teamApp();
    kong.addService("a", { name: "face-v2", host: "a" });
    expect(errorOf(() => kong.addService("b", { name: "face-v2", host: "b" }))).toBe(
      '[team/kong/b] name ("face-v2") is already the name of the service team/kong/a: Kong service names are unique',
    );
    expect(kong.names.holderOf("service", "face-v2")).toBe("team/kong/a");
  });

  test("refuses global plugins: they belong to the gateway's owner", () => {
    // GIVEN an imported gateway WHEN a global plugin is added THEN refused, naming the way out
    const { kong } = teamApp();
    expect(errorOf(() => kong.addPlugin(Plugin.prometheus()))).toBe(
      "[team/kong] plugins (\"prometheus\") cannot be added globally to a gateway imported with KongGateway.fromAdminUrl: a global plugin would apply to every service of the gateway but live in this app's Terraform state; attach it to your services, routes or consumers, or ask the gateway's owner to add it",
    );
  });

  test("its global plugins are unknown here, so an ACL needs authentication in this app", () => {
    const { stack, kong } = teamApp();
    kong.addService("s", { host: "s" }).addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).toThrow(
      '[team/kong/s] plugins ("acl") needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on this service, each of its routes, or the gateway (globally): without one Kong cannot identify the consumer and the ACL refuses every request',
    );
  });

  test("adminUrl is required and checked like KongGateway's", () => {
    const stack = new TerraformStack(Testing.app(), "team");
    expect(errorOf(() => KongGateway.fromAdminUrl(stack, "a", {} as any))).toBe(
      "[team/a] adminUrl (undefined) is required: the URL of the Kong Admin API of the gateway, e.g. http://kong-admin.kong.svc.cluster.local:8001",
    );
    const other = new TerraformStack(Testing.app(), "team");
    expect(errorOf(() => KongGateway.fromAdminUrl(other, "b", { adminUrl: "https://admin:pw@kong:8444", tlsSkipVerify: "yes" as any }))).toBe(
      [
        '[team/b] adminUrl ("https://<redacted>@kong:8444") must not carry a username or password: they would be stored in plain text in the Terraform JSON and state. Remove them from the URL and set adminCredentials: AdminCredentials.basicAuth(), .token() or .apiKey() (sensitive Terraform variables)',
        '[team/b] tlsSkipVerify ("yes") must be true or false',
      ].join("\n"),
    );
  });

  test("one gateway per stack, imported or not", () => {
    const { stack } = teamApp();
    expect(errorOf(() => new KongGateway(stack, "gw", { adminUrl: "http://k:8001" }))).toBe(
      '[team/gw] scope ("team") already holds the KongGateway team/kong: one gateway (one kong provider) per stack; put the second gateway in its own stack',
    );
  });
});
