import { ExistingPostgres } from "../../lib/database/existing-postgres";
import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { KongDatabase } from "../../lib/database/kong-database";
import { AdminEndpoint } from "../../lib/kong/admin-endpoint";
import { kongCertificateFiles } from "../../lib/kong/kong-certificates";
import { KongCluster, KongClusterProps } from "../../lib/kong/kong-cluster";
import { ProxyEndpoint } from "../../lib/kong/proxy-endpoint";
import { CertificateReload, ProxyTls } from "../../lib/kong/proxy-tls";
import { CaCertificate } from "../../lib/kubernetes/ca-certificate";
import { Json, kubernetesStack, only, resources, synth } from "../helpers";


const TLS = ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com", "kong-admin.example.com"] });

/** GIVEN a KongCluster "kong" on `database` ("inCluster" by default) with `props` WHEN synthesized. */
function build(props: Partial<KongClusterProps> = {}, database: "inCluster" | "privateCa" = "inCluster") {
  const stack = kubernetesStack();
  const db =
    database === "inCluster"
      ? new InClusterPostgres(stack, "db", { namespace: "kong" })
      : new ExistingPostgres(stack, "db", { namespace: "kong", host: "pg.internal", sslMode: "verify-full", caCertificate: CaCertificate.fromConfigMap("pg-ca") });
  const cluster = new KongCluster(stack, "kong", { namespace: "kong", database: db, ...props });
  const json = synth(stack);
  const deployment = only(json, "kubernetes_deployment_v1");
  const pod = deployment.spec.template.spec;
  const [clearPid, waitForDb] = pod.init_container;
  const jobs = resources(json, "kubernetes_job_v1").map((j) => j.spec.template.spec);
  return { cluster, json, deployment, pod, proxy: pod.container[0], clearPid, waitForDb, jobs };
}

const env = (container: Json): Record<string, string> => Object.fromEntries((container.env ?? []).map((e: Json) => [e.name, e.value ?? e.value_from]));
const mounts = (container: Json): string[] => container.volume_mount.map((m: Json) => `${m.name}:${m.mount_path}${m.read_only ? ":ro" : ""}`);
const volumeNames = (spec: Json): string[] => spec.volume.map((v: Json) => v.name);

