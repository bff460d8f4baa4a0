import { AiPlatform, Plugin } from "../lib";

/**
 * The platform of the original design: three image models and two consumers.
 * - face-detection runs on a GPU;
 * - pet-detection is rolling out v2.1.0 as a 10% canary;
 * - content-moderation is called by partners with a tighter payload limit and CORS for the web console.
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
    plugins: [Plugin.cors({ origins: ["https://console.example.com"], methods: ["POST", "OPTIONS"], maxAgeSeconds: 600 })],
  });
}

/** Two consumers with different groups and limits: the mobile app and a partner. */
export function addDefaultConsumers(platform: AiPlatform): void {
  platform.addConsumer("mobile-app", {
    username: "mobile-app",
    aclGroups: ["face-detection", "pet-detection"],
    keyAuth: true,
    plugins: [Plugin.rateLimiting({ second: 5, minute: 120 })],
  });
  platform.addConsumer("partner-acme", {
    username: "partner-acme",
    customId: "acme-corp",
    aclGroups: ["content-moderation", "pet-detection"],
    keyAuth: true,
    plugins: [Plugin.rateLimiting({ minute: 1000, hour: 20000 })],
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
    plugins: [Plugin.rateLimiting({ second: 5, minute: 120 })],
  });
}
