import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { Problems } from "../core/errors";
import { isIP } from "node:net";
import {
  cidrList,
  dns1123Label,
  integerIn,
  isToken,
  noEveryAddress,
  noLiteralSecrets,
  nonEmptyString,
  oneOf,
  pinnedImage,
  plainObject,
  quantity,
  required,
  stringArray,
} from "../core/checks";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { KongGateway } from "../gateway/gateway";
import { GatewayService } from "../gateway/service";
import { GatewayRoute } from "../gateway/route";
import { GatewayUpstream } from "../gateway/upstream";
import { Plugin } from "../gateway/plugins/plugin";
import { PluginPolicy } from "../gateway/plugins/plugin";
import { ModelWorkload } from "./model-workload";
import { checkKongPeer, IKongProxyPeer, ModelIsolation } from "./model-isolation";
import {
  ModelAutoscaling,
  ModelCanary,
  ModelGpu,
  ModelProbes,
  ModelProtocol,
  ModelPublicAccess,
  ModelRateLimit,
  ModelResources,
  ModelRoute,
  ModelVip,
} from "./props";

export interface DetectionServiceProps {
  /** Model name: a DNS-1123 label of at most 40 characters; names the Deployment, VIP and Kong service. */
  readonly name: string;
  /** Namespace the model runs in (must exist). */
  readonly namespace: string;
  /** Container image, pinned by digest or an explicit tag (`latest` and friends are rejected). */
  readonly image: string;
  /** The gateway the model is registered in. */
  readonly gateway: KongGateway;
  /** Kong's proxy pods, the only peers allowed to reach the model (a KongCluster). */
  readonly kong: IKongProxyPeer;
  /** Port the model server listens on. @default 8080 */
  readonly port?: number;
  /** Protocol of the model server. @default "http" */
  readonly protocol?: ModelProtocol;
  /** Fixed pod count; set `autoscaling: false` to use it. @default 2 */
  readonly replicas?: number;
  /** Autoscaling, or `false` for a fixed `replicas`. @default { minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 } */
  readonly autoscaling?: ModelAutoscaling | false;
  /** Requests, limits and GPUs. @default { cpu: "500m", memory: "1Gi" }, no GPU */
  readonly resources?: ModelResources;
  /** Plain environment variables (no secrets: use `secrets`). @default none */
  readonly env?: Record<string, string>;
  /** ConfigMaps whose keys become environment variables. @default none */
  readonly configMaps?: string[];
  /** Secrets whose keys become environment variables. @default none */
  readonly secrets?: string[];
  /** Model-loading aware probes. @default readiness "/ready", liveness "/healthz", startup = readiness, 600 s to load */
  readonly probes?: ModelProbes;
  /** The model's VIP. @default ClusterIP on port 80 */
  readonly vip?: ModelVip;
  /** UID (and GID) the container runs as; never root. @default 10001 */
  readonly runAsUser?: number;
  /** Kong routes. @default [{ paths: ["/v1/<name>"], methods: ["POST"] }] */
  readonly routes?: ModelRoute[];
  /** Consumer groups allowed to call the model (ACL). @default [name] */
  readonly allowedGroups?: string[];
  /** Per-consumer rate limit, or `false` for none. @default { second: 20, minute: 600 } */
  readonly rateLimit?: ModelRateLimit | false;
  /** Largest request body, in megabytes (image uploads). @default 10 */
  readonly maxPayloadMegabytes?: number;
  /** Declare the model callable without credentials; a reason is required. @default authenticated (key-auth + ACL) */
  readonly public?: ModelPublicAccess;
  /** More plugin policies for the model's Kong service. @default none */
  readonly plugins?: PluginPolicy[];
  /** A second version receiving a share of the traffic through a Kong upstream. @default none */
  readonly canary?: ModelCanary;
  /** Kong service timeouts in milliseconds (inference can be slow). @default 60000 each */
  readonly timeoutMs?: number;
}

