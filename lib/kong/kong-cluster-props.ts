import { IConstruct } from "constructs";
import { factoryMadeProp, integerIn, isToken, noLiteralSecrets, pinnedImage, plainObject, required } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { dependableList, hasConnectionShape, IKongDatabase } from "../database/kong-database";
import { ContainerResources, ResolvedResources, resolveResources } from "../kubernetes/container-resources";
import { labelSelector } from "../kubernetes/labels";
import { dns1123Label } from "../kubernetes/names";
import { CaCertificate } from "../kubernetes/ca-certificate";
import { Scaling, scalingProp } from "../kubernetes/scaling";
import { SecretKeyRef, secretKeyRef } from "../kubernetes/secret-ref";
import { adminPeers, NetworkPolicyPeer } from "./admin-access";
import { AdminEndpoint } from "./admin-endpoint";
import { DEFAULT_KONG_RESOURCES, MANAGED_ENV } from "./kong-pod";
import { ProxyEndpoint } from "./proxy-endpoint";
import { ProxyTls } from "./proxy-tls";
import { certificateEnvConflicts, checkAdminThroughProxy, proxyTlsProp, upstreamCaProp } from "./tls-rules";

/** The Kong image used when none is given: open-source Kong Gateway 3.9, pinned to a patch release. */
export const DEFAULT_KONG_IMAGE = "kong:3.9.1";
/** Longest cluster name: `<name>-migrations-finish-<8 hex>` must stay a 63-character label (the Job's pod label). */
export const MAX_KONG_NAME_LENGTH = 36;

export interface KongClusterProps {
  /** Namespace of every Kong object (and of the database's password Secret). */
  readonly namespace: string;
  /** The PostgreSQL database Kong runs on: `InClusterPostgres`, `ExistingPostgres` or `KongDatabase.fromAttributes`. */
  readonly database: IKongDatabase;
  /** Name of the Deployment; Services are `<name>-proxy`, `<name>-admin`, `<name>-status`. @default "kong" */
  readonly name?: string;
  /** Kong image, pinned to a full version tag or a digest. @default "kong:3.9.1" */
  readonly image?: string;
  /**
   * How many Kong pods run: `Scaling.cpu({ minReplicas?, maxReplicas?, targetPercent? })` (a HorizontalPodAutoscaler)
   * or `Scaling.fixed(n)`.
   * @default Scaling.cpu(): 2 to 5 pods at 80% CPU
   */
  readonly scaling?: Scaling;
  /** Requests and limits of the Kong container. @default requests cpu 500m / memory 512Mi, limits cpu 2 / memory 1Gi */
  readonly resources?: ContainerResources;
  /** nginx worker processes per pod (`KONG_NGINX_WORKER_PROCESSES`). @default 2 */
  readonly workerProcesses?: number;
  /** How clients reach the proxy. @default ProxyEndpoint.loadBalancer(): ports 80 and 443, every address */
  readonly proxy?: ProxyEndpoint;
  /**
   * The certificate the proxy serves on its HTTPS port: `ProxyTls.fromSecret({ secretName, hosts })`, a Kubernetes
   * TLS Secret (e.g. written by cert-manager) mounted into the proxy container as Kong's default certificate.
   * @default none: Kong serves a self-signed certificate it generates at start (clients must skip verification)
   */
  readonly tls?: ProxyTls;
  /**
   * How the Admin API is reached: `AdminEndpoint.clusterIp()` (kubectl port-forward, `allowFrom` peers) or
   * `AdminEndpoint.throughProxy({ host, sourceRanges })` (HTTPS with a key, through the proxy; needs `tls`).
   * @default AdminEndpoint.clusterIp(): reachable by no pod until `allowFrom` says so
   */
  readonly admin?: AdminEndpoint;
  /**
   * The CA Kong verifies model servers that terminate TLS with (https and grpcs services), from a Secret or ConfigMap
   * in `namespace`: mounted into the proxy container as nginx's trusted certificate for upstreams. Every grpcs upstream
   * is then verified against it (Kong has no per-service switch for grpcs); https services verify with `tls_verify`.
   * @default none: Kong trusts no CA for upstreams, so an upstream it verifies fails its handshake
   */
  readonly upstreamCaCertificate?: CaCertificate;
  /**
   * Extra Kong settings as `KONG_*` environment variables, e.g. `{ KONG_PLUGINS: "bundled" }`. Literal values under
   * secret-looking names (`KONG_PASSWORD`, `KONG_ADMIN_GUI_SESSION_CONF`, `*_TOKEN`, ...) are refused: they would be
   * stored in plain text in the Terraform JSON; pass those with `envFromSecrets`.
   * @default none
   */
  readonly env?: Record<string, string>;
  /**
   * Extra `KONG_*` settings read from keys of Kubernetes Secrets in `namespace` (rendered as
   * `value_from.secret_key_ref`), e.g. `{ KONG_ADMIN_GUI_SESSION_CONF: { name: "kong-session", key: "conf" } }`:
   * the way to give Kong secrets without writing them into the Terraform JSON.
   * @default none
   */
  readonly envFromSecrets?: Record<string, SecretKeyRef>;
}

