import { CA_FILE, CaCertificate, CaVolume } from "../kubernetes/ca-certificate";
import { ProxyTls } from "./proxy-tls";

/** Where Kong's proxy container finds its certificate and key (`tls.crt`, `tls.key`): a directory mount of the Secret. */
export const PROXY_TLS_DIR = "/etc/kong/proxy-tls";
/** Where every Kong container finds the CA of its PostgreSQL server (`ca.crt`). */
export const POSTGRES_CA_DIR = "/etc/kong/postgres-ca";
/** Where Kong's proxy container finds the CA it verifies TLS model servers with (`ca.crt`). */
export const UPSTREAM_CA_DIR = "/etc/kong/upstream-ca";
/**
 * Certificate chain depth Kong verifies with a private CA (OpenSSL counts the intermediates between the server's
 * certificate and the trusted root): 2 accepts a root, up to two intermediates and the server. Kong's own default, 1,
 * refuses a chain with two intermediates (a cross-signed root, a managed database's regional CA under a global one).
 */
export const CA_VERIFY_DEPTH = 2;

/** The pod-template annotation `CertificateReload.manual({ generation })` writes. */
export const TLS_GENERATION_ANNOTATION = "ai-platform/tls-generation";
/** Pod-template annotations written by others, which Terraform must not undo (or every apply would roll Kong again). */
const RESTARTED_AT = 'spec[0].template[0].metadata[0].annotations["kubectl.kubernetes.io/restartedAt"]';
const RELOADED_FROM = 'spec[0].template[0].metadata[0].annotations["reloader.stakater.com/last-reloaded-from"]';

/** The certificate files of a Kong cluster, resolved by KongCluster. */
export interface KongCertificatesOptions {
  /** The proxy's certificate. */
  readonly tls?: ProxyTls;
  /** The CA of the PostgreSQL server, from the database. */
  readonly databaseCa?: CaCertificate;
  /** The CA Kong verifies TLS upstreams (model servers) with. */
  readonly upstreamCa?: CaCertificate;
}

export interface KongVolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
}

/** Where each certificate goes: every Kong container, or the proxy container only (least privilege for the key). */
export interface KongCertificateFiles {
  /** Settings of every container that runs `kong` (proxy, `wait-for-db`, migration Jobs): the database CA. */
  readonly env: Record<string, string>;
  /** Settings of the proxy container only: its certificate and the upstream CA. */
  readonly proxyEnv: Record<string, string>;
  /** Volumes of every Kong pod (the Deployment's and the Jobs'). */
  readonly volumes: CaVolume[];
  readonly mounts: KongVolumeMount[];
  /** Volumes of the Deployment's pods only, mounted by the proxy container only. */
  readonly proxyVolumes: ProxyVolume[];
  readonly proxyMounts: KongVolumeMount[];
  /** Annotations of the pod template. */
  readonly podAnnotations?: Record<string, string>;
  /** Annotations of the Deployment itself (Stakater Reloader reads them there). */
  readonly deploymentAnnotations?: Record<string, string>;
  /** Pod-template paths Terraform leaves to whoever restarts Kong. */
  readonly ignoreChanges: string[];
}

export type ProxyVolume = CaVolume | { readonly name: string; readonly secret: { readonly secretName: string; readonly items: { key: string; path: string }[] } };

/**
 * The volumes, mounts, settings and annotations that give Kong its certificate files. Every file is a directory mount
 * (never `subPath`), so a renewed Secret or ConfigMap reaches it; Kong reads the files when it starts.
 * - proxy certificate: `KONG_SSL_CERT` / `KONG_SSL_CERT_KEY`, Kong's default certificate (kong.conf `ssl_cert`);
 * - database CA: `KONG_LUA_SSL_TRUSTED_CERTIFICATE=system,<file>` (the system roots stay trusted) and
 *   `KONG_LUA_SSL_VERIFY_DEPTH`, in every container that connects to PostgreSQL;
 * - upstream CA: nginx's trusted certificate for https and grpcs upstreams, and verification of every grpcs upstream
 *   (Kong 3.9 has no per-service switch for grpcs; https services turn it on with `tls_verify`).
 */
