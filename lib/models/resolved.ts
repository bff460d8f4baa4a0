import type { PluginPolicy } from "../gateway/plugins/base";
import type {
  ModelCanary,
  ModelProtocol,
  ModelPublicAccess,
  ModelRateLimit,
  ModelResources,
  ModelRoute,
  ModelVip,
} from "./props";

/** The defaults of DetectionServiceProps, in one place (each is stated by a test). */
export const MODEL_DEFAULTS = {
  port: 8080,
  protocol: "http" as ModelProtocol,
  replicas: 2,
  autoscaling: { minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 },
  cpu: "500m",
  memory: "1Gi",
  readinessPath: "/ready",
  livenessPath: "/healthz",
  startupTimeoutSeconds: 600,
  vipPort: 80,
  runAsUser: 10001,
  rateLimit: { second: 20, minute: 600 } as ModelRateLimit,
  maxPayloadMegabytes: 10,
  timeoutMs: 60000,
};

/** A model's props after validation, with every default filled: what its Kubernetes and Kong sides are built from. */
export interface ResolvedModel {
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
  readonly canary?: ModelCanary;
  readonly routes: ModelRoute[];
  readonly allowedGroups: string[];
  /** The rate-limiting policy, built (and checked) once during validation; none when `rateLimit: false`. */
  readonly rateLimitPolicy?: PluginPolicy;
  readonly maxPayloadMegabytes: number;
  readonly public?: ModelPublicAccess;
  readonly plugins: PluginPolicy[];
  readonly timeoutMs: number;
}