describe("Kong's certificate files", () => {
  test("without a certificate or CA: nothing mounted, no annotation, Terraform ignores only the autoscaled replicas", () => {
    const { deployment, pod, proxy } = build();
    expect(volumeNames(pod)).toEqual(["kong-prefix", "kong-tmp"]);
    expect(env(proxy).KONG_SSL_CERT).toBeUndefined();
    expect(deployment.metadata.annotations).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(deployment.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
  });

  test("tls: the Secret mounted as a directory (no subPath: renewals reach the files) in the proxy container only", () => {
    const { pod, proxy, clearPid, waitForDb, jobs, json } = build({ tls: TLS });
    expect(pod.volume).toContainEqual({
      name: "proxy-tls",
      secret: { secret_name: "api-tls", items: [{ key: "tls.crt", path: "tls.crt" }, { key: "tls.key", path: "tls.key" }] },
    });
    expect(mounts(proxy)).toEqual(["kong-prefix:/kong_prefix/", "kong-tmp:/tmp", "proxy-tls:/etc/kong/proxy-tls:ro"]);
    expect(JSON.stringify(json)).not.toContain("sub_path");
    // Kong's default certificate (kong.conf ssl_cert / ssl_cert_key), read from the mount
    expect(env(proxy)).toMatchObject({ KONG_SSL_CERT: "/etc/kong/proxy-tls/tls.crt", KONG_SSL_CERT_KEY: "/etc/kong/proxy-tls/tls.key" });
    // the private key reaches no other container: not the init containers, not the migration Jobs
    for (const c of [clearPid, waitForDb, ...jobs.map((j) => j.container[0])]) {
      expect(mounts(c).some((m) => m.startsWith("proxy-tls"))).toBe(false);
      expect(env(c).KONG_SSL_CERT ?? env(c).KONG_SSL_CERT_KEY).toBeUndefined();
    }
    for (const j of jobs) expect(volumeNames(j)).toEqual(["kong-prefix", "kong-tmp"]);
  });

  test("rotation by hand: `kubectl rollout restart` is not drift; a generation rolls the pods through Terraform", () => {
    const manual = build({ tls: TLS }).deployment;
    expect(manual.lifecycle.ignore_changes).toEqual(["spec[0].replicas", 'spec[0].template[0].metadata[0].annotations["kubectl.kubernetes.io/restartedAt"]']);
    expect(manual.spec.template.metadata.annotations).toBeUndefined();
    const bumped = build({ tls: ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"], reload: CertificateReload.manual({ generation: "2025-06-01" }) }) });
    expect(bumped.deployment.spec.template.metadata.annotations).toEqual({ "ai-platform/tls-generation": "2025-06-01" });
  });

  test("rotation by Stakater Reloader: the Deployment names every certificate object; Reloader's annotation is not drift", () => {
    const tls = ProxyTls.fromSecret({ secretName: "api-tls", hosts: ["api.example.com"], reload: CertificateReload.reloader() });
    const { deployment } = build({ tls, upstreamCaCertificate: CaCertificate.fromSecret("models-ca") }, "privateCa");
    expect(deployment.metadata.annotations).toEqual({
      "configmap.reloader.stakater.com/reload": "pg-ca",
      "secret.reloader.stakater.com/reload": "api-tls,models-ca",
    });
    expect(deployment.lifecycle.ignore_changes).toEqual([
      "spec[0].replicas",
      'spec[0].template[0].metadata[0].annotations["kubectl.kubernetes.io/restartedAt"]',
      'spec[0].template[0].metadata[0].annotations["reloader.stakater.com/last-reloaded-from"]',
    ]);
  });

  test("database CA: trusted with the system roots, depth 2, in every container that connects to PostgreSQL", () => {
    const { pod, proxy, clearPid, waitForDb, jobs } = build({}, "privateCa");
    expect(pod.volume).toContainEqual({ name: "postgres-ca", config_map: { name: "pg-ca", items: [{ key: "ca.crt", path: "ca.crt" }] } });
    for (const c of [proxy, waitForDb, ...jobs.map((j) => j.container[0])]) {
      expect(env(c)).toMatchObject({
        KONG_PG_SSL: "on",
        KONG_PG_SSL_VERIFY: "on",
        KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system,/etc/kong/postgres-ca/ca.crt",
        KONG_LUA_SSL_VERIFY_DEPTH: "2",
      });
      expect(mounts(c)).toContain("postgres-ca:/etc/kong/postgres-ca:ro");
    }
    for (const j of jobs) expect(volumeNames(j)).toEqual(["kong-prefix", "kong-tmp", "postgres-ca"]);
    // the container that only clears stale files runs no kong command
    expect(clearPid.env).toBeUndefined();
  });

  test("a database from attributes brings its CA too", () => {
    const stack = kubernetesStack();
    const database = KongDatabase.fromAttributes(stack, "db", {
      host: "pg.internal",
      passwordSecret: { name: "pg", key: "password" },
      sslVerify: true,
      caCertificate: CaCertificate.fromSecret("pg-ca", "root.pem"),
    });
    new KongCluster(stack, "kong", { namespace: "kong", database });
    const pod = only(synth(stack), "kubernetes_deployment_v1").spec.template.spec;
    expect(pod.volume).toContainEqual({ name: "postgres-ca", secret: { secret_name: "pg-ca", items: [{ key: "root.pem", path: "ca.crt" }] } });
    expect(env(pod.container[0]).KONG_LUA_SSL_TRUSTED_CERTIFICATE).toBe("system,/etc/kong/postgres-ca/ca.crt");
  });

  test("upstream CA: nginx trusts it for https and grpcs model servers, and verifies every grpcs upstream; proxy container only", () => {
    const { proxy, waitForDb, jobs, pod } = build({ upstreamCaCertificate: CaCertificate.fromConfigMap("models-ca", "bundle.pem") });
    expect(env(proxy)).toMatchObject({
      KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE: "/etc/kong/upstream-ca/ca.crt",
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH: "2",
      KONG_NGINX_PROXY_GRPC_SSL_TRUSTED_CERTIFICATE: "/etc/kong/upstream-ca/ca.crt",
      KONG_NGINX_PROXY_GRPC_SSL_VERIFY: "on",
      KONG_NGINX_PROXY_GRPC_SSL_VERIFY_DEPTH: "2",
    });
    expect(mounts(proxy)).toContain("upstream-ca:/etc/kong/upstream-ca:ro");
    expect(pod.volume).toContainEqual({ name: "upstream-ca", config_map: { name: "models-ca", items: [{ key: "bundle.pem", path: "ca.crt" }] } });
    for (const c of [waitForDb, ...jobs.map((j) => j.container[0])]) expect(env(c).KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE).toBeUndefined();
  });

  test("nothing of a certificate or key is in the JSON: only Secret and ConfigMap names and file paths", () => {
    const { json } = build({ tls: TLS, upstreamCaCertificate: CaCertificate.fromSecret("models-ca") }, "privateCa");
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/BEGIN|PRIVATE KEY|private_key|certificate"\s*:/);
    expect(resources(json, "kong_certificate")).toEqual([]);
  });
});

describe("Kong's Admin API through the proxy", () => {
  const admin = AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges: ["10.99.0.0/24"] });
  const proxy = ProxyEndpoint.loadBalancer({ externalTrafficPolicy: "Local" });

  test("listens on the pod's loopback only; no admin port is opened; its URL is the route's HTTPS URL", () => {
    const { cluster, json, proxy: container, waitForDb } = build({ tls: TLS, admin, proxy });
    expect(env(container).KONG_ADMIN_LISTEN).toBe("127.0.0.1:8001");
    expect(env(waitForDb).KONG_ADMIN_LISTEN).toBe("127.0.0.1:8001");
    const policy = resources(json, "kubernetes_network_policy_v1").find((p) => p.metadata.name === "kong");
    expect(policy?.spec.ingress).toHaveLength(1);
    expect(resources(json, "kubernetes_service_v1").find((s) => s.metadata.name === "kong-admin")?.spec.type).toBe("ClusterIP");
    expect(cluster.adminUrl).toBe("https://kong-admin.example.com");
    expect(cluster.adminRoute).toEqual({ host: "kong-admin.example.com", path: "/", sourceRanges: ["10.99.0.0/24"] });
    expect(json.output.kong_admin_url.value).toBe("https://kong-admin.example.com");
  });

  test("the URL carries a path prefix and a non-standard HTTPS port", () => {
    const withPath = AdminEndpoint.throughProxy({ host: "kong-admin.example.com", path: "/kong-admin", sourceRanges: ["10.99.0.0/24"] });
    const { cluster } = build({ tls: TLS, admin: withPath, proxy: ProxyEndpoint.loadBalancer({ externalTrafficPolicy: "Local", httpsPort: 8443 }) });
    expect(cluster.adminUrl).toBe("https://kong-admin.example.com:8443/kong-admin");
  });
});

describe("kongCertificateFiles", () => {
  test("maps each certificate to where it goes", () => {
    const files = kongCertificateFiles({ tls: TLS });
    expect([files.env, Object.keys(files.proxyEnv), files.volumes, files.proxyVolumes.map((v) => v.name)]).toEqual([{}, ["KONG_SSL_CERT", "KONG_SSL_CERT_KEY"], [], ["proxy-tls"]]);
    expect(kongCertificateFiles({}).ignoreChanges).toEqual([]);
  });
});
