import { Construct } from "constructs";
import { Aspects, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { IKongDatabase } from "../lib/database/kong-database";
import { InClusterPostgres } from "../lib/database/in-cluster-postgres";
import { ExistingPostgres } from "../lib/database/existing-postgres";
import { KongCluster } from "../lib/kong/kong-cluster";
import { AdminEndpoint } from "../lib/kong/admin-endpoint";
import { ProxyEndpoint } from "../lib/kong/proxy-endpoint";
import { Scaling } from "../lib/kubernetes/scaling";
import { KongGateway } from "../lib/gateway/gateway";
import { GatewayConsumer, GatewayConsumerProps } from "../lib/gateway/consumer";
import { Plugin } from "../lib/gateway/plugins/plugin";
import { DetectionService, DetectionServiceProps } from "../lib/models/detection-service";
import { applyBackend, BackendConfig } from "./backend";
import { PlatformEnvironment } from "./environments";
import { Problems } from "../lib/core/errors";
import { dns1123Label, oneOf, plainObject, required } from "../lib/core/checks";
import { NamespaceOrder } from "../lib/policy/namespace-order";

/** A model of the platform: DetectionService props without the parts the platform supplies. */
export type ModelDefinition = Omit<DetectionServiceProps, "gateway" | "kong" | "namespace">;

/** A consumer of the platform: who calls which models, with which limits. */
export type ConsumerDefinition = Omit<GatewayConsumerProps, "credentialsSecret" | "sensitiveOutputs">;

export interface AiPlatformProps {
  readonly environment: PlatformEnvironment;
  /** @default local state files under terraform-state/ */
  readonly backend?: BackendConfig;
}

/**
 * The AI platform of one environment as two stacks:
 * - `ai-platform-<env>`: namespaces, PostgreSQL, the Kong cluster and every model's workload (Kubernetes provider);
 * - `ai-gateway-<env>`: Kong's configuration — global plugins, each model's service, routes and policies, and the
 *   consumers with their credentials (Kong provider, pointed at the admin API of the first stack).
 * The gateway stack depends on the platform stack, so `cdktf deploy '*'` applies Kubernetes first. Only plain
 * names cross between them: no remote state is read.
 */
export class AiPlatform {
  public readonly platformStack: TerraformStack;
  public readonly gatewayStack: TerraformStack;
  public readonly database: IKongDatabase;
  public readonly kong: KongCluster;
  public readonly gateway: KongGateway;
  public readonly models = new Map<string, DetectionService>();
  public readonly consumers = new Map<string, GatewayConsumer>();
  private readonly env: PlatformEnvironment;
  /** ACL groups that some model allows: a consumer group outside this set can never call anything. */
  private readonly grantableGroups = new Set<string>();

  constructor(scope: Construct, props: AiPlatformProps) {
    const env = checkEnvironment(props);
    this.env = env;
    const backend = props.backend ?? { type: "local" };

    // ---- Kubernetes: namespaces, database, Kong, model workloads ----
    const platformName = `ai-platform-${env.name}`;
    this.platformStack = new TerraformStack(scope, platformName);
    applyBackend(this.platformStack, platformName, backend);
    kubernetesProvider(this.platformStack);
    const namespaceNames = [...new Set([env.kongNamespace, env.modelNamespace])];
    const namespaces = namespaceNames.map(
      (name) =>
        new NamespaceV1(this.platformStack, `namespace-${name}`, {
          metadata: {
            name,
            labels: {
              // Every pod of the platform meets the restricted Pod Security Standard; the namespace enforces it.
              "pod-security.kubernetes.io/enforce": "restricted",
              "app.kubernetes.io/part-of": "ai-platform",
            },
          },
        }),
    );
    Aspects.of(this.platformStack).add(new NamespaceOrder(namespaces, namespaceNames));

    this.database =
      env.database.kind === "in-cluster"
        ? new InClusterPostgres(this.platformStack, "postgres", {
            namespace: env.kongNamespace,
            storageSize: env.database.storageSize,
            storageClassName: env.database.storageClassName,
          })
        : new ExistingPostgres(this.platformStack, "postgres", {
            namespace: env.kongNamespace,
            host: env.database.host,
            port: env.database.port,
            sslMode: env.database.sslMode,
            adminUsername: env.database.adminUsername,
          });

    const adminRanges = env.kong.adminSourceRanges;
    this.kong = new KongCluster(this.platformStack, "kong", {
      namespace: env.kongNamespace,
      database: this.database,
      image: env.kong.image,
      scaling: Scaling.cpu({ minReplicas: env.kong.minReplicas, maxReplicas: env.kong.maxReplicas }),
      proxy: ProxyEndpoint.loadBalancer({
        ip: env.kong.proxy.loadBalancerIp,
        sourceRanges: env.kong.proxy.sourceRanges,
        externalTrafficPolicy: "Local",
      }),
      admin: adminRanges
        ? AdminEndpoint.loadBalancer({
            sourceRanges: adminRanges,
            allowFrom: adminRanges.map((cidr) => ({ cidr })),
            annotations: { "networking.gke.io/load-balancer-type": "Internal", "service.beta.kubernetes.io/aws-load-balancer-internal": "true" },
          })
        : undefined,
    });

    // ---- Kong configuration ----
    const gatewayName = `ai-gateway-${env.name}`;
    this.gatewayStack = new TerraformStack(scope, gatewayName);
    applyBackend(this.gatewayStack, gatewayName, backend);
    this.gatewayStack.addDependency(this.platformStack);
    kubernetesProvider(this.gatewayStack);
    const adminUrl = new TerraformVariable(this.gatewayStack, "kong_admin_url", {
      type: "string",
      default: "http://localhost:8001",
      description:
        "Kong Admin API URL as seen from where Terraform runs: `kubectl -n kong port-forward svc/kong-admin 8001` makes the default work; in-cluster runners use the ai-platform stack's kong admin URL output",
    });
    this.gateway = new KongGateway(this.gatewayStack, "gateway", { adminUrl: adminUrl.stringValue });
    this.gateway.addPlugin(Plugin.prometheus({ statusCodeMetrics: true, latencyMetrics: true, bandwidthMetrics: true, upstreamHealthMetrics: true }));
    this.gateway.addPlugin(Plugin.correlationId({ headerName: "X-Request-ID", generator: "uuid", echoDownstream: true }));
  }

  /** Adds a model: its workload in the platform stack, its Kong service, routes and policies in the gateway stack. */
  public addModel(id: string, model: ModelDefinition): DetectionService {
    const valid = model !== null && typeof model === "object";
    // a missing definition goes through as is, so DetectionService reports it with its path
    const props: DetectionServiceProps = valid
      ? { ...scaleAutoscaling(model, this.env), namespace: this.env.modelNamespace, gateway: this.gateway, kong: this.kong }
      : (model as unknown as DetectionServiceProps);
    const service = new DetectionService(this.platformStack, id, props);
    this.models.set(service.name, service);
    if (!model.public) for (const group of model.allowedGroups ?? [model.name]) this.grantableGroups.add(group);
    new TerraformOutput(this.gatewayStack, `${service.name.replace(/-/g, "_")}_routes`, {
      description: `Paths clients call for the ${service.name} model, through the Kong proxy VIP`,
      value: (model.routes ?? [{ paths: [`/v1/${service.name}`] }]).flatMap((r) => r.paths),
    });
    return service;
  }

  /**
   * Adds a consumer. Its generated key is stored in the Kubernetes Secret `kong-consumer-<username>` in the Kong
   * namespace and exposed as a sensitive output; it never appears in the Terraform JSON.
   */
  public addConsumer(id: string, consumer: ConsumerDefinition): GatewayConsumer {
    const c = this.gateway.addConsumer(id, {
      ...consumer,
      credentialsSecret: { namespace: this.env.kongNamespace },
      sensitiveOutputs: true,
    });
    this.consumers.set(id, c);
    // Checked at synth, when every model is known: a group no model allows is a typo that would surface as 403s.
    const groups = Array.isArray(consumer.aclGroups) ? consumer.aclGroups : [];
    c.node.addValidation({
      validate: () =>
        groups
          .filter((g) => !this.grantableGroups.has(g))
          .map(
            (g) =>
              `aclGroups (${JSON.stringify(g)}) is allowed by no model of this platform (${[...this.grantableGroups]
                .sort()
                .map((x) => JSON.stringify(x))
                .join(", ")}): the consumer would get 403 from every route`,
          ),
    });
    return c;
  }
}

/** The environment, checked before anything is built from it (stack names, namespaces). */
function checkEnvironment(props: AiPlatformProps): PlatformEnvironment {
  const v = new Problems("AiPlatform");
  if (!plainObject(v, "props", props ?? null, "must be { environment, backend? }")) v.throwIfAny();
  const env = props.environment;
  if (!plainObject(v, "environment", env ?? null, "must be a PlatformEnvironment (see stacks/environments.ts)")) v.throwIfAny();
  if (required(v, "environment.name", env.name)) dns1123Label(v, "environment.name", env.name, 30);
  if (required(v, "environment.kongNamespace", env.kongNamespace)) dns1123Label(v, "environment.kongNamespace", env.kongNamespace);
  if (required(v, "environment.modelNamespace", env.modelNamespace)) dns1123Label(v, "environment.modelNamespace", env.modelNamespace);
  if (plainObject(v, "environment.database", env.database ?? null, "must be { kind: \"in-cluster\", ... } or { kind: \"existing\", ... }")) {
    oneOf(v, "environment.database.kind", env.database.kind, ["in-cluster", "existing"] as const);
  }
  if (plainObject(v, "environment.kong", env.kong ?? null, "must be { minReplicas, maxReplicas, proxy, adminSourceRanges? }")) {
    plainObject(v, "environment.kong.proxy", env.kong.proxy ?? null, "must be { loadBalancerIp?, sourceRanges }");
  }
  plainObject(v, "environment.modelScale", env.modelScale ?? null, "must be { minReplicas, maxReplicas }");
  v.throwIfAny();
  return env;
}

/** The Kubernetes provider, configured from variables: never a credential in the code. */
function kubernetesProvider(stack: TerraformStack): KubernetesProvider {
  const configPath = new TerraformVariable(stack, "kubeconfig_path", {
    type: "string",
    default: "~/.kube/config",
    description: "Path of the kubeconfig Terraform uses to reach the cluster",
  });
  const context = new TerraformVariable(stack, "kube_context", {
    type: "string",
    default: "",
    description: "kubeconfig context to use (empty: the kubeconfig's current context)",
  });
  return new KubernetesProvider(stack, "kubernetes", { configPath: configPath.stringValue, configContext: context.stringValue });
}

/** Applies the environment's autoscaling bounds to a model that does not set its own. */
function scaleAutoscaling(model: ModelDefinition, env: PlatformEnvironment): ModelDefinition {
  if (model.autoscaling === false) return model;
  const a = model.autoscaling ?? {};
  return {
    ...model,
    autoscaling: {
      ...a,
      minReplicas: a.minReplicas ?? env.modelScale.minReplicas,
      maxReplicas: a.maxReplicas ?? Math.max(env.modelScale.maxReplicas, a.minReplicas ?? env.modelScale.minReplicas),
    },
  };
}
