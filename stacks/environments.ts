import { Problems } from "../lib/core/errors";

/** PostgreSQL for Kong in one environment. */
export type DatabaseChoice =
  | { readonly kind: "in-cluster"; readonly storageSize: string; readonly storageClassName?: string }
  | {
      readonly kind: "existing";
      readonly host: string;
      readonly port: number;
      readonly sslMode: "require" | "verify-full";
      readonly adminUsername: string;
    };

/** What differs between environments. Everything else is the same platform. */
export interface PlatformEnvironment {
  /** Short name, used in stack names: `ai-platform-<name>`, `ai-gateway-<name>`. */
  readonly name: string;
  /** Namespace for Kong and its database. */
  readonly kongNamespace: string;
  /** Namespace for the model workloads. */
  readonly modelNamespace: string;
  readonly database: DatabaseChoice;
  readonly kong: {
    /** Kong image; change it to upgrade Kong in this environment. @default the library's pinned kong:3.9.x */
    readonly image?: string;
    readonly minReplicas: number;
    readonly maxReplicas: number;
    /** The clients' VIP. */
    readonly proxy: { readonly loadBalancerIp?: string; readonly sourceRanges: string[] };
    /** CIDRs allowed to reach the Admin API through an internal LoadBalancer; none = port-forward only. */
    readonly adminSourceRanges?: string[];
  };
  /** Autoscaling bounds for models that do not set their own. */
  readonly modelScale: { readonly minReplicas: number; readonly maxReplicas: number };
}

export const ENVIRONMENTS: Record<string, PlatformEnvironment> = {
  dev: {
    name: "dev",
    kongNamespace: "kong",
    modelNamespace: "models",
    database: { kind: "in-cluster", storageSize: "10Gi" },
    kong: {
      minReplicas: 2,
      maxReplicas: 3,
      proxy: { sourceRanges: ["10.0.0.0/8"] },
    },
    modelScale: { minReplicas: 1, maxReplicas: 2 },
  },
  prod: {
    name: "prod",
    kongNamespace: "kong",
    modelNamespace: "models",
    database: { kind: "existing", host: "kong-db.prod.internal", port: 5432, sslMode: "verify-full", adminUsername: "platform_admin" },
    kong: {
      minReplicas: 3,
      maxReplicas: 10,
      proxy: { loadBalancerIp: "10.20.0.10", sourceRanges: ["10.0.0.0/8", "172.16.0.0/12"] },
      adminSourceRanges: ["10.99.0.0/24"],
    },
    modelScale: { minReplicas: 2, maxReplicas: 3 },
  },
};

/** The environment named by ENV (default dev), or a clear error listing the known ones. */
export function environmentFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformEnvironment {
  const name = env.ENV ?? "dev";
  const found = Object.prototype.hasOwnProperty.call(ENVIRONMENTS, name) ? ENVIRONMENTS[name] : undefined;
  if (!found) {
    new Problems("environment").add("ENV", name, `must be one of ${Object.keys(ENVIRONMENTS).map((n) => JSON.stringify(n)).join(", ")}`).throwIfAny();
  }
  return found as PlatformEnvironment;
}
