import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AdminApiRoute } from "../../lib/gateway/admin-api-route";
import { AdminCredentials } from "../../lib/gateway/admin-credentials";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { synthProblems } from "../helpers";
import { errorOf, pluginConfig, resources, synth } from "./helpers";


/** GIVEN a gateway whose provider sends the sensitive variable kong_api_key, and the Admin API's route on it. */
function setup(props: { path?: string } = {}) {
  const stack = new TerraformStack(Testing.app(), "stack");
  const apiKey = new TerraformVariable(stack, "kong_api_key", { type: "string", sensitive: true });
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "https://kong-admin.example.com", adminCredentials: AdminCredentials.apiKey(apiKey) });
  const admin = new AdminApiRoute(gateway, "admin-api", { host: "kong-admin.example.com", sourceRanges: ["10.99.0.0/24"], apiKey, ...props });
  return { stack, gateway, apiKey, admin };
}

describe("AdminApiRoute", () => {
  const { stack, admin } = setup();
  const json = synth(stack);

  test("a Kong service for the Admin API on the pod's loopback", () => {
    expect(resources(json, "kong_service")).toEqual([
      expect.objectContaining({ name: "kong-admin-api", host: "127.0.0.1", port: 8001, protocol: "http" }),
    ]);
  });

  test("one route: HTTPS only (426 for plain HTTP), its own host, the whole path stripped", () => {
    expect(resources(json, "kong_route")).toEqual([
      expect.objectContaining({ name: "kong-admin-api", protocols: ["https"], hosts: ["kong-admin.example.com"], paths: ["/"], strip_path: true, https_redirect_status_code: 426 }),
    ]);
    expect(admin.route.name).toBe("kong-admin-api");
  });

  test("the route's plugins: ip-restriction for the allowed ranges, key-auth from the apikey header only, an ACL for kong-admin", () => {
    expect(resources(json, "kong_plugin").map((p) => [p.name, p.route_id !== undefined]).sort()).toEqual([
      ["acl", true],
      ["ip-restriction", true],
      ["key-auth", true],
    ]);
    expect(pluginConfig(json, "ip-restriction")).toMatchObject({ allow: ["10.99.0.0/24"] });
    expect(pluginConfig(json, "key-auth")).toMatchObject({ key_names: ["apikey"], hide_credentials: true, key_in_header: true, key_in_query: false, key_in_body: false });
    expect(pluginConfig(json, "acl")).toMatchObject({ allow: ["kong-admin"], hide_groups_header: true });
  });

  test("one consumer kong-admin in the group kong-admin, whose key is the provider's variable: nothing secret in the JSON", () => {
    expect(resources(json, "kong_consumer").map((c) => c.username)).toEqual(["kong-admin"]);
    expect(resources(json, "kong_consumer_acl").map((a) => a.group)).toEqual(["kong-admin"]);
    expect(resources(json, "kong_consumer_key_auth").map((k) => k.key)).toEqual(["${var.kong_api_key}"]);
    expect(json.provider.kong[0].kong_api_key).toBe("${var.kong_api_key}");
    expect(json.variable.kong_api_key.sensitive).toBe(true);
  });

  test("a path prefix", () => {
    const { stack: s } = setup({ path: "/kong-admin" });
    expect(resources(synth(s), "kong_route")[0].paths).toEqual(["/kong-admin"]);
  });

  test("refuses plugins of its own: the route has exactly the ones that protect it", () => {
    expect(errorOf(() => admin.addPlugin(Plugin.cors({ origins: ["*"] })))).toBe(
      "[stack/gateway/admin-api] plugins (\"cors\") cannot be added to the Admin API's scope: its route has exactly the plugins that protect it; add global plugins to the gateway",
    );
  });

  test("refuses a missing host or ranges, a literal key and a key Terraform would print", () => {
    const s = new TerraformStack(new App(), "s");
    const gateway = new KongGateway(s, "gateway", { adminUrl: "https://kong-admin.example.com" });
    const plain = new TerraformVariable(s, "plain", { type: "string" });
    expect(errorOf(() => new AdminApiRoute(gateway, "a", { apiKey: "hunter2" } as never))).toBe(
      [
        '[s/gateway/a] host (undefined) is required: the host name of the Admin API on the proxy, e.g. "kong-admin.example.com"',
        '[s/gateway/a] sourceRanges (undefined) must be a literal, non-empty list of CIDR blocks allowed to call the Admin API, e.g. ["10.99.0.0/24"]',
        "[s/gateway/a] apiKey (\"<literal>\") must be a TerraformVariable with sensitive: true (the one AdminCredentials.apiKey() gives the provider), never a literal",
      ].join("\n"),
    );
    expect(errorOf(() => new AdminApiRoute(gateway, "b", { host: "k.example.com", sourceRanges: ["10.0.0.0/8"], apiKey: plain }))).toBe(
      '[s/gateway/b] apiKey ("plain") must be declared with sensitive: true so Terraform never prints it',
    );
  });

  test("another consumer in the group kong-admin is refused at synth: its key would reach the Admin API", () => {
    const { stack: s, gateway } = setup();
    gateway.addConsumer("web", { username: "web", aclGroups: ["ocr", "kong-admin"] });
    expect(synthProblems(s)).toEqual([
      "[stack/gateway/admin-api] aclGroups of the consumer stack/gateway/web (\"kong-admin\") would let its key reconfigure the gateway through the Admin API's route: the group is reserved for the Admin API's own consumer; remove it",
    ]);
  });
});
