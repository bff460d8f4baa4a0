import type { StateBackend } from "../app/state-backend";
import type { AiPlatformCatalogOptions } from "../catalog/api-catalog";
import { knownKeys } from "../core/keys";
import type { GatewayConsumerProps } from "../gateway/consumer";
import type { Authentication } from "../gateway/authentication";
import type { KongClusterProps } from "../kong/kong-cluster";
import type { DetectionServiceProps } from "../models/detection-service";
import type { HttpsRedirectStatusCode } from "../models/props";
import type { PlatformDatabase } from "./platform-database";
import type { PlatformRedis } from "./platform-redis";

// The props of AiPlatform (re-exported by ai-platform.ts, where they are documented to users), with the lists of
// their keys: what strict props check them against.

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
  /**
   * The API catalog (`ApiCatalog`: OpenAPI document, catalog, topology) written at synth to
   * `<outdir>/catalog/<directory>/`; `false` for none.
   * @default written to `cdktf.out/catalog/<environment>/`
   */
  readonly catalog?: AiPlatformCatalogOptions | false;
}

export const PLATFORM_KEYS = knownKeys<AiPlatformProps>()([
  "environment", "stackPrefix", "namespaces", "createNamespaces", "defaultDenyIngress", "database", "kong", "modelScale", "backend",
  "authentication", "redis", "plainHttp", "httpsRedirectStatusCode", "catalog",
]);
export const NAMESPACES_KEYS = knownKeys<AiPlatformNamespaces>()(["kong", "models", "consumerCredentials"]);
export const MODEL_SCALE_KEYS = knownKeys<AiPlatformModelScale>()(["minReplicas", "maxReplicas"]);

/** Props the platform supplies to what it builds, and where the user sets them instead. */
export const SUPPLIED = {
  kong: { namespace: "the platform runs Kong in namespaces.kong", database: "set the platform's database prop" },
  model: {
    namespace: "the platform runs every model in namespaces.models",
    gateway: "the platform registers every model in its own gateway",
    kong: "the platform admits its own Kong cluster's proxy pods",
  },
  consumer: {
    credentialsSecret: "the platform writes every consumer's credentials to a Secret in namespaces.consumerCredentials",
    sensitiveOutputs: "the platform always exposes consumer credentials as sensitive outputs",
  },
};
