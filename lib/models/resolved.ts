import { Authentication } from "../gateway/authentication";
import type { PluginPolicy } from "../gateway/plugins/plugin";
import { Rollout } from "../kubernetes/rollout";
import { DEFAULT_IMAGE_PULL_SECONDS, GPU_IMAGE_PULL_SECONDS } from "../kubernetes/rollout-budget";
import { Scaling } from "../kubernetes/scaling";
import { Vip } from "../kubernetes/vip";
import type { HttpsRedirectStatusCode, ModelMetricsScraper, ModelProtocol, ModelPublicAccess, ModelRateLimit, ModelResources } from "./props";

/** The CPU use (percent of the request) a model's autoscaler aims for unless told otherwise. */
export const MODEL_CPU_TARGET_PERCENT = 70;

/** The defaults of DetectionServiceProps, in one place (each is stated by a test). */
export const MODEL_DEFAULTS = {
  port: 8080,
  protocol: "http" as ModelProtocol,
  scaling: Scaling.cpu({ minReplicas: 2, maxReplicas: 5, targetPercent: MODEL_CPU_TARGET_PERCENT }),
  rollout: Rollout.surge(),
  gpuRollout: Rollout.replace(),
  metricsPath: "/metrics",
  cpu: "500m",
  memory: "1Gi",
  readinessPath: "/ready",
  livenessPath: "/healthz",
  startupTimeoutSeconds: 600,
  imagePullSeconds: DEFAULT_IMAGE_PULL_SECONDS,
  gpuImagePullSeconds: GPU_IMAGE_PULL_SECONDS,
  vip: Vip.clusterIp(),
  runAsUser: 10001,
  rateLimit: { second: 20, minute: 600 } as ModelRateLimit,
  authentication: Authentication.keyAuth(),
  maxPayloadMegabytes: 10,
  timeoutMs: 60000,
  httpsOnly: false,
  httpsRedirectStatusCode: 426 as HttpsRedirectStatusCode,
  serverTlsVerify: true,
};

/** A canary after validation. */
export interface ResolvedCanary {
  readonly image: string;
  readonly weightPercent: number;
  readonly scaling: Scaling;
}

/** Metrics after validation: the port and path to scrape, and who may (none: any pod, on a port of its own). */
export interface ResolvedModelMetrics {
  readonly port: number;
  readonly path: string;
  readonly scrapers?: ModelMetricsScraper[];
}

/** A route after validation: its name, its Kong name and what it matches. */
export interface ResolvedRoute {
  /** The route's name within the model (its construct id). */
  readonly name: string;
  /** The Kong route name. */
  readonly kongName: string;
  readonly paths: string[];
  readonly methods?: string[];
  readonly hosts?: string[];
  readonly stripPath: boolean;
  readonly plugins: PluginPolicy[];
}

/** A model's props after validation, with every default filled: what its Kubernetes and Kong sides are built from. */
export interface ResolvedModel {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly port: number;
  readonly protocol: ModelProtocol;
  readonly scaling: Scaling;
  readonly resources: ModelResources & { cpu: string; memory: string };
  readonly probes: { readinessPath: string; livenessPath: string; startupPath: string; startupTimeoutSeconds: number; grpcService?: string };
  /** Image-pull allowance, in seconds (part of the progress deadline). */
  readonly imagePullSeconds: number;
  readonly vip: Vip;
  readonly runAsUser: number;
  readonly env: Record<string, string>;
  readonly configMaps: string[];
  readonly secrets: string[];
  readonly canary?: ResolvedCanary;
  readonly routes: ResolvedRoute[];
  /** How clients authenticate; none for a public model. */
  readonly authentication?: Authentication;
  readonly allowedGroups: string[];
  /** The rate-limiting policy, built (and checked) once during validation; none when `rateLimit: false`. */
  readonly rateLimitPolicy?: PluginPolicy;
  readonly maxPayloadMegabytes: number;
  readonly public?: ModelPublicAccess;
  readonly plugins: PluginPolicy[];
  readonly timeoutMs: number;
  /** Routes accept https (grpcs) only. */
  readonly httpsOnly: boolean;
  /** What an https-only route answers plain HTTP with. */
  readonly httpsRedirectStatusCode: HttpsRedirectStatusCode;
  /** The model server's own TLS, when it terminates TLS. */
  readonly serverTls?: { readonly secretName: string; readonly verify: boolean };
  readonly rollout: Rollout;
  readonly metrics?: ResolvedModelMetrics;
}