const DEFAULTS = {
  port: 8080,
  protocol: "http" as ModelProtocol,
  replicas: 2,
  autoscaling: { minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 },
  cpu: "500m",
  memory: "1Gi",
  vipPort: 80,
  runAsUser: 10001,
  rateLimit: { second: 20, minute: 600 } as ModelRateLimit,
  maxPayloadMegabytes: 10,
  startupTimeoutSeconds: 600,
  timeoutMs: 60000,
};

/** Models registered per gateway, so a platform cannot hold two models of one name (O(1) per model). */
const modelsByGateway = new WeakMap<KongGateway, Map<string, string>>();

/**
 * One AI model served behind Kong: the container Deployment with its VIP, autoscaling, disruption budget and a
 * NetworkPolicy that admits only Kong's proxy pods, plus its Kong service, routes and plugin policies
 * (key-auth + ACL + rate limit + payload limit by default). Kubernetes objects live in `scope`; Kong entities live
 * under the gateway, so the two may sit in different stacks (the gateway stack is made to depend on this one, and
 * only plain names cross the boundary).
 */
export class DetectionService extends Construct {
  /** The stable version's workload (Deployment, Service, autoscaler, budget). */
  public readonly workload: ModelWorkload;
  /** The canary version's workload, when a canary is configured. */
  public readonly canaryWorkload?: ModelWorkload;
  public readonly isolation: ModelIsolation;
  /** Kong entities of the model (in the gateway's scope). */
  public readonly kongService: GatewayService;
  public readonly routes: GatewayRoute[];
  public readonly upstream?: GatewayUpstream;
  /** In-cluster DNS name of the VIP. */
  public readonly vipHost: string;
  public readonly name: string;

  constructor(scope: Construct, id: string, props: DetectionServiceProps) {
    super(scope, id);
    const p = validate(this, props);
    this.name = p.name;
    registerName(this, props.gateway, p.name);

    const partOf = "ai-platform";
    const modelSelector = { "app.kubernetes.io/name": p.name, "app.kubernetes.io/component": "model" };
    const track = (t: "stable" | "canary", image: string) => {
      const instance = t === "stable" ? p.name : `${p.name}-canary`;
      const selector = { ...selectorLabels({ name: p.name, instance, component: "model" }), "ai-platform/track": t };
      const labels = {
        ...standardLabels({ name: p.name, instance, component: "model", partOf, version: imageVersion(image) }),
        "ai-platform/track": t,
      };
      return { instance, selector, labels };
    };
    const podAnnotations: Record<string, string> = p.public ? { "ai-platform/public-reason": p.public.reason } : {};
    const common = {
      namespace: p.namespace,
      port: p.port,
      protocol: p.protocol,
      autoscaling: p.autoscaling,
      resources: p.resources,
      probes: p.probes,
      env: p.env,
      configMaps: p.configMaps,
      secrets: p.secrets,
      runAsUser: p.runAsUser,
      podAnnotations,
    };

    const stable = track("stable", p.image);
    this.workload = new ModelWorkload(this, "Workload", {
      ...common,
      name: p.name,
      labels: stable.labels,
      selector: stable.selector,
      image: p.image,
      replicas: p.replicas,
      vip: p.vip,
    });
    if (p.canary) {
      const canary = track("canary", p.canary.image);
      this.canaryWorkload = new ModelWorkload(this, "Canary", {
        ...common,
        name: canary.instance,
        labels: canary.labels,
        selector: canary.selector,
        image: p.canary.image,
        replicas: p.canary.replicas ?? 1,
        autoscaling: undefined,
        // The canary is reached only through Kong's upstream, never from outside.
        vip: { type: "ClusterIP", port: p.vip.port },
      });
    }

    this.isolation = new ModelIsolation(this, "Isolation", {
      name: p.name,
      namespace: p.namespace,
      modelSelector,
      port: p.port,
      kong: props.kong,
      allowCidrs: p.vip.type === "LoadBalancer" ? p.vip.loadBalancerSourceRanges : undefined,
    });

    // ---- Kong side, in the gateway's scope (possibly another stack) ----
    const gateway = props.gateway;
    const modelStack = TerraformStack.of(this);
    const gatewayStack = TerraformStack.of(gateway);
    if (gatewayStack !== modelStack) gatewayStack.addDependency(modelStack);

    const dns = (svc: string) => `${svc}.${p.namespace}.svc.cluster.local`;
    this.vipHost = dns(p.name);
    if (p.canary) {
      const canaryWeight = p.canary.weight;
      this.upstream = gateway.addUpstream(`${p.name}-upstream`, {
        name: `${p.name}.upstream`,
        targets: [
          { target: `${dns(p.name)}:${p.vip.port}`, weight: 100 - canaryWeight },
          { target: `${dns(`${p.name}-canary`)}:${p.vip.port}`, weight: canaryWeight },
        ],
        healthchecks: { passive: { unhealthy: { httpFailures: 5, timeouts: 3 } } },
      });
    }
    this.kongService = gateway.addService(`${p.name}-service`, {
      name: p.name,
      protocol: p.protocol === "grpc" ? "grpc" : "http",
      ...(this.upstream ? { upstream: this.upstream } : { host: this.vipHost }),
      port: p.vip.port,
      connectTimeoutMs: p.timeoutMs,
      readTimeoutMs: p.timeoutMs,
      writeTimeoutMs: p.timeoutMs,
      retries: 2,
    });
    this.routes = p.routes.map((r, i) =>
      this.kongService.addRoute(`${p.name}-route-${i}`, {
        name: p.routes.length === 1 ? p.name : `${p.name}-${i}`,
        paths: r.paths,
        methods: p.protocol === "grpc" ? undefined : (r.methods ?? ["POST"]),
        hosts: r.hosts,
        stripPath: p.protocol === "grpc" ? false : (r.stripPath ?? true),
        protocols: p.protocol === "grpc" ? ["grpc", "grpcs"] : ["http", "https"],
      }),
    );
    for (const policy of defaultPolicies(p)) this.kongService.addPlugin(policy);
  }
}

