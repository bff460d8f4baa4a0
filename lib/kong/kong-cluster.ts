import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { JobV1 } from "@cdktf/provider-kubernetes/lib/job-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { Fn, ITerraformDependable, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { isIP } from "node:net";
import { bool, cidrList, dns1123Label, integerIn, isToken, noLiteralSecrets, oneOf, pinnedImage, plainObject, required } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { dependableList, IKongDatabase, KongDatabasePasswordSecret } from "../database/kong-database";
import { annotationMap } from "../kubernetes/annotations";
import { ContainerResources, renderResources, resolveResources } from "../kubernetes/container-resources";
import { labelSelector } from "../kubernetes/labels";
import { secretKeyRef } from "../kubernetes/secret-ref";
import { AdminPeer, adminCidr, adminPeers, NetworkPolicyPeer } from "./admin-access";
import {
  DEFAULT_KONG_RESOURCES,
  KONG_PORTS,
  KONG_PREFIX,
  KONG_TASK_RESOURCES,
  kongContainerSecurityContext,
  kongEnvironment,
  KongEnvVar,
  kongPodSecurityContext,
  kongVolumeMounts,
  kongVolumes,
  MANAGED_ENV,
} from "./kong-pod";
import { clearStaleStateCommand, migrationsFinishScript, migrationsKey, migrationsUpScript, waitForDatabaseScript } from "./migrations";

/** The Kong image used when none is given: open-source Kong Gateway 3.9, pinned to a patch release. */
export const DEFAULT_KONG_IMAGE = "kong:3.9.1";
/** Longest cluster name: `<name>-migrations-finish-<8 hex>` must stay a 63-character label (the Job's pod label). */
export const MAX_KONG_NAME_LENGTH = 36;

export type ProxyServiceType = "LoadBalancer" | "ClusterIP" | "NodePort";
export const PROXY_SERVICE_TYPES: readonly ProxyServiceType[] = ["LoadBalancer", "ClusterIP", "NodePort"];
/** The Admin API is never a NodePort: that would open it on every node of the cluster. */
export type AdminServiceType = "ClusterIP" | "LoadBalancer";
export const ADMIN_SERVICE_TYPES: readonly AdminServiceType[] = ["ClusterIP", "LoadBalancer"];

export interface KongProxyProps {
  /** How clients reach the proxy. @default "LoadBalancer" (the platform's virtual IP) */
  readonly serviceType?: ProxyServiceType;
  /** A fixed address for the load balancer (the provider must support it). @default assigned by the cloud */
  readonly loadBalancerIp?: string;
  /** CIDR blocks allowed through the load balancer. @default every address */
  readonly loadBalancerSourceRanges?: string[];
  /** `Local` keeps client source addresses (for ip-restriction and rate limiting by IP). @default "Cluster" */
  readonly externalTrafficPolicy?: "Cluster" | "Local";
  /** Service port for HTTP, mapped to Kong's 8000. @default 80 */
  readonly httpPort?: number;
  /** Service port for HTTPS, mapped to Kong's 8443. @default 443 */
  readonly httpsPort?: number;
  /** Annotations of the proxy Service (cloud load-balancer settings). @default none */
  readonly annotations?: Record<string, string>;
}

export interface KongAdminProps {
  /**
   * `ClusterIP` keeps the Admin API inside the cluster (reach it with `kubectl port-forward` or from `allowFrom`
   * peers). `LoadBalancer` exposes it and requires `loadBalancerSourceRanges`. NodePort is refused.
   * @default "ClusterIP"
   */
  readonly serviceType?: AdminServiceType;
  /** CIDR blocks allowed to reach an exposed Admin API; mandatory and non-empty with `LoadBalancer`. @default none */
  readonly loadBalancerSourceRanges?: string[];
  /** In-cluster sources allowed to reach the Admin API ports by the NetworkPolicy. @default none */
  readonly allowFrom?: AdminPeer[];
  /** Annotations of the admin Service. @default none */
  readonly annotations?: Record<string, string>;
}

