import { AiPlatform, Authentication, Plugin } from "../lib";

/**
 * The platform of the original design: three image models and two consumers.
 * - face-detection runs on a GPU;
 * - pet-detection is rolling out v2.1.0 as a 10% canary;
 * - content-moderation is called by partners with an API key and by the web console with a JWT (either suffices),
 *   with a tighter payload limit and CORS for the console.
 */
export function addDefaultModels(platform: AiPlatform): void {
  platform.addModel("face-detection", {
    name: "face-detection",
    image: "registry.internal/ai/face-detection:1.4.2",
    resources: { cpu: "2", memory: "6Gi", gpu: { count: 1 } },
    probes: { startupTimeoutSeconds: 900 },
    routes: [{ paths: ["/v1/face-detection"] }],
    rateLimit: { second: 10, minute: 300 },
  });
  platform.addModel("pet-detection", {
    name: "pet-detection",
    image: "registry.internal/ai/pet-detection:2.0.3",
    canary: { image: "registry.internal/ai/pet-detection:2.1.0", weightPercent: 10 },
    routes: [{ paths: ["/v1/pet-detection"] }],
  });
  platform.addModel("content-moderation", {
    name: "content-moderation",
    image: "registry.internal/ai/content-moderation:3.2.0",
    resources: { cpu: "1", memory: "2Gi" },
    routes: [{ paths: ["/v1/content-moderation"] }],
    maxPayloadMegabytes: 5,
    // partners send an API key, the web console a JWT: any one credential suffices (Kong's anonymous-consumer pattern)
    authentication: Authentication.anyOf(Authentication.keyAuth(), Authentication.jwt()),
    // its route matches POST and OPTIONS: the cors plugin answers the web console's preflights
    plugins: [Plugin.cors({ origins: ["https://console.example.com"], methods: ["POST", "OPTIONS"], maxAgeSeconds: 600 })],
  });
}

/** Three consumers with different groups, credentials and limits: the mobile app, a partner and the web console. */
export function addDefaultConsumers(platform: AiPlatform): void {
  platform.addConsumer("mobile-app", {
    username: "mobile-app",
    aclGroups: ["face-detection", "pet-detection"],
    keyAuth: true,
    // counted where the models count (the platform's Redis, else Kong's PostgreSQL): the limit holds across Kong's pods
    plugins: [Plugin.rateLimiting({ second: 5, minute: 120, counters: platform.rateLimitCounters })],
  });
  platform.addConsumer("partner-acme", {
    username: "partner-acme",
    customId: "acme-corp",
    aclGroups: ["content-moderation", "pet-detection"],
    keyAuth: true,
    plugins: [Plugin.rateLimiting({ minute: 1000, hour: 20000, counters: platform.rateLimitCounters })],
  });
  // signs its users' requests with the HS256 secret published in its Secret (data keys jwt-key, jwt-secret)
  platform.addConsumer("web-console", {
    username: "web-console",
    aclGroups: ["content-moderation"],
    jwt: {},
  });
}

/**
 * A model team that deploys its models from its own repository and state (`examples/model-team` is its app): the
 * platform gives it a namespace with two GPUs, the group `vision` its models allow, and the consumer that calls them
 * (consumers stay with the platform: the team grants access by group).
 */
export function addDefaultTeams(platform: AiPlatform): void {
  platform.addTeam("vision", {
    quota: { gpus: 2, cpu: "16", memory: "64Gi" },
    // where the Admin API takes a key (prod: AdminEndpoint.throughProxy), the team's pipeline reads it from Vault
    adminCredentials: platform.adminApiRoute ? { kind: "apiKey", source: "vault:secret/kong/teams/vision" } : undefined,
  });
  platform.addConsumer("gallery-app", {
    username: "gallery-app",
    aclGroups: ["vision"],
    keyAuth: true,
    plugins: [Plugin.rateLimiting({ second: 5, minute: 120, counters: platform.rateLimitCounters })],
  });
}
