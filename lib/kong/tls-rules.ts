import { describeValue, Problems } from "../core/errors";
import { isToken } from "../core/tokens";
import { CaCertificate, caCertificateProp } from "../kubernetes/ca-certificate";
import { AdminEndpoint } from "./admin-endpoint";
import { ProxyEndpoint } from "./proxy-endpoint";
import { ProxyTls } from "./proxy-tls";

/** `tls`: absent, or made with `ProxyTls.fromSecret` and valid. */
export function proxyTlsProp(v: Problems, field: string, value: unknown): ProxyTls | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof ProxyTls)) {
    v.add(field, value, 'must be made with ProxyTls.fromSecret({ secretName, hosts }), e.g. ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"] })');
    return undefined;
  }
  return value.validate(v, field) ? value : undefined;
}

/** `upstreamCaCertificate`: absent, or made with a `CaCertificate` factory and valid. */
export function upstreamCaProp(v: Problems, field: string, value: unknown): CaCertificate | undefined {
  return caCertificateProp(v, field, value) ? (value as CaCertificate | undefined) : undefined;
}

/**
 * The Admin API through the proxy needs what makes its credential safe there: HTTPS with a certificate that names its
 * host (the Terraform provider verifies it), and client addresses Kong can see (its ip-restriction).
 */
export function checkAdminThroughProxy(v: Problems, admin: AdminEndpoint, tlsGiven: unknown, tls: ProxyTls | undefined, proxy: ProxyEndpoint): void {
  const route = admin.route;
  if (!admin.isThroughProxy || route === undefined) return;
  if (tlsGiven === undefined) {
    v.add(
      "tls",
      undefined,
      `is required by admin (AdminEndpoint.throughProxy): the Admin API's key would otherwise cross the network in clear text. Set tls: ProxyTls.fromSecret({ secretName, hosts: [${describeValue(route.host)}, ...] })`,
    );
  } else if (tls !== undefined && typeof route.host === "string" && !tls.covers(route.host)) {
    v.add(
      "admin.host",
      route.host,
      `is not among tls.hosts (${describeValue(tls.hosts)}): the Terraform provider verifies the proxy's certificate against this name and would refuse it. Add it to tls.hosts (and to the certificate's dnsNames)`,
    );
  }
  if (proxy.type !== "ClusterIP" && proxy.externalTrafficPolicy !== "Local") {
    v.add(
      "admin.sourceRanges",
      route.sourceRanges,
      `cannot be enforced: the proxy's externalTrafficPolicy is ${describeValue(proxy.externalTrafficPolicy)}, so Kong sees node addresses instead of the callers'. Set externalTrafficPolicy: "Local" on the proxy (ProxyEndpoint.${proxy.type === "LoadBalancer" ? "loadBalancer" : "nodePort"}({ ..., externalTrafficPolicy: "Local" }))`,
    );
  }
}

/** Settings KongCluster derives from its certificates, which `env` may then not replace. */
export function certificateEnvConflicts(
  v: Problems,
  env: unknown,
  o: { readonly tls?: ProxyTls; readonly databaseCa?: unknown; readonly upstreamCa?: CaCertificate },
): void {
  if (env === null || typeof env !== "object") return;
  const set = (key: string) => Object.prototype.hasOwnProperty.call(env, key);
  const value = (key: string) => (env as Record<string, unknown>)[key];
  const rules: Array<[boolean, string, string]> = [
    [o.tls !== undefined, "KONG_SSL_CERT", "tls (the mounted Secret's tls.crt)"],
    [o.tls !== undefined, "KONG_SSL_CERT_KEY", "tls (the mounted Secret's tls.key)"],
    [o.databaseCa !== undefined, "KONG_LUA_SSL_TRUSTED_CERTIFICATE", "the database's caCertificate (system roots plus the mounted CA)"],
    [o.upstreamCa !== undefined, "KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE", "upstreamCaCertificate"],
    [o.upstreamCa !== undefined, "KONG_NGINX_PROXY_GRPC_SSL_TRUSTED_CERTIFICATE", "upstreamCaCertificate"],
  ];
  for (const [applies, key, from] of rules) {
    if (applies && set(key) && !isToken(value(key))) {
      v.add(`env.${key}`, value(key), `is set by KongCluster from ${from}: setting it here would replace that file and break the TLS it configures; remove it`);
    }
  }
}
