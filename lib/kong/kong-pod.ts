import { IKongDatabase } from "../database/kong-database";
import { ResolvedResources } from "../kubernetes/container-resources";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../kubernetes/security-context";

/** Container ports Kong listens on (the chart's). */
export const KONG_PORTS = {
  proxy: 8000,
  proxyTls: 8443,
  admin: 8001,
  adminTls: 8444,
  status: 8100,
} as const;

export const KONG_PREFIX = "/kong_prefix/";
/** uid/gid of the `kong` user in the official image. */
export const KONG_UID = 1000;

/** Requests and limits of the Kong container when none are given. */
export const DEFAULT_KONG_RESOURCES: ResolvedResources = {
  requests: { cpu: "500m", memory: "512Mi" },
  limits: { cpu: "2", memory: "1Gi" },
};

/** Requests and limits of the short-lived init containers and migration Jobs. */
export const KONG_TASK_RESOURCES: ResolvedResources = {
  requests: { cpu: "100m", memory: "256Mi" },
  limits: { cpu: "1", memory: "512Mi" },
};

/** Environment variables KongCluster derives from its props: `env` may not override them. */
export const MANAGED_ENV = [
  "KONG_DATABASE",
  "KONG_PG_HOST",
  "KONG_PG_PORT",
  "KONG_PG_USER",
  "KONG_PG_PASSWORD",
  "KONG_PG_DATABASE",
  "KONG_PG_SSL",
  "KONG_PG_SSL_VERIFY",
  "KONG_PREFIX",
  "KONG_PROXY_LISTEN",
  "KONG_ADMIN_LISTEN",
  "KONG_STATUS_LISTEN",
  "KONG_PORT_MAPS",
  "KONG_NGINX_DAEMON",
  "KONG_NGINX_WORKER_PROCESSES",
] as const;

export interface KongEnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

export interface KongEnvironmentOptions {
  readonly database: IKongDatabase;
  readonly workerProcesses: number;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** The Admin API listens on the pod's loopback only (published through the proxy). @default false: every address */
  readonly adminLoopbackOnly?: boolean;
  /** Settings that point Kong at its mounted certificate files (`kongCertificateFiles`), applied over the defaults. */
  readonly certificates?: Record<string, string>;
  /** Extra `KONG_*` settings (already validated), applied over the defaults. */
  readonly extra?: Record<string, string>;
  /** Extra `KONG_*` settings read from Secret keys (already validated). */
  readonly fromSecrets?: Record<string, { readonly name: string; readonly key: string }>;
}

/**
 * The environment of every Kong container (proxy, init containers, migration Jobs): the Helm chart's settings for
 * database mode, sorted by name; then the variables read from Secrets (the database password, `fromSecrets`), sorted
 * by name.
 */
export function kongEnvironment(o: KongEnvironmentOptions): KongEnvVar[] {
  const db = o.database;
  const p = KONG_PORTS;
  const values: Record<string, string> = {
    KONG_ADMIN_ACCESS_LOG: "/dev/stdout",
    KONG_ADMIN_ERROR_LOG: "/dev/stderr",
    KONG_ADMIN_GUI_LISTEN: "off",
    KONG_ADMIN_LISTEN: o.adminLoopbackOnly
      ? `127.0.0.1:${p.admin}`
      : `0.0.0.0:${p.admin}, [::]:${p.admin}, 0.0.0.0:${p.adminTls} http2 ssl, [::]:${p.adminTls} http2 ssl`,
    KONG_CLUSTER_LISTEN: "off",
    KONG_DATABASE: "postgres",
    KONG_NGINX_DAEMON: "off",
    KONG_NGINX_WORKER_PROCESSES: String(o.workerProcesses),
    KONG_PG_DATABASE: db.databaseName,
    KONG_PG_HOST: db.host,
    KONG_PG_PORT: String(db.port),
    KONG_PG_SSL: db.ssl ? "on" : "off",
    KONG_PG_SSL_VERIFY: db.sslVerify ? "on" : "off",
    KONG_PG_USER: db.user,
    KONG_PORT_MAPS: `${o.httpPort}:${p.proxy}, ${o.httpsPort}:${p.proxyTls}`,
    KONG_PREFIX,
    KONG_PROXY_ACCESS_LOG: "/dev/stdout",
    KONG_PROXY_ERROR_LOG: "/dev/stderr",
    KONG_PROXY_LISTEN: `0.0.0.0:${p.proxy}, [::]:${p.proxy}, 0.0.0.0:${p.proxyTls} http2 ssl, [::]:${p.proxyTls} http2 ssl`,
    // Pinned, not inherited, as the chart does (_helpers.tpl): a Kong upgrade that changed these defaults would
    // otherwise change routing or move logs silently. traditional_compatible is Kong 3.9's default (kong.conf.default
    // router_flavor); the chart's "traditional" is for its ingress controller, which this platform does not run.
    KONG_PROXY_STREAM_ACCESS_LOG: "/dev/stdout basic",
    KONG_PROXY_STREAM_ERROR_LOG: "/dev/stderr",
    KONG_ROUTER_FLAVOR: "traditional_compatible",
    KONG_STATUS_ACCESS_LOG: "off",
    KONG_STATUS_ERROR_LOG: "/dev/stderr",
    KONG_STATUS_LISTEN: `0.0.0.0:${p.status}, [::]:${p.status}`,
    KONG_STREAM_LISTEN: "off",
  };
  if (db.sslVerify) values.KONG_LUA_SSL_TRUSTED_CERTIFICATE = "system";
  Object.assign(values, o.certificates ?? {}, o.extra ?? {});
  const env: KongEnvVar[] = Object.keys(values)
    .sort()
    .map((name) => ({ name, value: values[name] }));
  const secrets: Record<string, { readonly name: string; readonly key: string }> = {
    ...(o.fromSecrets ?? {}),
    KONG_PG_PASSWORD: db.passwordSecret,
  };
  for (const name of Object.keys(secrets).sort()) {
    const ref = secrets[name];
    env.push({ name, valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } } });
  }
  return env;
}

/** Kong's container security context: the restricted one, as the image's `kong` user. */
export function kongContainerSecurityContext() {
  return restrictedContainerSecurityContext({ runAsUser: KONG_UID });
}

/** Kong's pod security context: the restricted one, as the image's `kong` user (emptyDir volumes only). */
export function kongPodSecurityContext() {
  return restrictedPodSecurityContext({ runAsUser: KONG_UID });
}

/** Writable scratch space for a read-only root filesystem: Kong's prefix and /tmp. */
export function kongVolumes() {
  return [
    { name: "kong-prefix", emptyDir: { sizeLimit: "256Mi" } },
    { name: "kong-tmp", emptyDir: { sizeLimit: "1Gi" } },
  ];
}

export function kongVolumeMounts() {
  return [
    { name: "kong-prefix", mountPath: KONG_PREFIX },
    { name: "kong-tmp", mountPath: "/tmp" },
  ];
}