/** DetectionServiceProps after validation, with every default filled. */
interface Resolved {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly port: number;
  readonly protocol: ModelProtocol;
  readonly replicas: number;
  readonly autoscaling?: { minReplicas: number; maxReplicas: number; cpuUtilization: number; memoryUtilization?: number };
  readonly resources: ModelResources & { cpu: string; memory: string };
  readonly probes: { readinessPath: string; livenessPath: string; startupPath: string; startupTimeoutSeconds: number; grpcService?: string };
  readonly vip: ModelVip & { type: "ClusterIP" | "LoadBalancer"; port: number };
  readonly runAsUser: number;
  readonly env: Record<string, string>;
  readonly configMaps: string[];
  readonly secrets: string[];
  readonly routes: ModelRoute[];
  readonly allowedGroups: string[];
  readonly rateLimit: ModelRateLimit | false;
  /** The rate-limiting policy, built (and checked) once during validation. */
  readonly rateLimitPolicy?: PluginPolicy;
  readonly maxPayloadMegabytes: number;
  readonly public?: ModelPublicAccess;
  readonly plugins: PluginPolicy[];
  readonly canary?: ModelCanary;
  readonly timeoutMs: number;
}

function defaultPolicies(p: Resolved): PluginPolicy[] {
  const policies: PluginPolicy[] = [];
  if (!p.public) {
    policies.push(modelKeyAuth());
    policies.push(Plugin.acl({ allow: p.allowedGroups, hideGroupsHeader: true }));
  }
  if (p.rateLimitPolicy) policies.push(p.rateLimitPolicy);
  if (p.protocol === "http") {
    policies.push(memo(`size:${p.maxPayloadMegabytes}`, () => Plugin.requestSizeLimiting({ allowedPayloadSize: p.maxPayloadMegabytes, sizeUnit: "megabytes" })));
  }
  policies.push(...p.plugins);
  return policies;
}

