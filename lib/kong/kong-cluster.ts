import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { JobV1 } from "@cdktf/provider-kubernetes/lib/job-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { isToken } from "../core/checks";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { IKongDatabase } from "../database/kong-database";
import { CaCertificate } from "../kubernetes/ca-certificate";
import { addAutoscalerAndBudget } from "../kubernetes/workload-scaling";
import { KongClusterProps, resolveKongClusterProps, ResolvedKongClusterProps } from "./kong-cluster-props";
import { AdminProxyRoute } from "./admin-endpoint";
import { KongCertificateFiles, kongCertificateFiles } from "./kong-certificates";
import { addKongNetworkPolicies } from "./kong-network-policies";
import { KONG_PORTS, kongEnvironment, KongEnvVar } from "./kong-pod";
import { addKongOutputs, addKongServices, KongServicesOptions } from "./kong-services";
import { addKongDeployment } from "./kong-workload";
import { addMigrationsFinishJob, addMigrationsJob, MigrationJobOptions } from "./migration-jobs";
import { migrationsKey } from "./migrations";
import { ProxyTls } from "./proxy-tls";

export { DEFAULT_KONG_IMAGE, MAX_KONG_NAME_LENGTH } from "./kong-cluster-props";
export type { KongClusterProps } from "./kong-cluster-props";

