import { AdminEndpoint, AiPlatformProps, CaCertificate, PlatformDatabase, PlatformRedis, ProxyEndpoint, ProxyTls, Scaling, ValidationError } from "../lib";

/** One environment of this repository's default app: everything of the platform except where its state lives. */
export type DefaultEnvironment = Omit<AiPlatformProps, "backend" | "stackPrefix">;

/** What differs between environments. Everything else is the same platform. */
export const ENVIRONMENTS: Record<string, DefaultEnvironment> = {
  dev: {
    environment: "dev",
    namespaces: { kong: "kong", models: "models" },
    database: PlatformDatabase.inCluster({ storageSize: "10Gi" }),
    kong: {
      scaling: Scaling.cpu({ minReplicas: 2, maxReplicas: 3 }),
      proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"], externalTrafficPolicy: "Local" }),
    },
    // no certificate in dev: the models answer plain HTTP too (keys cross the dev network in clear text)
    plainHttp: true,
    modelScale: { minReplicas: 1, maxReplicas: 2 },
    // rate-limit counters shared by every Kong pod, in a Redis pod only Kong's pods may reach
    redis: PlatformRedis.inCluster(),
  },
  prod: {
    environment: "prod",
    namespaces: { kong: "kong", models: "models" },
    database: PlatformDatabase.existing({
      host: "kong-db.prod.internal",
      port: 5432,
      sslMode: "verify-full",
      adminUsername: "platform_admin",
      // the server's certificate comes from the internal CA, published in Kong's namespace (README "TLS")
      caCertificate: CaCertificate.fromConfigMap("internal-ca"),
    }),
    kong: {
      scaling: Scaling.cpu({ minReplicas: 3, maxReplicas: 10 }),
      proxy: ProxyEndpoint.loadBalancer({ ip: "10.20.0.10", sourceRanges: ["10.0.0.0/8", "172.16.0.0/12"], externalTrafficPolicy: "Local" }),
      // written by cert-manager (README "TLS"): the models' API and the Admin API's host
      tls: ProxyTls.fromSecret({ secretName: "ai-proxy-tls", hosts: ["ai.prod.internal", "kong-admin.prod.internal"] }),
      // the CI network that applies the gateway stack calls the Admin API through the proxy, with kong_api_key
      admin: AdminEndpoint.throughProxy({ host: "kong-admin.prod.internal", sourceRanges: ["10.99.0.0/24"] }),
    },
    modelScale: { minReplicas: 2, maxReplicas: 3 },
    // rate-limit counters in the managed Redis, over TLS; its password is the key "password" of the Secret
    // "kong-redis" in the kong namespace (created by the operator, like the database's admin password)
    redis: PlatformRedis.existing({ host: "kong-redis.prod.internal", ssl: true, sslVerify: true, passwordSecret: { name: "kong-redis", key: "password" } }),
  },
};

/** The environment named by ENV (default dev), or a clear error listing the known ones. */
export function environmentFromEnv(env: NodeJS.ProcessEnv = process.env): DefaultEnvironment {
  const name = env.ENV ?? "dev";
  const found = Object.prototype.hasOwnProperty.call(ENVIRONMENTS, name) ? ENVIRONMENTS[name] : undefined;
  if (!found) {
    const known = Object.keys(ENVIRONMENTS).map((n) => JSON.stringify(n)).join(", ");
    throw new ValidationError("environment", [{ field: "ENV", value: name, message: `must be one of ${known}` }]);
  }
  return found;
}