/** A props field that must be an object: returns it, or {} after recording the problem (so checks go on). */
function objectOrEmpty<T extends object>(v: Problems, field: string, value: T | undefined | false, what: string): T {
  if (value === undefined) return {} as T;
  return plainObject(v, field, value, what) ? (value as T) : ({} as T);
}

/** A map of strings to strings (labels, selectors, annotations). */
function stringMap(v: Problems, field: string, value: unknown): void {
  if (value === undefined) return;
  if (!plainObject(v, field, value, "must be a map of strings to strings")) return;
  for (const [k, val] of Object.entries(value as Record<string, unknown>)) {
    if (typeof val !== "string") v.add(`${field}.${k}`, val, "must be a string");
  }
}

/** CPU quantity in millicores, or undefined when it is not a plain number or millicore value. */
function cpuMillis(q: string): number | undefined {
  if (isToken(q)) return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(q);
  if (!m) return undefined;
  return m[2] === "m" ? Number(m[1]) : Number(m[1]) * 1000;
}

const EXTENDED_RESOURCE = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Policies are immutable and may be attached to many scopes, so models with the same settings share one policy
 * object (and its rendered config_json) instead of rebuilding it per model: a platform of 1,000 models builds a
 * handful of these, not thousands.
 */
const sharedPolicies = new Map<string, PluginPolicy>();
function memo(key: string, make: () => PluginPolicy): PluginPolicy {
  let policy = sharedPolicies.get(key);
  if (policy === undefined) {
    policy = make();
    sharedPolicies.set(key, policy);
  }
  return policy;
}

/** Keys only in a header (a key in the query string ends up in access logs and browser history), hidden upstream. */
function modelKeyAuth(): PluginPolicy {
  return memo("key-auth", () => Plugin.keyAuth({ hideCredentials: true, keyInQuery: false }));
}

/** Per consumer, or per client IP for a public model (there is no consumer to count). */
function rateLimitPolicy(limit: ModelRateLimit, isPublic: boolean): PluginPolicy {
  const { second, minute, hour, day } = limit;
  const key = `rate:${JSON.stringify([second, minute, hour, day, isPublic])}`;
  const make = () => Plugin.rateLimiting({ ...limit, limitBy: isPublic ? "ip" : "consumer", policy: "local" });
  // only plain, fully-known limits are shared; anything else (extra keys, tokens) gets its own policy
  const plain = Object.keys(limit).every((k) => ["second", "minute", "hour", "day"].includes(k)) && [second, minute, hour, day].every((x) => x === undefined || typeof x === "number");
  return plain ? memo(key, make) : make();
}

function registerName(scope: IConstruct, gateway: KongGateway, name: string): void {
  let names = modelsByGateway.get(gateway);
  if (!names) {
    names = new Map();
    modelsByGateway.set(gateway, names);
  }
  const other = names.get(name);
  if (other !== undefined) {
    new Problems(scope)
      .add("name", name, `is already used by the model at ${other}: model names must be unique in a platform`)
      .throwIfAny();
  }
  names.set(name, scope.node.path);
}

