import { App } from "cdktf";
import { AiPlatform, StateBackend } from "../lib";
import { addDefaultConsumers, addDefaultModels, addDefaultTeams } from "./catalog";
import { DefaultEnvironment } from "./environments";

/**
 * The default app: the platform of the original design (Kong with PostgreSQL; face detection, pet detection,
 * content moderation; a mobile app and a partner as consumers; the model team `vision`, whose models come from its own
 * app, and the gallery app that calls them) for one environment, as the stacks
 * `ai-platform-<env>` and `ai-gateway-<env>` (the construct id `ai` is their prefix).
 */
export function buildDefaultApp(app: App, environment: DefaultEnvironment, backend?: StateBackend): AiPlatform {
  const platform = new AiPlatform(app, "ai", { ...environment, backend });
  addDefaultModels(platform);
  addDefaultConsumers(platform);
  addDefaultTeams(platform);
  return platform;
}
