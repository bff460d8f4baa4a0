import { curlSession } from "../../lib/catalog/curl";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { catalogOf, defaultApp, gatewaySetup } from "./helpers";

describe("curlSession", () => {
  test("the default app (dev): the proxy's address from its output, a key from its Secret, one POST per route", () => {
    expect(curlSession(defaultApp("dev").platform.catalog!.data())).toBe(
      [
        "# Kong's proxy: its load balancer's address, the output kong_proxy_address of stack ai-platform-dev",
        'export KONG_PROXY="$(terraform -chdir=cdktf.out/stacks/ai-platform-dev output -raw kong_proxy_address)"',
        `export API_KEY="$(kubectl -n kong get secret kong-consumer-mobile-app -o jsonpath='{.data.key-auth}' | base64 -d)"   # your key-auth key, e.g. consumer mobile-app's`,
        "",
        "# content-moderation: route content-moderation, POST /v1/content-moderation",
        'curl -X POST "http://$KONG_PROXY/v1/content-moderation" -H "apikey: $API_KEY" --data-binary @input',
        "# face-detection: route face-detection, POST /v1/face-detection",
        'curl -X POST "http://$KONG_PROXY/v1/face-detection" -H "apikey: $API_KEY" --data-binary @input',
        "# pet-detection: route pet-detection, POST /v1/pet-detection",
        'curl -X POST "http://$KONG_PROXY/v1/pet-detection" -H "apikey: $API_KEY" --data-binary @input',
      ].join("\n"),
    );
  });

  test("prod: HTTPS-only routes are called at a host name of the proxy's certificate; the Admin API's route is left out", () => {
    const lines = curlSession(defaultApp("prod").platform.catalog!.data()).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `export API_KEY="$(kubectl -n kong get secret kong-consumer-mobile-app -o jsonpath='{.data.key-auth}' | base64 -d)"   # your key-auth key, e.g. consumer mobile-app's`,
      "",
      "# content-moderation: route content-moderation, POST /v1/content-moderation",
      'curl -X POST "https://ai.prod.internal/v1/content-moderation" -H "apikey: $API_KEY" --data-binary @input',
    ]);
    expect(lines.join("\n")).not.toContain("kong-admin");
  });

  test("a fixed proxy address is exported as it is", () => {
    const data = defaultApp("dev").platform.catalog!.data();
    const lines = curlSession({ ...data, proxy: { ...data.proxy!, address: "10.1.2.3" } }).split("\n");
    expect(lines[0]).toBe("export KONG_PROXY=10.1.2.3   # Kong's proxy (LoadBalancer)");
  });

  test("each route's credential where it is read, its host, scheme and matching headers; no body for GET; gRPC skipped", () => {
    const { gateway } = gatewaySetup();
    const q = gateway.addService("q", { host: "q.local" });
    q.addPlugin(Plugin.keyAuth({ keyNames: ["key"], keyInHeader: false }));
    q.addRoute("r", { paths: ["/q"], methods: ["GET"], hosts: ["*.example.com"], protocols: ["https"], headers: { "x-v": ["2", "3"] } });
    const j = gateway.addService("j", { host: "j.local" });
    j.addPlugin(Plugin.jwt({ uriParamNames: [] }));
    j.addRoute("r", { paths: ["/j"] });
    const b = gateway.addService("b", { host: "b.local" });
    b.addPlugin(Plugin.custom("basic-auth", {}));
    b.addRoute("r", { paths: ["/b"], methods: ["DELETE"] });
    gateway.addService("g", { host: "g.local", protocol: "grpc" }).addRoute("r", { paths: ["/g.G"], protocols: ["grpc"] });
    gateway.addConsumer("app", { username: "app", jwt: {}, sensitiveOutputs: true });
    expect(curlSession(catalogOf(gateway)).split("\n")).toEqual([
      "export KONG_PROXY=<address of Kong's proxy>",
      "export KONG_USERNAME=<username> KONG_PASSWORD=<password>   # your basic-auth credential",
      "export JWT=<a JWT signed with your jwt-secret (algorithm jwt-algorithm), its iss claim your jwt-key>   # your JWT credential, e.g. consumer app's",
      'export API_KEY="<your key>"   # your key-auth key',
      "",
      "# b: route b-r, DELETE /b",
      'curl -X DELETE "http://$KONG_PROXY/b" -u "$KONG_USERNAME:$KONG_PASSWORD"',
      "# j: route j-r, POST /j",
      'curl -X POST "http://$KONG_PROXY/j" -H "Authorization: Bearer $JWT" --data-binary @input',
      "# q: route q-r, GET /q on *.example.com",
      'curl -X GET "https://api.example.com/q?key=$API_KEY" -H "x-v: 2"',
    ]);
  });
});
