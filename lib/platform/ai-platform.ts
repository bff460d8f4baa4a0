import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { StateBackend } from "../app/state-backend";
import { AiPlatformCatalogOptions, ApiCatalog } from "../catalog/api-catalog";
import { bool, dns1123Label, factoryMadeProp, integerIn, isToken, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";
import { IKongDatabase } from "../database/kong-database";
import { GatewayConsumer, GatewayConsumerProps } from "../gateway/consumer";
import { AdminApiRoute } from "../gateway/admin-api-route";
import { KongGateway } from "../gateway/gateway";
import { Authentication } from "../gateway/authentication";
import { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import { KongCluster, KongClusterProps } from "../kong/kong-cluster";
import { DefaultDenyIngress } from "../kubernetes/default-deny";
import { Scaling } from "../kubernetes/scaling";
import { ProxyEndpoint } from "../kong/proxy-endpoint";
import { DetectionService, DetectionServiceProps } from "../models/detection-service";
import type { HttpsRedirectStatusCode } from "../models/props";
import { MODEL_CPU_TARGET_PERCENT } from "../models/resolved";
import { NamespaceOrder } from "../policy/namespace-order";
import { checkClientTransport, ClientTransport, clientTransport } from "./client-transport";
import { kubernetesProvider } from "./kubernetes-provider";
import { PlatformDatabase } from "./platform-database";
import { platformGateway } from "./platform-gateway";
import { PlatformTeam, PlatformTeamProps } from "./team";
import { InClusterRedis } from "../redis/in-cluster-redis";
import type { IKongRedis } from "../redis/kong-redis";
import { checkRedisChoice, withPlatformPolicies, withRedisSettings } from "./platform-policies";
import { PlatformRedis } from "./platform-redis";
import { ModelsByGroup } from "./consumer-access";

/** A model of the platform: DetectionService props without the parts the platform supplies. */
export type ModelDefinition = Omit<DetectionServiceProps, "gateway" | "kong" | "namespace">;

/** A consumer of the platform: who calls which models, with which limits. */
export type ConsumerDefinition = Omit<GatewayConsumerProps, "credentialsSecret" | "sensitiveOutputs">;

/** The namespaces of the platform. */
export interface AiPlatformNamespaces {
  /** Kong, its migrations and its in-cluster database. @default "kong" */
  readonly kong?: string;
  /** The model workloads. @default "models" */
  readonly models?: string;
  /**
   * Where each consumer's credentials are published, as the Secret `kong-consumer-<username>`: give it the namespace
   * of the applications that call the models, so they read their key without access to Kong's namespace.
   * @default the Kong namespace
   */
  readonly consumerCredentials?: string;
}

/**
 * The Kong cluster of the platform: KongCluster's own props, without those the platform supplies (namespace,
 * database). The platform adds one rule: a LoadBalancer proxy must name its client networks, so that opening the
 * platform to the internet is a decision (`ProxyEndpoint.loadBalancer({ sourceRanges: ["0.0.0.0/0", "::/0"] })`).
 */
export type AiPlatformKongProps = Omit<KongClusterProps, "namespace" | "database">;

/** Autoscaling bounds for the models that set no `scaling` of their own (on 70% CPU, a model's default target). */
export interface AiPlatformModelScale {
  readonly minReplicas: number;
  /** @default minReplicas */
  readonly maxReplicas?: number;
}

export interface AiPlatformProps {
  /** Name of the environment (`dev`, `prod`, ...): the last part of both stack names. At most 30 characters. */
  readonly environment: string;
  /**
   * First part of both stack names: `<stackPrefix>-platform-<environment>` and `<stackPrefix>-gateway-<environment>`.
   * At most 20 characters.
   * @default the construct id (`new AiPlatform(app, "acme", ...)` makes `acme-platform-dev`, `acme-gateway-dev`)
   */
  readonly stackPrefix?: string;
  /** @default kong: "kong", models: "models", consumerCredentials: the Kong namespace */
  readonly namespaces?: AiPlatformNamespaces;
  /**
   * Create the namespaces (restricted Pod Security Standard enforced; every object in them waits for them). Set
   * false when a cluster administrator creates them.
   * @default true
   */
  readonly createNamespaces?: boolean;
  /**
   * A default-deny ingress NetworkPolicy (`DefaultDenyIngress`) in the Kong and model namespaces, created or not: a
   * pod without a policy of its own is then reachable by nobody, and each workload's policy opens exactly what it
   * needs (Kong's proxy and status ports; the admin ports to their allowed peers; PostgreSQL to Kong, its migration
   * Jobs and its backups; each model's port to Kong's proxy pods). The `consumerCredentials` namespace is left
   * alone: it belongs to the applications. Set false for namespaces shared with workloads that have no policies.
   * @default true
   */
  readonly defaultDenyIngress?: boolean;
  /** Kong's PostgreSQL. @default `PlatformDatabase.inCluster()` (a 10Gi StatefulSet in Kong's namespace) */
  readonly database?: PlatformDatabase;
  /**
   * The Kong cluster. `kong.proxy` is required unless it is a ClusterIP or NodePort: a LoadBalancer needs its
   * `sourceRanges`. @default KongCluster's defaults (Scaling.cpu() 2..5 pods, AdminEndpoint.clusterIp())
   */
  readonly kong?: AiPlatformKongProps;
  /** @default none: each model's own `scaling` (DetectionService: 2..5 pods on 70% CPU) */
  readonly modelScale?: AiPlatformModelScale;
  /** Where Terraform keeps the state of both stacks. @default `StateBackend.local()`: `<project>/terraform-state/<stack>.tfstate` */
  readonly backend?: StateBackend;
  /**
   * The API catalog (`ApiCatalog`: OpenAPI document, catalog, topology) written at synth to
   * `<outdir>/catalog/<directory>/`; `false` for none.
   * @default written to `cdktf.out/catalog/<environment>/`
   */
  readonly catalog?: AiPlatformCatalogOptions | false;
  /**
   * How the models authenticate their clients unless they choose (`authentication`) or are `public`:
   * `Authentication.keyAuth()`, `.jwt()`, `.anyOf(...)` or `.allOf(...)`.
   * @default Authentication.keyAuth(): an API key in the `apikey` header
   */
  readonly authentication?: Authentication;
  /**
   * A Redis for the models' rate-limiting counters: `PlatformRedis.inCluster()` (one pod in Kong's namespace, only
   * Kong's pods admitted) or `PlatformRedis.existing({ host, passwordSecret, ssl?, ... })`. Every model without
   * `rateLimit.counters` of its own then counts in it: one Redis round trip per request and window instead of a read
   * and a write of Kong's PostgreSQL.
   * @default none: models count in Kong's PostgreSQL (`RateLimitCounters.cluster()`), still about N across all pods
   */
  readonly redis?: PlatformRedis;
  /**
   * Let the models' routes accept plain HTTP as well as HTTPS: the explicit choice of an environment without a
   * certificate (development), where API keys then cross the network in clear text. Without it the platform needs
   * `kong.tls`, and every model route accepts HTTPS only.
   * @default false: HTTPS only, which needs kong.tls
   */
  readonly plainHttp?: boolean;
  /**
   * What an HTTPS-only route answers plain HTTP with: 426 (Upgrade Required: the client retries over HTTPS itself),
   * or a redirect (308 / 307 keep a POST a POST; 301 / 302 turn it into a GET). A model's own
   * `httpsRedirectStatusCode` wins. Not with `plainHttp`.
   * @default 426
   */
  readonly httpsRedirectStatusCode?: HttpsRedirectStatusCode;
}

const PLATFORM_LABELS = {
  // Every pod of the platform meets the restricted Pod Security Standard; the namespace enforces it.
  "pod-security.kubernetes.io/enforce": "restricted",
  "app.kubernetes.io/part-of": "ai-platform",
};

/**
 * The AI platform of one environment, as two stacks created in `scope` (the app), beside this construct:
 * - `<prefix>-platform-<env>`: namespaces, PostgreSQL, the Kong cluster and every model's workload (Kubernetes provider);
 * - `<prefix>-gateway-<env>`: Kong's configuration — global plugins, each model's service, routes and policies, and the
 *   consumers with their credentials (Kong provider, pointed at the admin API of the first stack).
 * The gateway stack depends on the platform stack, so `cdktf deploy '*'` applies Kubernetes first. Only plain
 * names cross between them: no remote state is read.
 * ```ts
 * const platform = new AiPlatform(app, "acme", {
 *   environment: "dev",
 *   kong: { proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) },
 * });
 * platform.addModel("ocr", { name: "ocr", image: "registry.acme.io/ocr:1.0.0" });
 * platform.addConsumer("web", { username: "web", aclGroups: ["ocr"], keyAuth: true });
 * ```
 */
export class AiPlatform extends Construct {
  /** The first part of the stack names. */
  public readonly stackPrefix: string;
  /** The environment, the last part of the stack names. */
  public readonly environment: string;
  /** The namespaces in use, defaults applied. */
  public readonly namespaces: Required<AiPlatformNamespaces>;
  public readonly platformStack: TerraformStack;
  public readonly gatewayStack: TerraformStack;
  public readonly database: IKongDatabase;
  /** The Redis of `redis` (construct `redis` of the platform stack), if one was given. */
  public readonly redis?: IKongRedis;
  /**
   * Where the models count their rate limits unless they say otherwise: the platform's Redis, else Kong's PostgreSQL.
   * Use it in consumers' own limits too: `Plugin.rateLimiting({ minute: 100, counters: platform.rateLimitCounters })`.
   */
  public readonly rateLimitCounters: RateLimitCounters;
  public readonly kong: KongCluster;
  public readonly gateway: KongGateway;
  /** The default-deny ingress policies, one per namespace of Kong and the models (none with `defaultDenyIngress: false`). */
  public readonly defaultDeny: DefaultDenyIngress[];
  /**
   * The command that reaches the Admin API from a workstation, e.g. `kubectl -n kong port-forward svc/kong-admin 8001`:
   * the default `kong_admin_url` without `AdminEndpoint.throughProxy`, the first apply (and break-glass) with it.
   */
  public readonly adminPortForward: string;
  /** The Admin API's route on the proxy (key-auth, ACL, ip-restriction), with `kong.admin: AdminEndpoint.throughProxy(...)`. */
  public readonly adminApiRoute?: AdminApiRoute;
  /** What the models' routes accept from clients: https only (with kong.tls, unless plainHttp) or http and https. */
  public readonly clientTransport: ClientTransport;
  public readonly models = new Map<string, DetectionService>();
  public readonly consumers = new Map<string, GatewayConsumer>();
  /** The API catalog written at synth (undefined with `catalog: false`). */
  public readonly catalog?: ApiCatalog;
  /** How models authenticate unless they say otherwise (or are public). */
  public readonly authentication: Authentication;
  /** The model teams, by name (`addTeam`). */
  public readonly teams = new Map<string, PlatformTeam>();
  private readonly modelScale?: AiPlatformModelScale;
  /** The models by the ACL groups they allow: a consumer group outside them can never call anything. */
  private readonly modelsByGroup = new ModelsByGroup();

  constructor(scope: Construct, id: string, props: AiPlatformProps) {
    super(scope, id);
    const p = checkProps(this, id, props);
    this.stackPrefix = p.stackPrefix ?? id;
    this.environment = p.environment;
    const kongNamespace = p.namespaces?.kong ?? "kong";
    const modelNamespace = p.namespaces?.models ?? "models";
    this.namespaces = {
      kong: kongNamespace,
      models: modelNamespace,
      consumerCredentials: p.namespaces?.consumerCredentials ?? kongNamespace,
    };
    this.modelScale = p.modelScale;
    this.authentication = p.authentication ?? Authentication.keyAuth();
    const backend = p.backend ?? StateBackend.local();
    const kong = p.kong ?? {};

    // ---- Kubernetes: namespaces, database, Kong, model workloads ----
    this.platformStack = new TerraformStack(scope, `${this.stackPrefix}-platform-${this.environment}`);
    backend.applyTo(this.platformStack);
    kubernetesProvider(this.platformStack);
    if (p.createNamespaces !== false) {
      const namespaceNames = [...new Set([kongNamespace, modelNamespace, this.namespaces.consumerCredentials])];
      const namespaces = namespaceNames.map(
        (name) => new NamespaceV1(this.platformStack, `namespace-${name}`, { metadata: { name, labels: { ...PLATFORM_LABELS } } }),
      );
      Aspects.of(this.platformStack).add(new NamespaceOrder(namespaces, namespaceNames));
    }
    this.defaultDeny =
      p.defaultDenyIngress === false
        ? []
        : [...new Set([kongNamespace, modelNamespace])].map(
            (name) => new DefaultDenyIngress(this.platformStack, `deny-ingress-${name}`, { namespace: name, labels: { "app.kubernetes.io/part-of": "ai-platform" } }),
          );

    this.database = (p.database ?? PlatformDatabase.inCluster())._bind(this.platformStack, "postgres", kongNamespace);

    this.redis = p.redis?._bind(this.platformStack, "redis", kongNamespace);
    this.rateLimitCounters = this.redis ? RateLimitCounters.redis(this.redis) : RateLimitCounters.cluster();

    this.kong = new KongCluster(this.platformStack, "kong", { ...withRedisSettings(kong, this.redis, this.database.sslVerify), namespace: kongNamespace, database: this.database });
    if (this.redis instanceof InClusterRedis) this.redis.allowFrom(this.kong);

    // ---- Kong configuration ----
    this.gatewayStack = new TerraformStack(scope, `${this.stackPrefix}-gateway-${this.environment}`);
    backend.applyTo(this.gatewayStack);
    this.gatewayStack.addDependency(this.platformStack);
    kubernetesProvider(this.gatewayStack);
    const gateway = platformGateway(this.gatewayStack, this.kong, kongNamespace, this.stackPrefix);
    this.gateway = gateway.gateway;
    this.adminPortForward = gateway.adminPortForward;
    this.adminApiRoute = gateway.adminApiRoute;
    this.clientTransport = clientTransport(this.kong, p);
    const catalog = { gateway: this.gateway, kong: this.kong, title: `${this.stackPrefix} (${this.environment})` };
    if (p.catalog !== false) this.catalog = new ApiCatalog(this.gatewayStack, "catalog", { ...catalog, directory: p.catalog?.directory ?? this.environment });
  }

  /** Adds a model: its workload in the platform stack, its Kong service, routes and policies in the gateway stack. */
  public addModel(id: string, model: ModelDefinition): DetectionService {
    const valid = model !== null && typeof model === "object";
    // a missing definition goes through as is, so DetectionService reports it with its path
    const defaults = { counters: this.rateLimitCounters, authentication: this.authentication };
    const props: DetectionServiceProps = valid
      ? {
          ...this.clientTransport.modelDefaults(model),
          ...withPlatformPolicies(withPlatformScaling(model, this.modelScale), defaults),
          namespace: this.namespaces.models,
          gateway: this.gateway,
          kong: this.kong,
        }
      : (model as unknown as DetectionServiceProps);
    const service = new DetectionService(this.platformStack, id, props);
    this.models.set(service.name, service);
    this.modelsByGroup.add(service);
    new TerraformOutput(this.gatewayStack, `${service.name.replace(/-/g, "_")}_routes`, {
      description: `Paths clients call for the ${service.name} model, through the Kong proxy VIP`,
      value: (model.routes ?? [{ paths: [`/v1/${service.name}`] }]).flatMap((r) => r.paths),
    });
    return service;
  }

  /**
   * Adds a model team that deploys its models from its own app (`TeamApp`, its own repository and state): its
   * namespace with a quota (GPUs included), limits and default-deny ingress, the ACL groups its models may allow
   * (consumers may be granted them), and the output `team_<name>` its app attaches with. See `PlatformTeam`.
   */
  public addTeam(name: string, props: PlatformTeamProps = {}): PlatformTeam {
    const team = new PlatformTeam(this, name, props);
    this.teams.set(team.name, team);
    this.modelsByGroup.grant(team.aclGroups);
    return team;
  }

  /**
   * Adds a consumer. Its generated key is stored in the Kubernetes Secret `kong-consumer-<username>` in the
   * `consumerCredentials` namespace and exposed as a sensitive output; it never appears in the Terraform JSON.
   */
  public addConsumer(id: string, consumer: ConsumerDefinition): GatewayConsumer {
    const c = this.gateway.addConsumer(id, {
      ...consumer,
      credentialsSecret: { namespace: this.namespaces.consumerCredentials },
      sensitiveOutputs: true,
    });
    this.consumers.set(id, c);
    // Checked at synth, when every model and credential is known: a group no model allows is a typo that would
    // surface as 403s; a model that accepts none of the consumer's credentials would answer it 401.
    const groups = Array.isArray(consumer?.aclGroups) ? consumer.aclGroups : [];
    c.node.addValidation({ validate: () => this.modelsByGroup.problemsOf(c, groups) });
    return c;
  }
}

/** The props, checked before anything is built from them (stack names, namespaces). */
function checkProps(scope: Construct, id: string, props: AiPlatformProps): AiPlatformProps {
  const v = new Problems(scope);
  if (!plainObject(v, "props", props ?? null, "must be an object { environment, stackPrefix?, namespaces?, database?, kong?, modelScale?, backend?, plainHttp?, httpsRedirectStatusCode?, redis?, authentication?, catalog? }")) v.throwIfAny();
  if (required(v, "environment", props.environment, 'is required: the environment\'s name, e.g. "dev", ends both stack names')) {
    literalLabel(v, "environment", props.environment, 30);
  }
  if (props.stackPrefix !== undefined) {
    literalLabel(v, "stackPrefix", props.stackPrefix, 20);
  } else if (!isLabel(id, 20)) {
    v.add(
      "stackPrefix",
      id,
      "defaults to the construct id, which is not a DNS-1123 label of at most 20 characters (lowercase letters, digits and '-'): set stackPrefix, or use such an id",
    );
  }
  const ns = props.namespaces;
  if (plainObject(v, "namespaces", ns, "must be an object { kong?, models?, consumerCredentials? }") && ns) {
    for (const key of ["kong", "models", "consumerCredentials"] as const) literalLabel(v, `namespaces.${key}`, ns[key], 63);
  }
  bool(v, "createNamespaces", props.createNamespaces);
  bool(v, "defaultDenyIngress", props.defaultDenyIngress);
  if (props.database !== undefined && !(props.database instanceof PlatformDatabase)) {
    v.add("database", props.database, "must be made with PlatformDatabase.inCluster(), PlatformDatabase.existing() or PlatformDatabase.fromAttributes()");
  }
  if (plainObject(v, "kong", props.kong, "must be an object { proxy, tls?, image?, scaling?, resources?, workerProcesses?, admin?, upstreamCaCertificate?, env?, envFromSecrets?, name? }")) {
    checkKong(v, props.kong ?? {});
  }
  const scale = props.modelScale;
  if (plainObject(v, "modelScale", scale, "must be an object { minReplicas, maxReplicas? }") && scale) {
    const okMin = required(v, "modelScale.minReplicas", scale.minReplicas) && integerIn(v, "modelScale.minReplicas", scale.minReplicas, 1, 1000);
    const okMax = integerIn(v, "modelScale.maxReplicas", scale.maxReplicas, 1, 1000);
    if (okMin && okMax && scale.maxReplicas !== undefined && scale.maxReplicas < scale.minReplicas) {
      v.add("modelScale.maxReplicas", scale.maxReplicas, `must be >= modelScale.minReplicas (${scale.minReplicas})`);
    }
  }
  checkClientTransport(v, props);
  if (props.catalog !== false) plainObject(v, "catalog", props.catalog, "must be false or an object { directory? }");
  checkRedisChoice(v, props.redis, props.kong);
  factoryMadeProp(v, "authentication", props.authentication, Authentication.keyAuth(), "Authentication.keyAuth(), Authentication.jwt(), Authentication.anyOf(...) or Authentication.allOf(...)");
  if (props.backend !== undefined && !(props.backend instanceof StateBackend)) {
    v.add("backend", props.backend, "must be made with StateBackend.local(), StateBackend.s3(), StateBackend.pg() or StateBackend.fromEnv()");
  }
  v.throwIfAny();
  return props;
}

function checkKong(v: Problems, kong: AiPlatformKongProps): void {
  const proxy = kong.proxy;
  if (proxy === undefined || (proxy instanceof ProxyEndpoint && proxy.isLoadBalancer && proxy.sourceRanges === undefined)) {
    v.add(
      "kong.proxy",
      proxy === undefined ? undefined : "ProxyEndpoint.loadBalancer() without sourceRanges",
      'must name the client networks of its LoadBalancer: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) (["0.0.0.0/0", "::/0"] for a public API), or ProxyEndpoint.clusterIp()',
    );
  }
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function isLabel(value: string, max: number): boolean {
  return value.length <= max && LABEL.test(value);
}

/** A DNS-1123 label that is known now: stack names and namespaces cannot wait for apply time. */
function literalLabel(v: Problems, field: string, value: unknown, max: number): boolean {
  if (value !== undefined && isToken(value)) {
    v.add(field, value, "must be a literal string, not a Terraform token: it names stacks and namespaces, which must be known at synth");
    return false;
  }
  return dns1123Label(v, field, value, max);
}

/** Scales a model that does not set its own `scaling` between the platform's bounds, at the models' CPU target. */
function withPlatformScaling(model: ModelDefinition, scale: AiPlatformModelScale | undefined): ModelDefinition {
  if (model.scaling !== undefined || scale === undefined) return model;
  const { minReplicas } = scale;
  const maxReplicas = Math.max(scale.maxReplicas ?? minReplicas, minReplicas);
  return { ...model, scaling: Scaling.cpu({ minReplicas, maxReplicas, targetPercent: MODEL_CPU_TARGET_PERCENT }) };
}