export interface KongAutoscalingProps {
  /** Create a HorizontalPodAutoscaler. @default true when minReplicas > 1 */
  readonly enabled?: boolean;
  /** @default `replicas` (2) */
  readonly minReplicas?: number;
  /** @default the larger of 5 and minReplicas */
  readonly maxReplicas?: number;
  /** Average CPU utilization (percent of requests) the autoscaler aims for. @default 80 */
  readonly cpuUtilizationPercent?: number;
}

export interface KongClusterProps {
  /** Namespace of every Kong object (and of the database's password Secret). */
  readonly namespace: string;
  /** The PostgreSQL database Kong runs on: `InClusterPostgres`, `ExistingPostgres` or `KongDatabase.fromAttributes`. */
  readonly database: IKongDatabase;
  /** Name of the Deployment; Services are `<name>-proxy`, `<name>-admin`, `<name>-status`. @default "kong" */
  readonly name?: string;
  /** Kong image, pinned to a full version tag or a digest. @default "kong:3.9.1" */
  readonly image?: string;
  /** Pod count without autoscaling; the autoscaler's minimum with it. @default 2 */
  readonly replicas?: number;
  /** CPU-based HorizontalPodAutoscaler (autoscaling/v2). @default on, 2..5 replicas at 80% CPU */
  readonly autoscaling?: KongAutoscalingProps;
  /** Requests and limits of the Kong container. @default requests cpu 500m / memory 512Mi, limits cpu 2 / memory 1Gi */
  readonly resources?: ContainerResources;
  /** nginx worker processes per pod (`KONG_NGINX_WORKER_PROCESSES`). @default 2 */
  readonly workerProcesses?: number;
  /** The clients' entry point. @default a LoadBalancer on ports 80 and 443 */
  readonly proxy?: KongProxyProps;
  /** The Admin API. @default ClusterIP, reachable by no pod until `allowFrom` says so */
  readonly admin?: KongAdminProps;
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
  readonly envFromSecrets?: Record<string, { readonly name: string; readonly key: string }>;
}

/**
 * Kong Gateway (open source, database mode) on Kubernetes: what Kong's Helm chart deploys, as Terraform resources,
 * with migrations ordered by Terraform: migrations Job -> Deployment rollout -> finish Job.
 */
export class KongCluster extends Construct {
  public readonly name: string;
  public readonly namespace: string;
  public readonly image: string;
  public readonly database: IKongDatabase;
  /** Labels carried by Kong proxy pods (select them in NetworkPolicies of upstream services). */
  public readonly proxySelectorLabels: Record<string, string>;
  /** Labels carried by the migration Jobs' pods. */
  public readonly migrationsSelectorLabels: Record<string, string>;
  /** In-cluster Admin API URL, e.g. `http://kong-admin.kong.svc.cluster.local:8001`. */
  public readonly adminUrl: string;
  /** In-cluster DNS name of the proxy Service. */
  public readonly proxyHost: string;
  /**
   * Hash of (image, database host, database name) in the migration Jobs' names. A part that is a Terraform token
   * (known only at apply time, e.g. a host from a variable) is hashed as a fixed marker, so the key is the same on
   * every build; with a token host the key then only follows the image (and the literal parts).
   */
  public readonly migrationsKey: string;

  public readonly deployment: DeploymentV1;
  public readonly proxyService: ServiceV1;
  public readonly adminService: ServiceV1;
  public readonly statusService: ServiceV1;
  /** Runs bootstrap / finish-leftovers / up before the rollout. */
  public readonly migrationsJob: JobV1;
  /** Runs `kong migrations finish` after the rollout. */
  public readonly migrationsFinishJob: JobV1;
  public readonly autoscaler?: HorizontalPodAutoscalerV2;
  public readonly disruptionBudget?: PodDisruptionBudgetV1;
  /** Ingress rules of the Kong pods: proxy and status open, admin only from the allowed sources. */
  public readonly networkPolicy: NetworkPolicyV1;
  /** Ingress rules of in-cluster PostgreSQL pods: only Kong and its migration Jobs (absent for external servers). */
  public readonly databaseNetworkPolicy?: NetworkPolicyV1;
  public readonly proxyAddressOutput: TerraformOutput;
  public readonly adminUrlOutput: TerraformOutput;
  public readonly adminAddressOutput?: TerraformOutput;