/** KongClusterProps after validation, with every default filled. */
export interface ResolvedKongClusterProps {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly database: IKongDatabase;
  readonly scaling: Scaling;
  readonly resources: ResolvedResources;
  readonly workerProcesses: number;
  readonly proxy: ProxyEndpoint;
  readonly tls?: ProxyTls;
  readonly admin: AdminEndpoint;
  readonly upstreamCa?: CaCertificate;
  /** `admin.allowFrom` as NetworkPolicy peers. */
  readonly adminPeers: NetworkPolicyPeer[];
  readonly env: Record<string, string>;
  readonly envFromSecrets: Record<string, SecretKeyRef>;
}

/** Checks every prop of a KongCluster, reports all problems at once, and fills the defaults. */
export function resolveKongClusterProps(scope: IConstruct, props: KongClusterProps): ResolvedKongClusterProps {
  const p = (props ?? {}) as Partial<KongClusterProps>;
  const v = new Problems(scope);
  const nsOk = required(v, "namespace", p.namespace, "is required: the namespace Kong runs in") && dns1123Label(v, "namespace", p.namespace);
  if (isToken(p.name)) {
    v.add("name", p.name, "must be a literal string, not a Terraform token: it names the Kubernetes objects and the Terraform outputs");
  } else {
    dns1123Label(v, "name", p.name, MAX_KONG_NAME_LENGTH);
  }
  pinnedImage(v, "image", p.image, { semver: true });
  const database = checkDatabase(v, p.database, nsOk ? p.namespace : undefined);
  const scaling = scalingProp(v, "scaling", p.scaling, Scaling.cpu());
  integerIn(v, "workerProcesses", p.workerProcesses, 1, 64);
  const resources = resolveResources(v, "resources", p.resources, DEFAULT_KONG_RESOURCES);
  const proxy = factoryMadeProp(v, "proxy", p.proxy, ProxyEndpoint.loadBalancer(), "ProxyEndpoint.loadBalancer(), .clusterIp() or .nodePort()");
  const tls = proxyTlsProp(v, "tls", p.tls);
  const admin = factoryMadeProp(v, "admin", p.admin, AdminEndpoint.clusterIp(), "AdminEndpoint.clusterIp() or .throughProxy({ host, sourceRanges })");
  checkAdminThroughProxy(v, admin, p.tls, tls, proxy);
  const upstreamCa = upstreamCaProp(v, "upstreamCaCertificate", p.upstreamCaCertificate);
  const peers = adminPeers(v, "admin.allowFrom", admin.allowFrom);
  const env = checkEnv(v, p.env);
  certificateEnvConflicts(v, p.env, { tls, databaseCa: database?.caCertificate, upstreamCa });
  const envFromSecrets = checkEnvFromSecrets(v, p.envFromSecrets, p.env);
  v.throwIfAny();
  return {
    name: p.name ?? "kong",
    namespace: p.namespace as string,
    image: p.image ?? DEFAULT_KONG_IMAGE,
    database: database!,
    scaling,
    resources,
    workerProcesses: p.workerProcesses ?? 2,
    proxy,
    tls,
    admin,
    upstreamCa,
    adminPeers: peers,
    env,
    envFromSecrets,
  };
}

