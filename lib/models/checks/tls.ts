import { bool, oneOf, plainObject } from "../../core/checks";
import { describeValue, Problems } from "../../core/errors";
import { dns1123Subdomain } from "../../kubernetes/names";
import type { IKongProxyPeer } from "../model-isolation";
import type { DetectionServiceProps, ModelProtocol } from "../props";
import { MODEL_DEFAULTS, ResolvedModel, ResolvedRoute } from "../resolved";

type TlsSettings = Pick<ResolvedModel, "httpsOnly" | "httpsRedirectStatusCode" | "serverTls">;

/** Kong's `https_redirect_status_code` values (`kong/db/schema/entities/routes.lua`). */
const REDIRECT_CODES = [426, 301, 302, 307, 308] as const;

/**
 * TLS on both sides of Kong: clients to Kong (`httpsOnly`: a certificate on the proxy that names every route host)
 * and Kong to the model (`serverTls`: an HTTP model whose server terminates TLS, verified against a CA Kong trusts).
 */
export function checkTls(v: Problems, props: DetectionServiceProps, protocol: ModelProtocol, routes: ResolvedRoute[]): TlsSettings {
  const httpsOnly = props.httpsOnly ?? MODEL_DEFAULTS.httpsOnly;
  bool(v, "httpsOnly", props.httpsOnly);
  const code = props.httpsRedirectStatusCode;
  if (oneOf(v, "httpsRedirectStatusCode", code, REDIRECT_CODES) && code !== undefined) {
    if (httpsOnly !== true) {
      v.add("httpsRedirectStatusCode", code, "only applies with httpsOnly: true (a route that accepts http never answers with it); set httpsOnly: true or remove it");
    } else if (protocol === "grpc") {
      v.add("httpsRedirectStatusCode", code, "does not apply to a gRPC model: Kong's plain-HTTP listener never carries gRPC, so there is nothing to redirect; remove it");
    }
  }
  if (httpsOnly === true) checkClientCertificate(v, props.kong, routes);
  const serverTls = checkServerTls(v, props, protocol);
  return { httpsOnly: httpsOnly === true, httpsRedirectStatusCode: code ?? MODEL_DEFAULTS.httpsRedirectStatusCode, serverTls };
}

/** An https-only model needs Kong's proxy to serve a certificate, and that certificate to name every route host. */
function checkClientCertificate(v: Problems, kong: IKongProxyPeer | undefined, routes: ResolvedRoute[]): void {
  if (kong === null || typeof kong !== "object" || !("tls" in kong)) return;
  const tls = kong.tls;
  if (tls === undefined) {
    v.add(
      "httpsOnly",
      true,
      "needs a certificate on Kong's proxy, and the KongCluster given as kong has no tls: clients would meet Kong's self-signed certificate. Set tls: ProxyTls.fromSecret({ secretName, hosts }) on the KongCluster (kong.tls of AiPlatform), or httpsOnly: false",
    );
    return;
  }
  routes.forEach((r, i) =>
    (r.hosts ?? []).forEach((host, j) => {
      if (typeof host === "string" && !tls.covers(host)) {
        v.add(
          `routes[${i}].hosts[${j}]`,
          host,
          `is not among the hosts of Kong's certificate (${describeValue(tls.hosts)}): clients calling it over HTTPS would refuse the certificate. Add it to the KongCluster's tls.hosts (and the certificate's dnsNames), or change the route's hosts`,
        );
      }
    }),
  );
}

/** A server that terminates TLS: an HTTP model, its certificate from a Secret, verified when Kong trusts a CA. */
function checkServerTls(v: Problems, props: DetectionServiceProps, protocol: ModelProtocol): TlsSettings["serverTls"] {
  const t = props.serverTls;
  if (t === undefined) return undefined;
  if (!plainObject(v, "serverTls", t, "must be { secretName, verify? }")) return undefined;
  const before = v.count;
  if (t.secretName === undefined || t.secretName === "") {
    v.add("serverTls.secretName", t.secretName, "is required: the TLS Secret in the model's namespace (keys tls.crt and tls.key) with the server's certificate");
  } else {
    dns1123Subdomain(v, "serverTls.secretName", t.secretName);
  }
  bool(v, "serverTls.verify", t.verify);
  const verify = t.verify ?? MODEL_DEFAULTS.serverTlsVerify;
  if (protocol === "grpc") {
    v.add(
      "serverTls",
      t,
      "is not available for a gRPC model: Kubernetes' gRPC probes cannot speak TLS, and Kong 3.9 cannot verify one grpcs service without verifying them all; serve gRPC in clear text inside the cluster (the model's NetworkPolicy admits only Kong)",
    );
  } else if (verify === true) {
    const kong = props.kong as IKongProxyPeer | undefined;
    if (kong !== null && typeof kong === "object" && "upstreamCaCertificate" in kong && kong.upstreamCaCertificate === undefined) {
      v.add(
        "serverTls.verify",
        true,
        "needs the KongCluster's upstreamCaCertificate: Kong trusts no CA for upstreams, so every handshake with the model would fail. Set upstreamCaCertificate on the KongCluster (kong.upstreamCaCertificate of AiPlatform), or serverTls.verify: false to encrypt without verifying",
      );
    }
  }
  return v.count === before ? { secretName: t.secretName, verify: verify === true } : undefined;
}
