import { App } from "cdktf";
import { AiPlatform } from "./ai-platform";
import { BackendConfig } from "./backend";
import { addDefaultConsumers, addDefaultModels } from "./catalog";
import { PlatformEnvironment } from "./environments";

/**
 * The default app: the platform of the original design (Kong with PostgreSQL; face detection, pet detection,
 * content moderation; a mobile app and a partner as consumers) for one environment.
 */
export function buildDefaultApp(app: App, environment: PlatformEnvironment, backend?: BackendConfig): AiPlatform {
  const platform = new AiPlatform(app, { environment, backend });
  addDefaultModels(platform);
  addDefaultConsumers(platform);
  return platform;
}