  constructor(scope: Construct, id: string, props: KongClusterProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<KongClusterProps>;
    const v = new Problems(this);

    // ---- validation: every problem of this construct, then one error ----
    const nsOk = required(v, "namespace", p.namespace, "is required: the namespace Kong runs in") && dns1123Label(v, "namespace", p.namespace);
    if (isToken(p.name)) {
      v.add("name", p.name, "must be a literal string, not a Terraform token: it names the Kubernetes objects and the Terraform outputs");
    } else {
      dns1123Label(v, "name", p.name, MAX_KONG_NAME_LENGTH);
    }
    pinnedImage(v, "image", p.image, { semver: true });
    const db = checkDatabase(v, p.database, nsOk ? p.namespace : undefined);
    integerIn(v, "replicas", p.replicas, 1, 100);
    const scaling = checkAutoscaling(v, p.autoscaling, p.replicas ?? 2);
    integerIn(v, "workerProcesses", p.workerProcesses, 1, 64);
    const resources = resolveResources(v, "resources", p.resources, DEFAULT_KONG_RESOURCES);
    const proxy = checkProxy(v, p.proxy);
    const admin = checkAdmin(v, p.admin);
    const extraEnv = checkEnv(v, p.env);
    const secretEnv = checkEnvFromSecrets(v, p.envFromSecrets, p.env);
    v.throwIfAny();

    // ---- names and labels ----
    this.name = p.name ?? "kong";
    this.namespace = p.namespace as string;
    this.image = p.image ?? DEFAULT_KONG_IMAGE;
    this.database = db!;
    const ns = this.namespace;
    // A token image (known only at apply time) gets a fixed version label: its placeholder differs between builds.
    const version = isToken(this.image) ? "unknown" : imageVersion(this.image);
    const podLabelOpts = { name: "kong", instance: this.name, component: "gateway", version };
    const labels = standardLabels(podLabelOpts);
    this.proxySelectorLabels = selectorLabels(podLabelOpts);
    const migrationLabelOpts = { name: "kong-migrations", instance: this.name, component: "migrations", version };
    const migrationLabels = standardLabels(migrationLabelOpts);
    this.migrationsSelectorLabels = selectorLabels(migrationLabelOpts);
    this.adminUrl = `http://${this.name}-admin.${ns}.svc.cluster.local:${KONG_PORTS.admin}`;
    this.proxyHost = `${this.name}-proxy.${ns}.svc.cluster.local`;
    this.migrationsKey = migrationsKey(this.image, this.database.host, this.database.databaseName);

    const env = kongEnvironment({
      database: this.database,
      workerProcesses: p.workerProcesses ?? 2,
      httpPort: proxy.httpPort,
      httpsPort: proxy.httpsPort,
      extra: extraEnv,
      fromSecrets: secretEnv,
    });

    // ---- migrations, step 1: converge the schema before any new pod starts ----
    this.migrationsJob = this.migrationJob("Migrations", `${this.name}-migrations-${this.migrationsKey}`, migrationsUpScript(), {
      env,
      labels: migrationLabels,
      dependsOn: this.database.dependables,
    });

    // ---- the Kong pods ----
    const secure = kongContainerSecurityContext();
    const mounts = kongVolumeMounts();
    const probe = (path: string) => ({
      httpGet: { path, port: "status", scheme: "HTTP" },
      initialDelaySeconds: 5,
      timeoutSeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    const spread = (topologyKey: string) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: "ScheduleAnyway",
      labelSelector: [{ matchLabels: this.proxySelectorLabels }],
    });
    const initialReplicas = scaling.enabled ? scaling.minReplicas : (p.replicas ?? 2);
    this.deployment = new DeploymentV1(this, "Resource", {
      metadata: { name: this.name, namespace: ns, labels },
      spec: {
        replicas: String(initialReplicas),
        selector: { matchLabels: this.proxySelectorLabels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" } },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 30,
            securityContext: kongPodSecurityContext(),
            topologySpreadConstraint: [spread("kubernetes.io/hostname"), spread("topology.kubernetes.io/zone")],
            initContainer: [
              {
                name: "clear-stale-pid",
                image: this.image,
                imagePullPolicy: "IfNotPresent",
                command: clearStaleStateCommand(KONG_PREFIX),
                resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } },
                securityContext: secure,
                volumeMount: mounts,
              },
              {
                name: "wait-for-db",
                image: this.image,
                imagePullPolicy: "IfNotPresent",
                command: ["/bin/sh", "-c", waitForDatabaseScript()],
                env,
                resources: renderResources(KONG_TASK_RESOURCES),
                securityContext: secure,
                volumeMount: mounts,
              },
            ],
            container: [
              {
                name: "proxy",
                image: this.image,
                imagePullPolicy: "IfNotPresent",
                env,
                port: [
                  { name: "proxy", containerPort: KONG_PORTS.proxy, protocol: "TCP" },
                  { name: "proxy-tls", containerPort: KONG_PORTS.proxyTls, protocol: "TCP" },
                  { name: "admin", containerPort: KONG_PORTS.admin, protocol: "TCP" },
                  { name: "admin-tls", containerPort: KONG_PORTS.adminTls, protocol: "TCP" },
                  { name: "status", containerPort: KONG_PORTS.status, protocol: "TCP" },
                ],
                readinessProbe: probe("/status/ready"),
                livenessProbe: probe("/status"),
                lifecycle: { preStop: [{ exec: { command: ["kong", "quit", "--wait=15"] } }] },
                resources: renderResources(resources),
                securityContext: secure,
                volumeMount: mounts,
              },
            ],
            volume: kongVolumes(),
          },
        },
      },
      waitForRollout: true,
      timeouts: { create: "15m", update: "15m" },
      dependsOn: [this.migrationsJob],
      // The autoscaler owns the replica count once it exists.
      lifecycle: scaling.enabled ? { ignoreChanges: ["spec[0].replicas"] } : undefined,
    });

    // ---- migrations, step 2: finish after every pod runs the new version ----
    this.migrationsFinishJob = this.migrationJob(
      "MigrationsFinish",
      `${this.name}-migrations-finish-${this.migrationsKey}`,
      migrationsFinishScript(),
      { env, labels: migrationLabels, dependsOn: [this.deployment] },
    );

    // ---- services ----
    const serviceLabels = standardLabels({ name: "kong", instance: this.name, component: "gateway" });
    const isLb = proxy.serviceType === "LoadBalancer";
    this.proxyService = new ServiceV1(this, "ProxyService", {
      metadata: { name: `${this.name}-proxy`, namespace: ns, labels: serviceLabels, annotations: proxy.annotations },
      spec: {
        type: proxy.serviceType,
        selector: this.proxySelectorLabels,
        loadBalancerIp: proxy.loadBalancerIp,
        loadBalancerSourceRanges: proxy.loadBalancerSourceRanges,
        externalTrafficPolicy: proxy.serviceType === "ClusterIP" ? undefined : (proxy.externalTrafficPolicy ?? "Cluster"),
        port: [
          { name: "kong-proxy", port: proxy.httpPort, targetPort: "proxy", protocol: "TCP" },
          { name: "kong-proxy-tls", port: proxy.httpsPort, targetPort: "proxy-tls", protocol: "TCP" },
        ],
      },
      waitForLoadBalancer: isLb ? true : undefined,
    });

    const adminIsLb = admin.serviceType === "LoadBalancer";
    this.adminService = new ServiceV1(this, "AdminService", {
      metadata: { name: `${this.name}-admin`, namespace: ns, labels: serviceLabels, annotations: admin.annotations },
      spec: {
        type: admin.serviceType,
        selector: this.proxySelectorLabels,
        loadBalancerSourceRanges: adminIsLb ? admin.loadBalancerSourceRanges : undefined,
        // Local keeps the client address, so the NetworkPolicy's ipBlocks see who is calling.
        externalTrafficPolicy: adminIsLb ? "Local" : undefined,
        port: [
          { name: "kong-admin", port: KONG_PORTS.admin, targetPort: "admin", protocol: "TCP" },
          { name: "kong-admin-tls", port: KONG_PORTS.adminTls, targetPort: "admin-tls", protocol: "TCP" },
        ],
      },
    });

    this.statusService = new ServiceV1(this, "StatusService", {
      metadata: { name: `${this.name}-status`, namespace: ns, labels: serviceLabels },
      spec: {
        type: "ClusterIP",
        selector: this.proxySelectorLabels,
        port: [{ name: "kong-status", port: KONG_PORTS.status, targetPort: "status", protocol: "TCP" }],
      },
    });

    // ---- availability ----
    if (scaling.enabled) {
      this.autoscaler = new HorizontalPodAutoscalerV2(this, "Autoscaler", {
        metadata: { name: this.name, namespace: ns, labels: serviceLabels },
        spec: {
          minReplicas: scaling.minReplicas,
          maxReplicas: scaling.maxReplicas,
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: this.deployment.metadata.name },
          metric: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: scaling.cpuUtilizationPercent } },
            },
          ],
        },
      });
    }
    if (initialReplicas > 1) {
      this.disruptionBudget = new PodDisruptionBudgetV1(this, "DisruptionBudget", {
        metadata: { name: this.name, namespace: ns, labels: serviceLabels },
        spec: { maxUnavailable: "1", selector: { matchLabels: this.proxySelectorLabels } },
      });
    }

    // ---- network policies ----
    const adminSources: NetworkPolicyPeer[] = [
      ...(adminIsLb ? (admin.loadBalancerSourceRanges ?? []).map((cidr) => ({ ipBlock: { cidr } })) : []),
      ...admin.peers,
    ];
    const tcp = (port: number) => ({ port: String(port), protocol: "TCP" });
    this.networkPolicy = new NetworkPolicyV1(this, "NetworkPolicy", {
      metadata: { name: this.name, namespace: ns, labels: serviceLabels },
      spec: {
        podSelector: { matchLabels: this.proxySelectorLabels },
        policyTypes: ["Ingress"],
        ingress: [
          { ports: [tcp(KONG_PORTS.proxy), tcp(KONG_PORTS.proxyTls), tcp(KONG_PORTS.status)] },
          ...(adminSources.length > 0 ? [{ from: adminSources, ports: [tcp(KONG_PORTS.admin), tcp(KONG_PORTS.adminTls)] }] : []),
        ],
      },
    });

    if (this.database.podSelectorLabels && Object.keys(this.database.podSelectorLabels).length > 0) {
      this.databaseNetworkPolicy = new NetworkPolicyV1(this, "DatabaseNetworkPolicy", {
        metadata: { name: `${this.name}-database`, namespace: ns, labels: serviceLabels },
        spec: {
          podSelector: { matchLabels: { ...this.database.podSelectorLabels } },
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: [{ podSelector: { matchLabels: this.proxySelectorLabels } }, { podSelector: { matchLabels: this.migrationsSelectorLabels } }],
              ports: [tcp(this.database.port)],
            },
          ],
        },
      });
    }

    // ---- outputs (no secret in any of them) ----
    // outputs named for humans: kong_proxy_address, kong_admin_url, kong_admin_address
    const outputPrefix = this.name.replace(/-/g, "_");
    this.proxyAddressOutput = new TerraformOutput(this, "ProxyAddress", {
      description: `Address clients call Kong "${this.name}" at (the proxy's ${isLb ? "load-balancer address" : "cluster IP"})`,
      value: isLb ? loadBalancerAddress(this.proxyService) : this.proxyService.spec.clusterIp,
    });
    this.proxyAddressOutput.overrideLogicalId(`${outputPrefix}_proxy_address`);
    this.adminUrlOutput = new TerraformOutput(this, "AdminUrl", {
      description: `In-cluster URL of the Admin API of Kong "${this.name}"`,
      value: this.adminUrl,
    });
    this.adminUrlOutput.overrideLogicalId(`${outputPrefix}_admin_url`);
    if (adminIsLb) {
      this.adminAddressOutput = new TerraformOutput(this, "AdminAddress", {
        description: `Load-balancer address of the Admin API of Kong "${this.name}" (port ${KONG_PORTS.admin})`,
        value: loadBalancerAddress(this.adminService),
      });
      this.adminAddressOutput.overrideLogicalId(`${outputPrefix}_admin_address`);
    }
  }

  private migrationJob(
    id: string,
    jobName: string,
    script: string,
    o: { env: KongEnvVar[]; labels: Record<string, string>; dependsOn: ITerraformDependable[] },
  ): JobV1 {
    return new JobV1(this, id, {
      metadata: { name: jobName, namespace: this.namespace, labels: o.labels },
      spec: {
        backoffLimit: 3,
        activeDeadlineSeconds: 1200,
        template: {
          metadata: { labels: o.labels },
          spec: {
            restartPolicy: "Never",
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: kongPodSecurityContext(),
            container: [
              {
                name: "kong-migrations",
                image: this.image,
                imagePullPolicy: "IfNotPresent",
                command: ["/bin/sh", "-c", script],
                env: o.env,
                resources: renderResources(KONG_TASK_RESOURCES),
                securityContext: kongContainerSecurityContext(),
                volumeMount: kongVolumeMounts(),
              },
            ],
            volume: kongVolumes(),
          },
        },
      },
      waitForCompletion: true,
      timeouts: { create: "25m", update: "25m" },
      dependsOn: o.dependsOn.length > 0 ? o.dependsOn : undefined,
    });
  }
}