/**
 * Kong Gateway (open source, database mode) on Kubernetes: what Kong's Helm chart deploys, as Terraform resources,
 * with migrations ordered by Terraform: migrations Job -> Deployment rollout -> finish Job.
 *
 * Every resource is created directly in this construct's scope, under the ids it has always had (`Resource`,
 * `Migrations`, `MigrationsFinish`, `ProxyService`, `AdminService`, `StatusService`, `Autoscaler`,
 * `DisruptionBudget`, `NetworkPolicy`, `DatabaseNetworkPolicy`): a changed id would replace the object in the cluster.
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
  /**
   * Where Terraform reaches the Admin API: the in-cluster URL, e.g. `http://kong-admin.kong.svc.cluster.local:8001`;
   * through the proxy (`AdminEndpoint.throughProxy`), its HTTPS URL, e.g. `https://kong-admin.example.com`.
   */
  public readonly adminUrl: string;
  /** The certificate the proxy serves (`tls`), if any. */
  public readonly tls?: ProxyTls;
  /** The Admin API's route on the proxy (`AdminEndpoint.throughProxy`): give it to `AdminApiRoute` in the gateway. */
  public readonly adminRoute?: AdminProxyRoute;
  /** The CA Kong verifies TLS upstreams with (`upstreamCaCertificate`), if any. */
  public readonly upstreamCaCertificate?: CaCertificate;
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
  /** Present with `Scaling.cpu`. */
  public readonly autoscaler?: HorizontalPodAutoscalerV2;
  /** Present when Kong starts with more than one pod. */
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
    const p = resolveKongClusterProps(this, props);
    this.name = p.name;
    this.namespace = p.namespace;
    this.image = p.image;
    this.database = p.database;
    // A token image (known only at apply time) gets a fixed version label: its placeholder differs between builds.
    const version = isToken(this.image) ? "unknown" : imageVersion(this.image);
    const podLabelOpts = { name: "kong", instance: this.name, component: "gateway", version };
    const migrationLabelOpts = { name: "kong-migrations", instance: this.name, component: "migrations", version };
    this.proxySelectorLabels = selectorLabels(podLabelOpts);
    this.migrationsSelectorLabels = selectorLabels(migrationLabelOpts);
    this.tls = p.tls;
    this.adminRoute = p.admin.route;
    this.upstreamCaCertificate = p.upstreamCa;
    this.adminUrl = this.adminRoute
      ? adminProxyUrl(this.adminRoute, p.proxy.httpsPort)
      : `http://${this.name}-admin.${this.namespace}.svc.cluster.local:${KONG_PORTS.admin}`;
    this.proxyHost = `${this.name}-proxy.${this.namespace}.svc.cluster.local`;
    this.migrationsKey = migrationsKey(this.image, this.database.host, this.database.databaseName);

    const certificates = kongCertificateFiles({ tls: p.tls, databaseCa: this.database.caCertificate, upstreamCa: p.upstreamCa });
    const { env, proxyEnv } = kongEnvironments(p, certificates);
    const ns = this.namespace;
    const jobs: MigrationJobOptions = {
      name: this.name,
      namespace: ns,
      image: this.image,
      key: this.migrationsKey,
      labels: standardLabels(migrationLabelOpts),
      env,
      certificates,
    };

    // The order below is Terraform's order too: migrations Job -> Deployment rollout -> finish Job.
    this.migrationsJob = addMigrationsJob(this, jobs, this.database.dependables);
    this.deployment = addKongDeployment(this, {
      name: this.name,
      namespace: ns,
      image: this.image,
      labels: standardLabels(podLabelOpts),
      selector: this.proxySelectorLabels,
      env,
      proxyEnv,
      certificates,
      resources: p.resources,
      scaling: p.scaling,
      dependsOn: [this.migrationsJob],
    });
    this.migrationsFinishJob = addMigrationsFinishJob(this, jobs, this.deployment);

    const serviceLabels = standardLabels({ name: "kong", instance: this.name, component: "gateway" });
    const services: KongServicesOptions = { name: this.name, namespace: ns, labels: serviceLabels, selector: this.proxySelectorLabels, proxy: p.proxy, admin: p.admin };
    const made = addKongServices(this, services);
    this.proxyService = made.proxyService;
    this.adminService = made.adminService;
    this.statusService = made.statusService;

    const availability = addAutoscalerAndBudget(this, {
      scaling: p.scaling,
      metadata: { name: this.name, namespace: ns, labels: serviceLabels },
      selector: this.proxySelectorLabels,
      deploymentName: this.deployment.metadata.name,
    });
    this.autoscaler = availability.autoscaler;
    this.disruptionBudget = availability.disruptionBudget;

    const policies = addKongNetworkPolicies(this, this.policyOptions(p, serviceLabels));
    this.networkPolicy = policies.networkPolicy;
    this.databaseNetworkPolicy = policies.databaseNetworkPolicy;

    const outputs = addKongOutputs(this, this.name, this.adminUrl, made, services);
    this.proxyAddressOutput = outputs.proxyAddressOutput;
    this.adminUrlOutput = outputs.adminUrlOutput;
    this.adminAddressOutput = outputs.adminAddressOutput;
  }

  private policyOptions(p: ResolvedKongClusterProps, labels: Record<string, string>) {
    return {
      name: this.name,
      namespace: this.namespace,
      labels,
      proxySelector: this.proxySelectorLabels,
      migrationsSelector: this.migrationsSelectorLabels,
      admin: p.admin,
      adminPeers: p.adminPeers,
      database: this.database,
    };
  }
}

/**
 * The environment of every Kong container (`env`) and of the proxy container (`proxyEnv`): the proxy's own
 * certificate and the upstream CA reach the proxy container only, never the migration Jobs.
 */
function kongEnvironments(p: ResolvedKongClusterProps, certificates: KongCertificateFiles): { env: KongEnvVar[]; proxyEnv: KongEnvVar[] } {
  const options = {
    database: p.database,
    workerProcesses: p.workerProcesses,
    httpPort: p.proxy.httpPort,
    httpsPort: p.proxy.httpsPort,
    adminLoopbackOnly: p.admin.isThroughProxy,
    certificates: certificates.env,
    extra: p.env,
    fromSecrets: p.envFromSecrets,
  };
  return { env: kongEnvironment(options), proxyEnv: kongEnvironment({ ...options, certificates: { ...certificates.env, ...certificates.proxyEnv } }) };
}

/** `https://<host>[:<port>]<path>` of the Admin API's route on the proxy (no trailing slash: the provider adds paths). */
function adminProxyUrl(route: AdminProxyRoute, httpsPort: number): string {
  const port = httpsPort === 443 ? "" : `:${httpsPort}`;
  const path = route.path === "/" ? "" : route.path.replace(/\/+$/, "");
  return `https://${route.host}${port}${path}`;
}
