import { ProxyTls } from "../../../lib/kong/proxy-tls";
import { CaCertificate } from "../../../lib/kubernetes/ca-certificate";
import { DetectionService, DetectionServiceProps } from "../../../lib/models/detection-service";
import { errorOf, Json, only, resources } from "../../helpers";
import { faceProps, KONG, model, setup } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** Kong's proxy pods with a certificate for `hosts` (and, optionally, a CA for TLS model servers): what a KongCluster provides. */
function kongWith(hosts: string[] | undefined, upstreamCaCertificate?: CaCertificate) {
  return { ...KONG, tls: hosts ? ProxyTls.fromSecret({ secretName: "api-tls", hosts }) : undefined, upstreamCaCertificate };
}

function rejected(overrides: Partial<DetectionServiceProps>): string {
  const { stack, gateway } = setup();
  return errorOf(() => new DetectionService(stack, "face", faceProps(gateway, overrides)));
}

const route = (json: Json) => only(json, "kong_route");
const container = (json: Json) => only(json, "kubernetes_deployment_v1").spec.template.spec.container[0];

describe("a model's client side: httpsOnly", () => {
  test("default: http and https, Kong's default 426 kept on the route", () => {
    expect(route(model().json)).toMatchObject({ protocols: ["http", "https"], https_redirect_status_code: 426 });
  });

  test("httpsOnly: the route accepts https only; plain HTTP gets 426, or the redirect asked for", () => {
    const kong = kongWith(["*.example.com"]);
    expect(route(model({ kong, httpsOnly: true }).json)).toMatchObject({ protocols: ["https"], https_redirect_status_code: 426 });
    expect(route(model({ kong, httpsOnly: true, httpsRedirectStatusCode: 308 }).json)).toMatchObject({ protocols: ["https"], https_redirect_status_code: 308 });
  });

  test("a gRPC model accepts grpcs only", () => {
    const json = model({ kong: kongWith(["api.example.com"]), protocol: "grpc", httpsOnly: true, routes: [{ paths: ["/face.v1.Detector/"] }] }).json;
    expect(route(json).protocols).toEqual(["grpcs"]);
  });

  test("HTTPS-only with no certificate on Kong's proxy", () => {
    expect(rejected({ kong: kongWith(undefined), httpsOnly: true })).toBe(
      "[platform/face] httpsOnly (true) needs a certificate on Kong's proxy, and the KongCluster given as kong has no tls: clients would meet Kong's self-signed certificate. Set tls: ProxyTls.fromSecret({ secretName, hosts }) on the KongCluster (kong.tls of AiPlatform), or httpsOnly: false",
    );
    // a peer that does not say whether it has a certificate is not checked
    expect(route(model({ kong: KONG, httpsOnly: true }).json).protocols).toEqual(["https"]);
  });

  test("a route host the certificate does not name", () => {
    const kong = kongWith(["api.example.com", "*.models.example.com"]);
    expect(rejected({ kong, httpsOnly: true, routes: [{ paths: ["/v1/face"], hosts: ["api.example.com", "face.models.example.com", "face.example.org"] }] })).toBe(
      '[platform/face] routes[0].hosts[2] ("face.example.org") is not among the hosts of Kong\'s certificate (["api.example.com","*.models.example.com"]): clients calling it over HTTPS would refuse the certificate. Add it to the KongCluster\'s tls.hosts (and the certificate\'s dnsNames), or change the route\'s hosts',
    );
  });

  test("a redirect status without httpsOnly, on a gRPC model, or that Kong does not know", () => {
    expect(rejected({ httpsRedirectStatusCode: 301 })).toBe(
      "[platform/face] httpsRedirectStatusCode (301) only applies with httpsOnly: true (a route that accepts http never answers with it); set httpsOnly: true or remove it",
    );
    expect(rejected({ kong: kongWith(["a.io"]), httpsOnly: true, protocol: "grpc", httpsRedirectStatusCode: 308, routes: [{ paths: ["/a.B/"] }] })).toBe(
      "[platform/face] httpsRedirectStatusCode (308) does not apply to a gRPC model: Kong's plain-HTTP listener never carries gRPC, so there is nothing to redirect; remove it",
    );
    expect(rejected({ httpsOnly: true, httpsRedirectStatusCode: 303 as never })).toBe('[platform/face] httpsRedirectStatusCode (303) must be one of 426, 301, 302, 307, 308');
    expect(rejected({ httpsOnly: "yes" as never })).toBe("[platform/face] httpsOnly (\"yes\") must be true or false");
  });
});

