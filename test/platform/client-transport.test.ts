import { Testing } from "cdktf";
import { AiPlatform, AiPlatformProps, ProxyEndpoint, ProxyTls } from "../../lib";
import { errorOf, resources, synth } from "../helpers";

const PROXY = ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] });
const TLS = ProxyTls.fromSecret({ secretName: "acme-tls", hosts: ["ai.acme.example"] });

/** GIVEN a platform with `props`, a model "ocr" (http) and a model "embed" (gRPC) WHEN the gateway stack is synthesized. */
function routes(props: Partial<AiPlatformProps>) {
  const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY, tls: TLS }, ...props });
  platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
  platform.addModel("embed", { name: "embed", image: "r/embed:1.0.0", protocol: "grpc", routes: [{ paths: ["/embed.v1.Embedder/"] }] });
  const byName = Object.fromEntries(resources(synth(platform.gatewayStack), "kong_route").map((r) => [r.name, r]));
  return { platform, ocr: byName.ocr, embed: byName.embed };
}

describe("what the platform's models accept from clients", () => {
  test("with kong.tls: HTTPS only (grpcs for gRPC), plain HTTP answered 426", () => {
    const { platform, ocr, embed } = routes({});
    expect([ocr.protocols, ocr.https_redirect_status_code, embed.protocols]).toEqual([["https"], 426, ["grpcs"]]);
    expect([platform.clientTransport.httpsOnly, platform.clientTransport.httpsRedirectStatusCode]).toEqual([true, 426]);
  });

  test("httpsRedirectStatusCode: a redirect instead (gRPC models unaffected)", () => {
    const { ocr, embed } = routes({ httpsRedirectStatusCode: 308 });
    expect([ocr.https_redirect_status_code, embed.protocols]).toEqual([308, ["grpcs"]]);
  });

  test("plainHttp: http and https, with or without a certificate", () => {
    const withTls = routes({ plainHttp: true });
    expect([withTls.ocr.protocols, withTls.embed.protocols]).toEqual([["http", "https"], ["grpc", "grpcs"]]);
    expect(withTls.platform.clientTransport.httpsOnly).toBe(false);
    const none = routes({ plainHttp: true, kong: { proxy: PROXY } });
    expect(none.ocr.protocols).toEqual(["http", "https"]);
  });

  test("a model's own choice wins over the platform's", () => {
    const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY, tls: TLS } });
    platform.addModel("legacy", { name: "legacy", image: "r/legacy:1.0.0", httpsOnly: false });
    expect(resources(synth(platform.gatewayStack), "kong_route")[0].protocols).toEqual(["http", "https"]);
  });

  test("a model that accepts http on a platform with a redirect status gets no redirect status (it would be refused)", () => {
    const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", httpsRedirectStatusCode: 308, kong: { proxy: PROXY, tls: TLS } });
    platform.addModel("legacy", { name: "legacy", image: "r/legacy:1.0.0", httpsOnly: false });
    const route = resources(synth(platform.gatewayStack), "kong_route")[0];
    expect([route.protocols, route.https_redirect_status_code]).toEqual([["http", "https"], 426]);
  });

  test("HTTPS-only with no certificate: plain HTTP must be chosen explicitly", () => {
    expect(errorOf(() => new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY } }))).toBe(
      "[acme] kong.tls (undefined) is required: the models' routes accept HTTPS only unless plainHttp is true, and HTTPS needs a certificate. Set kong.tls: ProxyTls.fromSecret({ secretName, hosts }), or plainHttp: true for development (API keys then cross the network in clear text)",
    );
    expect(errorOf(() => new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY }, plainHttp: false }))).toContain("[acme] kong.tls (undefined) is required");
  });

  test("a redirect status with plainHttp, a status Kong does not know, plainHttp not a boolean", () => {
    expect(errorOf(() => new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY }, plainHttp: true, httpsRedirectStatusCode: 301 }))).toBe(
      "[acme] httpsRedirectStatusCode (301) has no effect with plainHttp: true: the model routes accept http, so Kong never answers plain HTTP with it; remove one of them",
    );
    expect(errorOf(() => new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY, tls: TLS }, httpsRedirectStatusCode: 303 as never }))).toBe(
      "[acme] httpsRedirectStatusCode (303) must be one of 426, 301, 302, 307, 308",
    );
    expect(errorOf(() => new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY, tls: TLS }, plainHttp: "yes" as never }))).toBe(
      '[acme] plainHttp ("yes") must be true or false',
    );
  });

  test("a model route host the platform's certificate does not name", () => {
    const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", kong: { proxy: PROXY, tls: TLS } });
    expect(errorOf(() => platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0", routes: [{ paths: ["/v1/ocr"], hosts: ["ocr.other.example"] }] }))).toBe(
      '[acme-platform-dev/ocr] routes[0].hosts[0] ("ocr.other.example") is not among the hosts of Kong\'s certificate (["ai.acme.example"]): clients calling it over HTTPS would refuse the certificate. Add it to the KongCluster\'s tls.hosts (and the certificate\'s dnsNames), or change the route\'s hosts',
    );
  });
});