export function kongCertificateFiles(o: KongCertificatesOptions): KongCertificateFiles {
  const env: Record<string, string> = {};
  const proxyEnv: Record<string, string> = {};
  const volumes: CaVolume[] = [];
  const mounts: KongVolumeMount[] = [];
  const proxyVolumes: ProxyVolume[] = [];
  const proxyMounts: KongVolumeMount[] = [];
  if (o.databaseCa) {
    env.KONG_LUA_SSL_TRUSTED_CERTIFICATE = `system,${POSTGRES_CA_DIR}/${CA_FILE}`;
    env.KONG_LUA_SSL_VERIFY_DEPTH = String(CA_VERIFY_DEPTH);
    volumes.push(o.databaseCa.volume("postgres-ca"));
    mounts.push({ name: "postgres-ca", mountPath: POSTGRES_CA_DIR, readOnly: true });
  }
  if (o.tls) {
    proxyEnv.KONG_SSL_CERT = `${PROXY_TLS_DIR}/tls.crt`;
    proxyEnv.KONG_SSL_CERT_KEY = `${PROXY_TLS_DIR}/tls.key`;
    const items = ["tls.crt", "tls.key"].map((key) => ({ key, path: key }));
    proxyVolumes.push({ name: "proxy-tls", secret: { secretName: o.tls.secretName, items } });
    proxyMounts.push({ name: "proxy-tls", mountPath: PROXY_TLS_DIR, readOnly: true });
  }
  if (o.upstreamCa) {
    const file = `${UPSTREAM_CA_DIR}/${CA_FILE}`;
    Object.assign(proxyEnv, {
      KONG_NGINX_PROXY_GRPC_SSL_TRUSTED_CERTIFICATE: file,
      KONG_NGINX_PROXY_GRPC_SSL_VERIFY: "on",
      KONG_NGINX_PROXY_GRPC_SSL_VERIFY_DEPTH: String(CA_VERIFY_DEPTH),
      KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE: file,
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH: String(CA_VERIFY_DEPTH),
    });
    proxyVolumes.push(o.upstreamCa.volume("upstream-ca"));
    proxyMounts.push({ name: "upstream-ca", mountPath: UPSTREAM_CA_DIR, readOnly: true });
  }
  const anyFile = volumes.length + proxyVolumes.length > 0;
  const reloader = o.tls?.reload.kind === "reloader";
  const generation = o.tls?.reload.generation;
  return {
    env,
    proxyEnv,
    volumes,
    mounts,
    proxyVolumes,
    proxyMounts,
    podAnnotations: generation !== undefined ? { [TLS_GENERATION_ANNOTATION]: generation } : undefined,
    deploymentAnnotations: reloader ? reloaderAnnotations(o) : undefined,
    ignoreChanges: anyFile ? (reloader ? [RESTARTED_AT, RELOADED_FROM] : [RESTARTED_AT]) : [],
  };
}

/** Stakater Reloader's per-object annotations: every Secret and ConfigMap Kong reads a certificate from. */
function reloaderAnnotations(o: KongCertificatesOptions): Record<string, string> {
  const secrets = new Set<string>();
  const configMaps = new Set<string>();
  if (o.tls) secrets.add(o.tls.secretName);
  for (const ca of [o.databaseCa, o.upstreamCa]) {
    if (ca) (ca.kind === "Secret" ? secrets : configMaps).add(ca.name);
  }
  return {
    ...(configMaps.size > 0 ? { "configmap.reloader.stakater.com/reload": [...configMaps].join(",") } : {}),
    "secret.reloader.stakater.com/reload": [...secrets].join(","),
  };
}