describe("a model's server side: serverTls", () => {
  const kong = kongWith(undefined, CaCertificate.fromConfigMap("models-ca"));

  test("Kong connects over https and verifies; the server's Secret is mounted read-only; probes speak HTTPS", () => {
    const { json } = model({ kong, serverTls: { secretName: "face-tls" } });
    expect(only(json, "kong_service")).toMatchObject({ protocol: "https", tls_verify: true });
    const pod = only(json, "kubernetes_deployment_v1").spec.template.spec;
    expect(pod.volume).toContainEqual({ name: "server-tls", secret: { secret_name: "face-tls", items: [{ key: "tls.crt", path: "tls.crt" }, { key: "tls.key", path: "tls.key" }] } });
    const c = container(json);
    expect(c.volume_mount).toContainEqual({ name: "server-tls", mount_path: "/etc/model-tls", read_only: true });
    expect(c.port).toEqual([{ name: "https", container_port: 8080, protocol: "TCP" }]);
    for (const probe of [c.startup_probe, c.readiness_probe, c.liveness_probe]) expect(probe.http_get).toMatchObject({ scheme: "HTTPS", port: "https" });
    expect(only(json, "kubernetes_service_v1").spec.port[0]).toMatchObject({ name: "https", target_port: "https" });
  });

  test("a canary's track serves TLS too; verify: false encrypts without verifying", () => {
    const { json } = model({ kong: KONG, serverTls: { secretName: "face-tls", verify: false }, canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    expect(only(json, "kong_service")).toMatchObject({ protocol: "https", tls_verify: false });
    for (const d of resources(json, "kubernetes_deployment_v1")) expect(d.spec.template.spec.volume.map((v: any) => v.name)).toContain("server-tls");
  });

  test("default: plain http, no tls_verify, no mount", () => {
    const { json } = model();
    expect(only(json, "kong_service").protocol).toBe("http");
    expect(only(json, "kong_service").tls_verify).toBeUndefined();
    expect(container(json).readiness_probe.http_get.scheme).toBeUndefined();
  });

  test("verification needs a CA Kong trusts; gRPC cannot; the Secret is required", () => {
    expect(rejected({ kong: kongWith(undefined), serverTls: { secretName: "face-tls" } })).toBe(
      "[platform/face] serverTls.verify (true) needs the KongCluster's upstreamCaCertificate: Kong trusts no CA for upstreams, so every handshake with the model would fail. Set upstreamCaCertificate on the KongCluster (kong.upstreamCaCertificate of AiPlatform), or serverTls.verify: false to encrypt without verifying",
    );
    expect(rejected({ kong, protocol: "grpc", routes: [{ paths: ["/a.B/"] }], serverTls: { secretName: "face-tls" } })).toBe(
      "[platform/face] serverTls ({\"secretName\":\"face-tls\"}) is not available for a gRPC model: Kubernetes' gRPC probes cannot speak TLS, and Kong 3.9 cannot verify one grpcs service without verifying them all; serve gRPC in clear text inside the cluster (the model's NetworkPolicy admits only Kong)",
    );
    expect(rejected({ kong, serverTls: {} as never })).toBe(
      "[platform/face] serverTls.secretName (undefined) is required: the TLS Secret in the model's namespace (keys tls.crt and tls.key) with the server's certificate",
    );
    expect(rejected({ kong, serverTls: "face-tls" as never })).toBe('[platform/face] serverTls ("face-tls") must be { secretName, verify? }');
  });
});
