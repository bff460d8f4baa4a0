import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { curlSession } from "../../lib/catalog/curl";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import type { GatewayService } from "../../lib/gateway/service";
import { catalogOf, defaultApp, gatewaySetup } from "./helpers";

const RSA_PUBLIC_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

/** A service `name` with one route `/<name>` and `policy`. */
function serviceWith(gateway: ReturnType<typeof gatewaySetup>["gateway"], name: string, policy: Parameters<GatewayService["addPlugin"]>[0]): void {
  const service = gateway.addService(name, { host: `${name}.local` });
  service.addPlugin(policy);
  service.addRoute("r", { paths: [`/${name}`] });
}

describe("curlSession", () => {
  test("the default app (dev): the proxy's address from its output, per route a consumer its ACL admits, keys from their Secrets", () => {
    expect(curlSession(defaultApp("dev").platform.catalog!.data())).toBe(
      [
        "# Kong's proxy: its load balancer's address, the output kong_proxy_address of stack ai-platform-dev",
        'export KONG_PROXY="$(terraform -chdir=cdktf.out/stacks/ai-platform-dev output -raw kong_proxy_address)"',
        `export MOBILE_APP_API_KEY="$(kubectl -n kong get secret kong-consumer-mobile-app -o jsonpath='{.data.key-auth}' | base64 -d)"   # consumer mobile-app's key-auth key`,
        `export PARTNER_ACME_API_KEY="$(kubectl -n kong get secret kong-consumer-partner-acme -o jsonpath='{.data.key-auth}' | base64 -d)"   # consumer partner-acme's key-auth key`,
        "",
        // mobile-app's groups are face-detection and pet-detection: content-moderation is called as partner-acme
        "# content-moderation: route content-moderation, POST /v1/content-moderation, as consumer partner-acme",
        'curl -X POST "http://$KONG_PROXY/v1/content-moderation" -H "apikey: $PARTNER_ACME_API_KEY" --data-binary @input',
        "# face-detection: route face-detection, POST /v1/face-detection, as consumer mobile-app",
        'curl -X POST "http://$KONG_PROXY/v1/face-detection" -H "apikey: $MOBILE_APP_API_KEY" --data-binary @input',
        "# pet-detection: route pet-detection, POST /v1/pet-detection, as consumer mobile-app",
        'curl -X POST "http://$KONG_PROXY/v1/pet-detection" -H "apikey: $MOBILE_APP_API_KEY" --data-binary @input',
      ].join("\n"),
    );
  });

  test("prod: HTTPS-only routes are called at a host name of the proxy's certificate, which must resolve to the proxy; no Admin API", () => {
    const lines = curlSession(defaultApp("prod").platform.catalog!.data()).split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "# ai.prod.internal: DNS names that must resolve to Kong's proxy (10.20.0.10); until they do, add",
      "#   --resolve <host>:<port>:<the proxy's IP address> to a command",
      `export MOBILE_APP_API_KEY="$(kubectl -n kong get secret kong-consumer-mobile-app -o jsonpath='{.data.key-auth}' | base64 -d)"   # consumer mobile-app's key-auth key`,
    ]);
    expect(lines).toContain('curl -X POST "https://ai.prod.internal/v1/content-moderation" -H "apikey: $PARTNER_ACME_API_KEY" --data-binary @input');
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
      `export KONG_PROXY="<address of Kong's proxy>"`,
      'export API_KEY="<your key>"   # your key-auth key',
      'export APP_JWT_KEY="$(terraform -chdir=cdktf.out/stacks/edge output -raw consumer_app_jwt_key)"   # the token\'s iss claim',
      'export APP_JWT_ALGORITHM="$(terraform -chdir=cdktf.out/stacks/edge output -raw consumer_app_jwt_algorithm)"',
      'export APP_JWT_SECRET="$(terraform -chdir=cdktf.out/stacks/edge output -raw consumer_app_jwt_secret)"   # HMAC: the token is signed with it',
      "# consumer app's JWT: signed with $APP_JWT_SECRET (algorithm $APP_JWT_ALGORITHM), iss = $APP_JWT_KEY",
      "export APP_JWT='<the signed token>'",
      "export KONG_USERNAME='<username>' KONG_PASSWORD='<password>'   # your basic-auth credential",
      "",
      "# b: route b-r, DELETE /b, with your own credential (no consumer of this app holds one that may call it)",
      'curl -X DELETE "http://$KONG_PROXY/b" -u "$KONG_USERNAME:$KONG_PASSWORD"',
      "# j: route j-r, POST /j, as consumer app",
      'curl -X POST "http://$KONG_PROXY/j" -H "Authorization: Bearer $APP_JWT" --data-binary @input',
      "# q: route q-r, GET /q on *.example.com, with your own credential (no consumer of this app holds one that may call it)",
      'curl -X GET "https://api.example.com/q?key=$API_KEY" -H "x-v: 2"',
    ]);
  });

  test("an asymmetric JWT credential: signed with the private key only its owner holds; no secret is read", () => {
    const { gateway } = gatewaySetup();
    serviceWith(gateway, "j", Plugin.jwt({ uriParamNames: [] }));
    gateway.addConsumer("app", { username: "app", jwt: { algorithm: "RS256", rsaPublicKey: RSA_PUBLIC_KEY }, sensitiveOutputs: true });
    const lines = curlSession(catalogOf(gateway)).split("\n");
    expect(lines.filter((l) => l.includes("APP_JWT_SECRET"))).toEqual([]);
    expect(lines).toContain("# consumer app's JWT: signed with the private key that matches the credential's public key (algorithm $APP_JWT_ALGORITHM), iss = $APP_JWT_KEY");
  });

  test("every session is valid shell: the default apps, and placeholders of every credential kind", () => {
    const { gateway } = gatewaySetup();
    serviceWith(gateway, "j", Plugin.jwt({ uriParamNames: [] }));
    serviceWith(gateway, "b", Plugin.custom("basic-auth", {}));
    const sessions = [curlSession(defaultApp("dev").platform.catalog!.data()), curlSession(defaultApp("prod").platform.catalog!.data()), curlSession(catalogOf(gateway))];
    expect(sessions[2]).toContain("export JWT='<the signed token>'");
    for (const session of sessions) {
      const check = spawnSync("bash", ["-n"], { input: session, encoding: "utf8" });
      expect([check.status, check.stderr]).toEqual([0, ""]);
    }
  });
});
