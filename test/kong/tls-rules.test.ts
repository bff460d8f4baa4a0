import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { IKongDatabase, KongDatabase } from "../../lib/database/kong-database";
import { AdminEndpoint } from "../../lib/kong/admin-endpoint";
import { KongCluster, KongClusterProps } from "../../lib/kong/kong-cluster";
import { ProxyEndpoint } from "../../lib/kong/proxy-endpoint";
import { ProxyTls } from "../../lib/kong/proxy-tls";
import { CaCertificate } from "../../lib/kubernetes/ca-certificate";
import { errorOf, kubernetesStack } from "../helpers";

/** WHEN a KongCluster is built with `props` (on in-cluster PostgreSQL unless `database` says otherwise) THEN its error. */
function rejected(props: Partial<KongClusterProps>, database?: (stack: ReturnType<typeof kubernetesStack>) => IKongDatabase): string {
  const stack = kubernetesStack();
  const db = database ? database(stack) : new InClusterPostgres(stack, "db", { namespace: "kong" });
  return errorOf(() => new KongCluster(stack, "kong", { namespace: "kong", database: db, ...props }));
}

const ADMIN = AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges: ["10.99.0.0/24"] });
const LOCAL = ProxyEndpoint.loadBalancer({ externalTrafficPolicy: "Local" });

describe("KongCluster TLS rules", () => {
  test("an Admin API exposed without a credential: a bare load balancer", () => {
    expect(rejected({ admin: AdminEndpoint.loadBalancer({ sourceRanges: ["10.99.0.0/24"] }) })).toMatch(
      /^\[test\/kong\] admin \("AdminEndpoint.loadBalancer\(\.\.\.\)"\) would put a load balancer in front of the Admin API/,
    );
  });

  test("the Admin API through the proxy without a certificate: its key would travel in clear text", () => {
    expect(rejected({ admin: ADMIN, proxy: LOCAL })).toBe(
      '[test/kong] tls (undefined) is required by admin (AdminEndpoint.throughProxy): the Admin API\'s key would otherwise cross the network in clear text. Set tls: ProxyTls.fromSecret({ secretName, hosts: ["kong-admin.example.com", ...] })',
    );
  });

  test("the Admin API's host not on the certificate", () => {
    const tls = ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"] });
    expect(rejected({ admin: ADMIN, proxy: LOCAL, tls })).toBe(
      '[test/kong] admin.host ("kong-admin.example.com") is not among tls.hosts (["api.example.com"]): the Terraform provider verifies the proxy\'s certificate against this name and would refuse it. Add it to tls.hosts (and to the certificate\'s dnsNames)',
    );
  });

  test("ip-restriction behind a proxy that hides client addresses; a ClusterIP proxy is fine", () => {
    const tls = ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["*.example.com"] });
    expect(rejected({ admin: ADMIN, tls })).toBe(
      '[test/kong] admin.sourceRanges (["10.99.0.0/24"]) cannot be enforced: the proxy\'s externalTrafficPolicy is "Cluster", so Kong sees node addresses instead of the callers\'. Set externalTrafficPolicy: "Local" on the proxy (ProxyEndpoint.loadBalancer({ ..., externalTrafficPolicy: "Local" }))',
    );
    expect(rejected({ admin: ADMIN, tls, proxy: ProxyEndpoint.nodePort() })).toContain("(ProxyEndpoint.nodePort({ ..., externalTrafficPolicy: \"Local\" }))");
    const stack = kubernetesStack();
    const database = new InClusterPostgres(stack, "db", { namespace: "kong" });
    expect(() => new KongCluster(stack, "kong", { namespace: "kong", database, admin: ADMIN, tls, proxy: ProxyEndpoint.clusterIp() })).not.toThrow();
  });

  test("tls and upstreamCaCertificate not made with their factories, and a certificate without hosts", () => {
    expect(rejected({ tls: { secretName: "x", hosts: ["a.io"] } as never, upstreamCaCertificate: "ca.pem" as never })).toBe(
      [
        '[test/kong] tls ({"secretName":"x","hosts":["a.io"]}) must be made with ProxyTls.fromSecret({ secretName, hosts }), e.g. ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"] })',
        '[test/kong] upstreamCaCertificate ("ca.pem") must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?), e.g. CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")',
      ].join("\n"),
    );
    expect(rejected({ tls: ProxyTls.fromSecret({ secretName: "api-tls", hosts: [] }) })).toBe(
      '[test/kong] tls.hosts ([]) must list the host names the certificate is for (at least one, e.g. ["api.example.com"]): clients verify the certificate against the name they call, and routes and the Admin API are checked against this list',
    );
  });

  test("env may not replace the files KongCluster points Kong at", () => {
    const tls = ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"] });
    const message = rejected(
      {
        tls,
        upstreamCaCertificate: CaCertificate.fromSecret("models-ca"),
        env: { KONG_SSL_CERT: "/x.crt", KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system", KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE: "/y" },
      },
      (stack) =>
        KongDatabase.fromAttributes(stack, "db", { host: "pg", passwordSecret: { name: "pg", key: "pw" }, sslVerify: true, caCertificate: CaCertificate.fromSecret("pg-ca") }),
    );
    expect(message.split("\n")).toEqual([
      '[test/kong] env.KONG_SSL_CERT ("/x.crt") is set by KongCluster from tls (the mounted Secret\'s tls.crt): setting it here would replace that file and break the TLS it configures; remove it',
      '[test/kong] env.KONG_LUA_SSL_TRUSTED_CERTIFICATE ("system") is set by KongCluster from the database\'s caCertificate (system roots plus the mounted CA): setting it here would replace that file and break the TLS it configures; remove it',
      '[test/kong] env.KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE ("/y") is set by KongCluster from upstreamCaCertificate: setting it here would replace that file and break the TLS it configures; remove it',
    ]);
  });

  test("a database whose CA is not verified (an IKongDatabase of one's own)", () => {
    const custom = (caCertificate: unknown, sslVerify: boolean) => () =>
      ({ host: "pg", port: 5432, databaseName: "kong", user: "kong", passwordSecret: { name: "pg", key: "pw" }, ssl: true, sslVerify, caCertificate, dependables: [] }) as IKongDatabase;
    expect(rejected({}, custom(CaCertificate.fromSecret("pg-ca"), false))).toBe(
      '[test/kong] database.caCertificate ("Secret \\"pg-ca\\" key \\"ca.crt\\"") needs database.sslVerify: without verification Kong never checks the server\'s certificate, so the CA would protect nothing. Verify (sslMode "verify-full", or sslVerify: true)',
    );
    expect(rejected({}, custom("pg-ca", true))).toBe(
      '[test/kong] database.caCertificate ("pg-ca") must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?)',
    );
  });
});
