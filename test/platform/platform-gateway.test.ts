import { Testing } from "cdktf";
import { AdminEndpoint, AiPlatform, ProxyEndpoint, ProxyTls } from "../../lib";
import { resources, synth, synthProblems } from "../helpers";

const PROXY = ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"], externalTrafficPolicy: "Local" });

describe("the platform's gateway stack", () => {
  test("default: the provider reaches the Admin API through kubectl port-forward, without a credential", () => {
    const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY }, plainHttp: true });
    const gw = synth(platform.gatewayStack);
    expect(gw.variable.kong_admin_url.default).toBe("http://localhost:8001");
    expect(gw.variable.kong_api_key).toBeUndefined();
    expect(gw.provider.kong[0].kong_api_key).toBeUndefined();
    expect(platform.adminApiRoute).toBeUndefined();
    expect(platform.adminPortForward).toBe("kubectl -n kong port-forward svc/kong-admin 8001");
  });

  describe("with the Admin API through the proxy", () => {
    const platform = new AiPlatform(Testing.app(), "acme", {
      environment: "prod",
      namespaces: { kong: "acme-kong" },
      kong: {
        proxy: PROXY,
        tls: ProxyTls.fromSecret({ secretName: "acme-tls", hosts: ["ai.acme.example", "kong-admin.acme.example"] }),
        admin: AdminEndpoint.throughProxy({ host: "kong-admin.acme.example", sourceRanges: ["10.99.0.0/24"] }),
      },
    });
    const gw = synth(platform.gatewayStack);

    test("the provider sends the sensitive kong_api_key to the route's HTTPS URL by default", () => {
      expect(gw.provider.kong[0]).toMatchObject({ kong_admin_uri: "${var.kong_admin_url}", kong_api_key: "${var.kong_api_key}", tls_skip_verify: false });
      expect(gw.variable.kong_admin_url.default).toBe("https://kong-admin.acme.example");
      expect(gw.variable.kong_api_key).toMatchObject({ type: "string", sensitive: true, nullable: false });
      expect(gw.variable.kong_api_key.default).toBeUndefined();
    });

    test("the first apply goes through port-forward: the variable's description says how", () => {
      expect(gw.variable.kong_admin_url.description).toBe(
        "Kong Admin API URL as seen from where Terraform runs: the default is its route on the proxy (key-auth with kong_api_key); for the first apply, before that route exists, run `kubectl -n acme-kong port-forward svc/kong-admin 8001` and set http://localhost:8001",
      );
    });

    test("the same stack creates the route, its plugins and the consumer whose key is kong_api_key", () => {
      expect(platform.adminApiRoute?.node.path).toBe("acme-gateway-prod/gateway/admin-api");
      expect(resources(gw, "kong_consumer_key_auth").map((k) => k.key)).toEqual(["${var.kong_api_key}"]);
      expect(JSON.stringify(gw)).not.toMatch(/"key":"(?!\$\{)/);
    });

    test("a platform consumer may not join the Admin API's group", () => {
      platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0", allowedGroups: ["ocr", "kong-admin"] });
      platform.addConsumer("web", { username: "web", aclGroups: ["kong-admin"], keyAuth: true });
      expect(synthProblems(platform.gatewayStack)).toEqual([
        "[acme-gateway-prod/gateway/admin-api] aclGroups of the consumer acme-gateway-prod/gateway/web (\"kong-admin\") would let its key reconfigure the gateway through the Admin API's route: the group is reserved for the Admin API's own consumer; remove it",
      ]);
    });
  });
});
