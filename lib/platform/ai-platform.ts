import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { StateBackend } from "../app/state-backend";
import { ApiCatalog, CATALOG_OPTIONS_KEYS } from "../catalog/api-catalog";
import { bool, dns1123Label, factoryMadeProp, integerIn, isToken, literal, plainObject, required } from "../core/checks";
import { childId } from "../core/construct-ids";
import { Problems } from "../core/errors";
import { strictKeys, suppliedKeys } from "../core/keys";
import { IKongDatabase } from "../database/kong-database";
import { GatewayConsumer } from "../gateway/consumer";
import { AdminApiRoute } from "../gateway/admin-api-route";
import { KongGateway } from "../gateway/gateway";
import { Authentication } from "../gateway/authentication";
import { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import { KongCluster } from "../kong/kong-cluster";
import { DefaultDenyIngress } from "../kubernetes/default-deny";
import { Scaling } from "../kubernetes/scaling";
import { ProxyEndpoint } from "../kong/proxy-endpoint";
import { DetectionService, DetectionServiceProps } from "../models/detection-service";
import { MODEL_CPU_TARGET_PERCENT } from "../models/resolved";
import { routePaths } from "../models/route-paths";
import { NamespaceOrder } from "../policy/namespace-order";
import { checkClientTransport, ClientTransport, clientTransport } from "./client-transport";
import { kubernetesProvider } from "./kubernetes-provider";
import { PlatformDatabase } from "./platform-database";
import { platformGateway } from "./platform-gateway";
import { PlatformTeam, PlatformTeamProps } from "./team";
import { InClusterRedis } from "../redis/in-cluster-redis";
import type { IKongRedis } from "../redis/kong-redis";
import { checkRedisChoice, withPlatformPolicies, withRedisSettings } from "./platform-policies";
import { ModelsByGroup } from "./consumer-access";
import { MODEL_SCALE_KEYS, NAMESPACES_KEYS, PLATFORM_KEYS, SUPPLIED } from "./platform-props";
import type { AiPlatformKongProps, AiPlatformModelScale, AiPlatformNamespaces, AiPlatformProps, ConsumerDefinition, ModelDefinition } from "./platform-props";

export type { AiPlatformKongProps, AiPlatformModelScale, AiPlatformNamespaces, AiPlatformProps, ConsumerDefinition, ModelDefinition } from "./platform-props";


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
    super(scope, childId(scope, id, { inStack: false }));
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
    const platformName = `${this.stackPrefix}-platform-${this.environment}`;
    const gatewayName = `${this.stackPrefix}-gateway-${this.environment}`;
    checkStackNames(this, scope, this.environment, p.stackPrefix === undefined ? "stackPrefix (the construct id)" : "stackPrefix", [platformName, gatewayName]);
    this.platformStack = new TerraformStack(scope, platformName);
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
    this.gatewayStack = new TerraformStack(scope, gatewayName);
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
    const supplied = new Problems(typeof id === "string" ? `${this.platformStack.node.path}/${id}` : this.platformStack.node.path);
    suppliedKeys(supplied, "", model, SUPPLIED.model);
    supplied.throwIfAny();
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
      value: routePaths(model.routes ?? [{ paths: [`/v1/${service.name}`] }]),
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
    const v = new Problems(typeof id === "string" ? `${this.gateway.node.path}/${id}` : this.gateway.node.path);
    if (plainObject(v, "props", consumer ?? null, "must be an object { username?, customId?, aclGroups?, keyAuth?, ... }")) suppliedKeys(v, "", consumer, SUPPLIED.consumer);
    v.throwIfAny();
    const c = this.gateway.addConsumer(id, {
      ...consumer,
      credentialsSecret: { namespace: this.namespaces.consumerCredentials },
      sensitiveOutputs: true,
    });
    this.consumers.set(id, c);
    // Checked at synth, when every model and credential is known: a group no model allows is a typo that would
    // surface as 403s; a model that accepts none of the consumer's credentials would answer it 401.
    const groups = Array.isArray(consumer.aclGroups) && !isToken(consumer.aclGroups) ? consumer.aclGroups : [];
    c.node.addValidation({ validate: () => this.modelsByGroup.problemsOf(c, groups) });
    return c;
  }
}