function loadBalancerAddress(service: ServiceV1): string {
  const ingress = service.status.get(0).loadBalancer.get(0).ingress.get(0);
  return Fn.coalesce([ingress.ip, ingress.hostname]);
}

// ---------------------------------------------------------------------------------------------------------------
// validation helpers (each records problems on `v`)

function checkDatabase(v: Problems, db: unknown, namespace: unknown): IKongDatabase | undefined {
  if (db === undefined || db === null) {
    v.add("database", db, "is required: pass an InClusterPostgres, an ExistingPostgres or KongDatabase.fromAttributes(...)");
    return undefined;
  }
  const d = db as Partial<IKongDatabase>;
  const shaped =
    typeof d.host === "string" &&
    typeof d.port === "number" &&
    typeof d.databaseName === "string" &&
    typeof d.user === "string" &&
    typeof d.passwordSecret?.name === "string" &&
    typeof d.passwordSecret?.key === "string" &&
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

interface ResolvedScaling {
  readonly enabled: boolean;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuUtilizationPercent: number;
}

function checkAutoscaling(v: Problems, a: KongAutoscalingProps | undefined, replicas: number): ResolvedScaling {
  if (!plainObject(v, "autoscaling", a, "must be an object { enabled?, minReplicas?, maxReplicas?, cpuUtilizationPercent? }")) a = undefined;
  bool(v, "autoscaling.enabled", a?.enabled);
  const okMin = integerIn(v, "autoscaling.minReplicas", a?.minReplicas, 1, 100);
  const okMax = integerIn(v, "autoscaling.maxReplicas", a?.maxReplicas, 1, 100);
  integerIn(v, "autoscaling.cpuUtilizationPercent", a?.cpuUtilizationPercent, 1, 100);
  const min = a?.minReplicas ?? replicas;
  const max = a?.maxReplicas ?? Math.max(5, typeof min === "number" ? min : 5);
  if (okMin && okMax && typeof min === "number" && typeof max === "number" && min > max) {
    v.add(
      "autoscaling.maxReplicas",
      max,
      `must be at least autoscaling.minReplicas (${min})${a?.minReplicas === undefined ? ", which defaults to replicas" : ""}: raise maxReplicas or lower minReplicas`,
    );
  }
  return {
    enabled: a?.enabled ?? min > 1,
    minReplicas: min,
    maxReplicas: max,
    cpuUtilizationPercent: a?.cpuUtilizationPercent ?? 80,
  };
}

function checkProxy(v: Problems, proxy: KongProxyProps | undefined) {
  const shapeOk = plainObject(
    v,
    "proxy",
    proxy,
    "must be an object { serviceType?, loadBalancerIp?, loadBalancerSourceRanges?, externalTrafficPolicy?, httpPort?, httpsPort?, annotations? }",
  );
  const x: KongProxyProps = shapeOk ? (proxy ?? {}) : {};
  const type = x.serviceType ?? "LoadBalancer";
  oneOf(v, "proxy.serviceType", x.serviceType, PROXY_SERVICE_TYPES);
  if (x.loadBalancerIp !== undefined && !isToken(x.loadBalancerIp)) {
    if (typeof x.loadBalancerIp !== "string" || isIP(x.loadBalancerIp) === 0) {
      v.add("proxy.loadBalancerIp", x.loadBalancerIp, "must be an IPv4 or IPv6 address such as 203.0.113.10");
    } else if (type !== "LoadBalancer") {
      v.add("proxy.loadBalancerIp", x.loadBalancerIp, `only applies to a LoadBalancer Service, but proxy.serviceType is ${describeValue(type)}`);
    }
  }
  if (cidrList(v, "proxy.loadBalancerSourceRanges", x.loadBalancerSourceRanges, { requireCidr: true }) && x.loadBalancerSourceRanges !== undefined) {
    if (type !== "LoadBalancer") {
      v.add(
        "proxy.loadBalancerSourceRanges",
        x.loadBalancerSourceRanges,
        `only applies to a LoadBalancer Service, but proxy.serviceType is ${describeValue(type)}`,
      );
    } else if (Array.isArray(x.loadBalancerSourceRanges) && x.loadBalancerSourceRanges.length === 0) {
      v.add("proxy.loadBalancerSourceRanges", x.loadBalancerSourceRanges, "must not be empty: omit it to allow every address");
    }
  }
  if (oneOf(v, "proxy.externalTrafficPolicy", x.externalTrafficPolicy, ["Cluster", "Local"]) && x.externalTrafficPolicy !== undefined && type === "ClusterIP") {
    v.add("proxy.externalTrafficPolicy", x.externalTrafficPolicy, 'only applies to a LoadBalancer or NodePort Service, but proxy.serviceType is "ClusterIP"');
  }
  const okHttp = integerIn(v, "proxy.httpPort", x.httpPort, 1, 65535);
  const okHttps = integerIn(v, "proxy.httpsPort", x.httpsPort, 1, 65535);
  const httpPort = x.httpPort ?? 80;
  const httpsPort = x.httpsPort ?? 443;
  if (okHttp && okHttps && httpPort === httpsPort) {
    v.add("proxy.httpsPort", httpsPort, `must differ from proxy.httpPort (${httpPort})`);
  }
  annotationMap(v, "proxy.annotations", x.annotations);
  return {
    serviceType: type,
    httpPort,
    httpsPort,
    loadBalancerIp: x.loadBalancerIp,
    loadBalancerSourceRanges: x.loadBalancerSourceRanges,
    externalTrafficPolicy: x.externalTrafficPolicy,
    annotations: x.annotations,
  };
}

function checkAdmin(v: Problems, admin: KongAdminProps | undefined) {
  const shapeOk = plainObject(v, "admin", admin, "must be an object { serviceType?, loadBalancerSourceRanges?, allowFrom?, annotations? }");
  const x: KongAdminProps = shapeOk ? (admin ?? {}) : {};
  const type = x.serviceType ?? "ClusterIP";
  if ((x.serviceType as string) === "NodePort") {
    v.add(
      "admin.serviceType",
      x.serviceType,
      'is refused: a NodePort opens the Admin API, which has no authentication in Kong OSS, on every node. Use "ClusterIP" (kubectl port-forward, admin.allowFrom) or "LoadBalancer" with admin.loadBalancerSourceRanges',
    );
  } else {
    oneOf(v, "admin.serviceType", x.serviceType, ADMIN_SERVICE_TYPES);
  }
  const ranges = x.loadBalancerSourceRanges;
  if (type === "LoadBalancer") {
    if (ranges === undefined || (Array.isArray(ranges) && ranges.length === 0)) {
      v.add(
        "admin.loadBalancerSourceRanges",
        ranges,
        'is required when admin.serviceType is "LoadBalancer": list the CIDR blocks allowed to reach the Admin API, e.g. ["203.0.113.0/24"]',
      );
    } else if (!Array.isArray(ranges)) {
      v.add("admin.loadBalancerSourceRanges", ranges, "must be a list of CIDR blocks");
    } else if (isToken(ranges)) {
      v.add("admin.loadBalancerSourceRanges", ranges, LITERAL_LIST);
    } else {
      ranges.forEach((r, i) => adminCidr(v, `admin.loadBalancerSourceRanges[${i}]`, r));
    }
  } else if (ranges !== undefined) {
    v.add("admin.loadBalancerSourceRanges", ranges, `only applies when admin.serviceType is "LoadBalancer", but it is ${describeValue(type)}`);
  }
  const peers = adminPeers(v, "admin.allowFrom", x.allowFrom);
  annotationMap(v, "admin.annotations", x.annotations);
  return { serviceType: type, peers, loadBalancerSourceRanges: x.loadBalancerSourceRanges, annotations: x.annotations };
}

const LITERAL_LIST =
  "must be a literal list (its elements may be tokens): each entry becomes a rule of the Admin API's NetworkPolicy, which must be known when the plan is made";

function checkEnv(v: Problems, env: Record<string, string> | undefined): Record<string, string> {
  if (env === undefined) return {};
  if (env === null || typeof env !== "object" || Array.isArray(env)) {
    v.add("env", env, "must be a map of KONG_* variable names to string values");
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const field = `env.${key}`;
    if (!/^KONG_[A-Z0-9_]+$/.test(key)) {
      v.add(field, value, "is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_PLUGINS");
    } else if ((MANAGED_ENV as readonly string[]).includes(key)) {
      v.add(
        field,
        key === "KONG_PG_PASSWORD" ? "<redacted>" : value,
        "is set by KongCluster from its database, ports and workerProcesses props; change those instead",
      );
    } else if (typeof value !== "string") {
      v.add(field, value, "must be a string");
    } else if (noLiteralSecrets(v, "env", { [key]: value }, SECRET_HINT(key))) {
      out[key] = value;
    }
  }
  return out;
}

const SECRET_HINT = (key: string) =>
  `put it in a Kubernetes Secret in Kong's namespace and pass envFromSecrets: { ${key}: { name: "<secret>", key: "<key>" } }`;

function checkEnvFromSecrets(v: Problems, refs: unknown, env: unknown): Record<string, KongDatabasePasswordSecret> {
  if (!plainObject(v, "envFromSecrets", refs, "must be a map of KONG_* variable names to { name, key } of Secrets in Kong's namespace")) return {};
  const out: Record<string, KongDatabasePasswordSecret> = {};
  for (const [key, ref] of Object.entries((refs ?? {}) as Record<string, unknown>)) {
    const field = `envFromSecrets.${key}`;
    if (!/^KONG_[A-Z0-9_]+$/.test(key)) {
      v.add(field, ref, "is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_ADMIN_GUI_SESSION_CONF");
    } else if ((MANAGED_ENV as readonly string[]).includes(key)) {
      v.add(field, ref, "is set by KongCluster from its database, ports and workerProcesses props; change those instead");
    } else if (env !== null && typeof env === "object" && Object.prototype.hasOwnProperty.call(env, key)) {
      v.add(field, ref, `is also set by env.${key}: give each setting once`);
    } else if (secretKeyRef(v, field, ref, `the value of ${key}`)) {
      const r = ref as KongDatabasePasswordSecret;
      out[key] = { name: r.name, key: r.key };
    }
  }
  return out;
}