/** Checks every prop, collects all problems, and returns the props with every default filled. */
function validate(scope: IConstruct, props: DetectionServiceProps): Resolved {
  const v = new Problems(scope);
  if (props === null || typeof props !== "object") {
    v.add("props", props, "must be an object with at least name, namespace, image, gateway and kong").throwIfAny();
  }
  if (required(v, "name", props.name)) dns1123Label(v, "name", props.name, 40);
  if (required(v, "namespace", props.namespace)) dns1123Label(v, "namespace", props.namespace);
  if (required(v, "image", props.image)) pinnedImage(v, "image", props.image);
  if (required(v, "gateway", props.gateway, "is required: the KongGateway the model is registered in")) {
    if (!(props.gateway instanceof KongGateway)) v.add("gateway", typeof props.gateway, "must be a KongGateway");
  }
  if (required(v, "kong", props.kong, "is required: the KongCluster whose proxy pods may reach the model")) {
    checkKongPeer(v, "kong", props.kong);
  }
  const port = props.port ?? DEFAULTS.port;
  integerIn(v, "port", port, 1, 65535);
  const protocol = props.protocol ?? DEFAULTS.protocol;
  oneOf(v, "protocol", protocol, ["http", "grpc"] as const);
  const replicas = props.replicas ?? DEFAULTS.replicas;
  integerIn(v, "replicas", replicas, 1, 1000);

  let autoscaling: Resolved["autoscaling"];
  if (props.autoscaling !== false) {
    const a = { ...DEFAULTS.autoscaling, ...objectOrEmpty(v, "autoscaling", props.autoscaling, "must be { minReplicas, maxReplicas, cpuUtilization, memoryUtilization } or false") };
    const okMin = integerIn(v, "autoscaling.minReplicas", a.minReplicas, 1, 1000);
    const okMax = integerIn(v, "autoscaling.maxReplicas", a.maxReplicas, 1, 1000);
    if (okMin && okMax && a.minReplicas > a.maxReplicas) {
      v.add("autoscaling.maxReplicas", a.maxReplicas, `must be >= autoscaling.minReplicas (${a.minReplicas})`);
    }
    integerIn(v, "autoscaling.cpuUtilization", a.cpuUtilization, 1, 100);
    integerIn(v, "autoscaling.memoryUtilization", a.memoryUtilization, 1, 100);
    if (props.replicas !== undefined) {
      v.add("replicas", props.replicas, "is only used with autoscaling: false (the autoscaler owns the replica count)");
    }
    autoscaling = a;
  }

  const r: ModelResources = objectOrEmpty(v, "resources", props.resources, "must be { cpu?, memory?, cpuLimit?, gpu? }");
  const resources = { ...r, cpu: r.cpu ?? DEFAULTS.cpu, memory: r.memory ?? DEFAULTS.memory };
  const cpuOk = quantity(v, "resources.cpu", resources.cpu);
  quantity(v, "resources.memory", resources.memory);
  if (quantity(v, "resources.cpuLimit", resources.cpuLimit) && cpuOk && resources.cpuLimit !== undefined) {
    const request = cpuMillis(resources.cpu);
    const limit = cpuMillis(resources.cpuLimit);
    if (request !== undefined && limit !== undefined && request > limit) {
      v.add("resources.cpuLimit", resources.cpuLimit, `must be >= resources.cpu (${resources.cpu}): Kubernetes rejects a request above its limit`);
    }
  }
  if (r.gpu !== undefined) {
    const gpu: Partial<ModelGpu> = objectOrEmpty(v, "resources.gpu", r.gpu, "must be { count, resourceName?, nodeSelector?, tolerationKey? }");
    const count = gpu.count;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 16) {
      v.add("resources.gpu.count", count, "must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)");
    }
    if (gpu.resourceName !== undefined && (typeof gpu.resourceName !== "string" || !EXTENDED_RESOURCE.test(gpu.resourceName))) {
      v.add("resources.gpu.resourceName", gpu.resourceName, "must be an extended resource name such as nvidia.com/gpu");
    }
    if (gpu.tolerationKey !== undefined && (typeof gpu.tolerationKey !== "string" || !EXTENDED_RESOURCE.test(gpu.tolerationKey))) {
      v.add("resources.gpu.tolerationKey", gpu.tolerationKey, "must be a taint key such as nvidia.com/gpu");
    }
    stringMap(v, "resources.gpu.nodeSelector", gpu.nodeSelector);
  }

  const pr: ModelProbes = objectOrEmpty(v, "probes", props.probes, "must be { readinessPath?, livenessPath?, startupPath?, startupTimeoutSeconds?, grpcService? }");
  if (pr.grpcService !== undefined && typeof pr.grpcService !== "string") v.add("probes.grpcService", pr.grpcService, "must be a string");
  const readinessPath = pr.readinessPath ?? "/ready";
  const probes = {
    readinessPath,
    livenessPath: pr.livenessPath ?? "/healthz",
    startupPath: pr.startupPath ?? readinessPath,
    startupTimeoutSeconds: pr.startupTimeoutSeconds ?? DEFAULTS.startupTimeoutSeconds,
    grpcService: pr.grpcService,
  };
  for (const key of ["readinessPath", "livenessPath", "startupPath"] as const) {
    const path = probes[key];
    if (!isToken(path) && (typeof path !== "string" || !path.startsWith("/"))) {
      v.add(`probes.${key}`, path, "must be an HTTP path starting with '/'");
    }
  }
  integerIn(v, "probes.startupTimeoutSeconds", probes.startupTimeoutSeconds, 10, 3600);

  const vipIn: ModelVip = objectOrEmpty(v, "vip", props.vip, "must be { type?, port?, loadBalancerIp?, loadBalancerSourceRanges?, annotations? }");
  stringMap(v, "vip.annotations", vipIn.annotations);
  const vip = { ...vipIn, type: vipIn.type ?? "ClusterIP", port: vipIn.port ?? DEFAULTS.vipPort };
  oneOf(v, "vip.type", vip.type, ["ClusterIP", "LoadBalancer"] as const);
  integerIn(v, "vip.port", vip.port, 1, 65535);
  if (vip.type === "LoadBalancer") {
    const ranges = vip.loadBalancerSourceRanges;
    if (!Array.isArray(ranges) || ranges.length === 0) {
      v.add(
        "vip.loadBalancerSourceRanges",
        ranges,
        "is required for a LoadBalancer VIP: list the CIDRs that may reach it (nothing is public by default)",
      );
    } else {
      if (cidrList(v, "vip.loadBalancerSourceRanges", ranges, { requireCidr: true })) {
        // the VIP bypasses Kong (no key-auth, ACL or rate limit): never to the whole internet
        noEveryAddress(v, "vip.loadBalancerSourceRanges", ranges, "the model's VIP, bypassing Kong's authentication,");
      }
    }
    const ip = vip.loadBalancerIp;
    if (ip !== undefined && !isToken(ip) && (typeof ip !== "string" || isIP(ip) === 0)) {
      v.add("vip.loadBalancerIp", ip, "must be an IP address such as 10.20.0.40");
    }
  } else if (vip.loadBalancerIp !== undefined || vip.loadBalancerSourceRanges !== undefined) {
    v.add("vip.type", vip.type, "must be \"LoadBalancer\" to use loadBalancerIp or loadBalancerSourceRanges");
  }
  const runAsUser = props.runAsUser ?? DEFAULTS.runAsUser;
  integerIn(v, "runAsUser", runAsUser, 1, 2147483647);

  const env: Record<string, string> = objectOrEmpty(v, "env", props.env, "must be a map of variable names to strings");
  for (const key of Object.keys(env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) v.add(`env.${key}`, key, "must be a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
    else if (typeof env[key] !== "string") v.add(`env.${key}`, env[key], "must be a string");
  }
  noLiteralSecrets(v, "env", env, "put it in a Kubernetes Secret and list the Secret in `secrets`");
  for (const key of ["configMaps", "secrets"] as const) {
    if (stringArray(v, key, props[key])) {
      (props[key] ?? []).forEach((name, i) => {
        if (!isToken(name) && !DNS1123_SUBDOMAIN.test(name)) v.add(`${key}[${i}]`, name, "must be a Kubernetes object name (lowercase DNS-1123 subdomain)");
      });
    }
  }

  const routes = props.routes ?? [{ paths: [`/v1/${props.name}`] }];
  if (!Array.isArray(routes) || routes.length === 0) {
    v.add("routes", routes, "must hold at least one route: a model Kong cannot reach is unreachable");
  } else {
    routes.forEach((route, i) => {
      if (!route || !Array.isArray(route.paths) || route.paths.length === 0) {
        v.add(`routes[${i}].paths`, route?.paths, "must hold at least one path, e.g. [\"/v1/face-detection\"]");
      }
    });
  }
  const allowedGroups = props.allowedGroups ?? [props.name];
  stringArray(v, "allowedGroups", allowedGroups, false);

  const rateLimit = props.rateLimit === undefined ? DEFAULTS.rateLimit : props.rateLimit;
  // Kong's rules for the policies this model will carry, reported here under the model's own path and prop names.
  let rateLimitPolicyOrNone: PluginPolicy | undefined;
  if (rateLimit !== false) {
    if (typeof rateLimit !== "object" || rateLimit === null) {
      v.add("rateLimit", rateLimit, "must be { second?, minute?, hour?, day? } or false");
    } else {
      rateLimitPolicyOrNone = rateLimitPolicy(rateLimit, props.public !== undefined);
      for (const pr of rateLimitPolicyOrNone.problems) {
        v.add(pr.field.replace(/^rateLimiting\./, "rateLimit."), pr.value, pr.message);
      }
    }
  }
  const plugins = props.plugins ?? [];
  if (!Array.isArray(plugins)) {
    v.add("plugins", plugins, "must be a list of policies made with Plugin.*");
  } else {
    plugins.forEach((policy, i) => {
      if (!(policy instanceof PluginPolicy)) v.add(`plugins[${i}]`, policy, "must be a policy made with Plugin.*");
      else for (const pr of policy.problems) v.add(`plugins[${i}].${pr.field}`, pr.value, pr.message);
    });
  }
  const maxPayloadMegabytes = props.maxPayloadMegabytes ?? DEFAULTS.maxPayloadMegabytes;
  integerIn(v, "maxPayloadMegabytes", maxPayloadMegabytes, 1, 1024);
  if (props.public !== undefined) {
    if (typeof props.public !== "object" || props.public === null) v.add("public", props.public, "must be { reason: \"...\" }");
    else if (nonEmptyString(v, "public.reason", props.public.reason) && props.public.reason.trim().length < 10) {
      v.add("public.reason", props.public.reason, "must explain in a sentence why the model needs no credentials");
    }
    if (props.allowedGroups !== undefined) v.add("allowedGroups", props.allowedGroups, "has no effect on a public model (no ACL)");
  }
  const timeoutMs = props.timeoutMs ?? DEFAULTS.timeoutMs;
  integerIn(v, "timeoutMs", timeoutMs, 1, 2147483646);

  const canary = props.canary;
  if (canary !== undefined && plainObject(v, "canary", canary, "must be { image, weight, stableWeight?, replicas? }")) {
    if (required(v, "canary.image", canary.image)) {
      pinnedImage(v, "canary.image", canary.image);
      if (canary.image === props.image) v.add("canary.image", canary.image, "must differ from image: a canary is a new version");
    }
    if (integerIn(v, "canary.weight", canary.weight, 1, 99) && canary.stableWeight !== undefined) {
      if (integerIn(v, "canary.stableWeight", canary.stableWeight, 1, 99) && canary.stableWeight + canary.weight !== 100) {
        v.add(
          "canary.stableWeight",
          canary.stableWeight,
          `plus canary.weight (${canary.weight}) must add up to 100, got ${canary.stableWeight + canary.weight}`,
        );
      }
    }
    integerIn(v, "canary.replicas", canary.replicas, 1, 1000);
  }
  v.throwIfAny();

  return {
    name: props.name,
    namespace: props.namespace,
    image: props.image,
    port,
    protocol,
    replicas,
    autoscaling,
    resources,
    probes,
    vip,
    runAsUser,
    env,
    configMaps: props.configMaps ?? [],
    secrets: props.secrets ?? [],
    routes,
    allowedGroups,
    rateLimit,
    rateLimitPolicy: rateLimitPolicyOrNone,
    maxPayloadMegabytes,
    public: props.public,
    plugins,
    canary,
    timeoutMs,
  };
}