function checkDatabase(v: Problems, db: unknown, namespace: unknown): IKongDatabase | undefined {
  if (db === undefined || db === null) {
    v.add("database", db, "is required: pass an InClusterPostgres, an ExistingPostgres or KongDatabase.fromAttributes(...)");
    return undefined;
  }
  const d = db as Partial<IKongDatabase>;
  const shaped =
    hasConnectionShape(d) &&
    typeof d.ssl === "boolean" &&
    typeof d.sslVerify === "boolean" &&
    Array.isArray(d.dependables);
  if (!shaped) {
    v.add(
      "database",
      typeof db === "object" ? Object.keys(db as object).sort() : db,
      "must implement IKongDatabase (host, port, databaseName, user, passwordSecret, ssl, sslVerify, dependables): use InClusterPostgres, ExistingPostgres or KongDatabase.fromAttributes(...)",
    );
    return undefined;
  }
  labelSelector(v, "database.podSelectorLabels", d.podSelectorLabels);
  checkDatabaseCa(v, d);
  dependableList(v, "database.dependables", d.dependables);
  if (d.namespace !== undefined && typeof namespace === "string" && !isToken(d.namespace) && !isToken(namespace) && d.namespace !== namespace) {
    v.add(
      "database.namespace",
      d.namespace,
      `must equal namespace (${describeValue(namespace)}): Kong pods can read the password Secret only in their own namespace. Create the database objects in ${describeValue(namespace)}.`,
    );
  }
  return d as IKongDatabase;
}

/** A database's CA is trusted only by a verifying Kong: without `sslVerify` it would protect nothing. */
function checkDatabaseCa(v: Problems, d: Partial<IKongDatabase>): void {
  if (d.caCertificate === undefined) return;
  if (!(d.caCertificate instanceof CaCertificate)) {
    v.add("database.caCertificate", d.caCertificate, "must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?)");
  } else if (d.sslVerify !== true) {
    v.add(
      "database.caCertificate",
      d.caCertificate.describe(),
      "needs database.sslVerify: without verification Kong never checks the server's certificate, so the CA would protect nothing. Verify (sslMode \"verify-full\", or sslVerify: true)",
    );
  }
}

const KONG_SETTING = /^KONG_[A-Z0-9_]+$/;
const MANAGED = "is set by KongCluster from its database, ports and workerProcesses props; change those instead";

function checkEnv(v: Problems, env: Record<string, string> | undefined): Record<string, string> {
  if (env === undefined) return {};
  if (env === null || typeof env !== "object" || Array.isArray(env)) {
    v.add("env", env, "must be a map of KONG_* variable names to string values");
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const field = `env.${key}`;
    if (!KONG_SETTING.test(key)) {
      v.add(field, value, "is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_PLUGINS");
    } else if ((MANAGED_ENV as readonly string[]).includes(key)) {
      v.add(field, key === "KONG_PG_PASSWORD" ? "<redacted>" : value, MANAGED);
    } else if (typeof value !== "string") {
      v.add(field, value, "must be a string");
    } else if (noLiteralSecrets(v, "env", { [key]: value }, secretHint(key))) {
      out[key] = value;
    }
  }
  return out;
}

function secretHint(key: string): string {
  return `put it in a Kubernetes Secret in Kong's namespace and pass envFromSecrets: { ${key}: { name: "<secret>", key: "<key>" } }`;
}

function checkEnvFromSecrets(v: Problems, refs: unknown, env: unknown): Record<string, SecretKeyRef> {
  if (!plainObject(v, "envFromSecrets", refs, "must be a map of KONG_* variable names to { name, key } of Secrets in Kong's namespace")) return {};
  const out: Record<string, SecretKeyRef> = {};
  for (const [key, ref] of Object.entries((refs ?? {}) as Record<string, unknown>)) {
    const field = `envFromSecrets.${key}`;
    if (!KONG_SETTING.test(key)) {
      v.add(field, ref, "is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_ADMIN_GUI_SESSION_CONF");
    } else if ((MANAGED_ENV as readonly string[]).includes(key)) {
      v.add(field, ref, MANAGED);
    } else if (env !== null && typeof env === "object" && Object.prototype.hasOwnProperty.call(env, key)) {
      v.add(field, ref, `is also set by env.${key}: give each setting once`);
    } else if (secretKeyRef(v, field, ref, `the value of ${key}`)) {
      out[key] = { name: ref.name, key: ref.key };
    }
  }
  return out;
}
