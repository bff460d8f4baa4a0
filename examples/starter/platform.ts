import { App } from "cdktf";
import { AdminEndpoint, AiPlatform, Plugin, PlatformDatabase, ProxyEndpoint, ProxyTls, Scaling, StateBackend } from "kong-ai-platform";

export interface AcmeSettings {
  /** "dev" or "prod": the last part of the stack names. */
  readonly environment: string;
  /** Where Terraform keeps the state. @default ./terraform-state */
  readonly backend?: StateBackend;
}

/**
 * Acme's AI platform: Kong on PostgreSQL, two models and the web app that calls them, as the stacks
 * acme-platform-<env> (Kubernetes) and acme-gateway-<env> (Kong's configuration, applied after it).
 */
export function buildPlatform(app: App, settings: AcmeSettings): AiPlatform {
  const prod = settings.environment === "prod";
  const platform = new AiPlatform(app, "acme", {
    environment: settings.environment,
    backend: settings.backend,
    namespaces: { kong: "acme-kong", models: "acme-models", consumerCredentials: "acme-apps" },
    database: prod
      ? PlatformDatabase.existing({ host: "kong-db.acme.internal", sslMode: "verify-full", adminUsername: "platform_admin" })
      : PlatformDatabase.inCluster({ storageSize: "10Gi" }),
    kong: {
      scaling: Scaling.cpu({ minReplicas: prod ? 3 : 2, maxReplicas: prod ? 10 : 3 }),
      env: { KONG_LOG_LEVEL: prod ? "notice" : "info" },
      proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"], externalTrafficPolicy: "Local" }),
      // prod serves HTTPS with the certificate cert-manager writes into the Secret acme-api-tls; dev has none
      tls: prod ? ProxyTls.fromSecret({ secretName: "acme-api-tls", hosts: ["ai.acme.internal", "kong-admin.acme.internal"] }) : undefined,
      // prod: the CI runners that apply the gateway stack call the Admin API through the proxy, over HTTPS with
      // kong_api_key; dev uses kubectl port-forward
      admin: prod ? AdminEndpoint.throughProxy({ host: "kong-admin.acme.internal", sourceRanges: ["10.99.0.0/24"] }) : undefined,
    },
    // dev has no certificate: its models answer plain HTTP too; prod's accept HTTPS only
    plainHttp: !prod,
    modelScale: prod ? { minReplicas: 2, maxReplicas: 4 } : { minReplicas: 1 },
  });

  platform.addModel("invoice-ocr", {
    name: "invoice-ocr",
    image: "registry.acme.example/ai/invoice-ocr:1.2.0",
    resources: { cpu: "1", memory: "2Gi" },
    rateLimit: { second: 5, minute: 200 },
  });
  platform.addModel("translate", {
    name: "translate",
    image: "registry.acme.example/ai/translate:0.9.3",
    resources: { cpu: "2", memory: "8Gi", gpu: { count: 1 } },
    probes: { startupTimeoutSeconds: 900 },
    maxPayloadMegabytes: 2,
  });

  platform.addConsumer("web-app", {
    username: "web-app",
    aclGroups: ["invoice-ocr", "translate"],
    keyAuth: true,
    // counted where the models count (Kong's PostgreSQL here), so 600 per minute holds across every Kong pod
    plugins: [Plugin.rateLimiting({ minute: 600, counters: platform.rateLimitCounters })],
  });
  return platform;
}