/** The props, checked before anything is built from them (stack names, namespaces). */
function checkProps(scope: Construct, id: string, props: AiPlatformProps): AiPlatformProps {
  const v = new Problems(scope);
  if (!plainObject(v, "props", props ?? null, "must be an object { environment, stackPrefix?, namespaces?, database?, kong?, modelScale?, backend?, plainHttp?, httpsRedirectStatusCode?, redis?, authentication?, catalog? }")) v.throwIfAny();
  strictKeys(v, "", props, PLATFORM_KEYS);
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
    strictKeys(v, "namespaces", ns, NAMESPACES_KEYS);
    for (const key of ["kong", "models", "consumerCredentials"] as const) literalLabel(v, `namespaces.${key}`, ns[key], 63);
  }
  bool(v, "createNamespaces", props.createNamespaces);
  bool(v, "defaultDenyIngress", props.defaultDenyIngress);
  if (props.database !== undefined && !(props.database instanceof PlatformDatabase)) {
    v.add("database", props.database, "must be made with PlatformDatabase.inCluster(), PlatformDatabase.existing() or PlatformDatabase.fromAttributes()");
  } else {
    props.database?._checkSupplied(v, "database");
  }
  if (plainObject(v, "kong", props.kong, "must be an object { proxy, tls?, image?, scaling?, resources?, workerProcesses?, admin?, upstreamCaCertificate?, env?, envFromSecrets?, name? }")) {
    suppliedKeys(v, "kong", props.kong, SUPPLIED.kong);
    checkKong(v, props.kong ?? {});
  }
  const scale = props.modelScale;
  if (plainObject(v, "modelScale", scale, "must be an object { minReplicas, maxReplicas? }") && scale) {
    strictKeys(v, "modelScale", scale, MODEL_SCALE_KEYS);
    const counts = "it becomes the models' Scaling, whose replica counts must be known at synth";
    const okMin = required(v, "modelScale.minReplicas", scale.minReplicas) && literal(v, "modelScale.minReplicas", scale.minReplicas, counts) && integerIn(v, "modelScale.minReplicas", scale.minReplicas, 1, 1000);
    const okMax = literal(v, "modelScale.maxReplicas", scale.maxReplicas, counts) && integerIn(v, "modelScale.maxReplicas", scale.maxReplicas, 1, 1000);
    if (okMin && okMax && scale.maxReplicas !== undefined && scale.maxReplicas < scale.minReplicas) {
      v.add("modelScale.maxReplicas", scale.maxReplicas, `must be >= modelScale.minReplicas (${scale.minReplicas})`);
    }
  }
  checkClientTransport(v, props);
  if (props.catalog !== false && plainObject(v, "catalog", props.catalog, "must be false or an object { directory? }")) {
    strictKeys(v, "catalog", props.catalog, CATALOG_OPTIONS_KEYS);
  }
  checkRedisChoice(v, props.redis, props.kong);
  factoryMadeProp(v, "authentication", props.authentication, Authentication.keyAuth(), "Authentication.keyAuth(), Authentication.jwt(), Authentication.anyOf(...) or Authentication.allOf(...)");
  if (props.backend !== undefined && !(props.backend instanceof StateBackend)) {
    v.add("backend", props.backend, "must be made with StateBackend.local(), StateBackend.s3(), StateBackend.pg() or StateBackend.fromEnv()");
  }
  v.throwIfAny();
  return props;
}

/** The two stacks are created beside the platform: their names must be free in the app. */
function checkStackNames(platform: Construct, scope: Construct, environment: string, prefixField: string, names: string[]): void {
  const v = new Problems(platform);
  for (const name of names) {
    const taken = scope.node.tryFindChild(name);
    const why = `which ${taken?.node.path} already has: one platform per prefix and environment; change stackPrefix or environment`;
    if (taken) v.add("environment", environment, `with ${prefixField} gives the stack name ${JSON.stringify(name)}, ${why}`);
  }
  v.throwIfAny();
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
