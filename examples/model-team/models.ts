import { App } from "cdktf";
import { PlatformAttachment, Plugin, Scaling, StateBackend, TeamApp, ValidationError } from "kong-ai-platform";
import dev from "./platform/dev";
import prod from "./platform/prod";

/** What the platform team published for team vision, per environment (see platform/<env>.ts). */
const PUBLISHED: Record<string, unknown> = { dev, prod };

export interface VisionSettings {
  /** "dev" or "prod": the platform environment the models are deployed to. */
  readonly environment: string;
  /** Where Terraform keeps the state. @default ./terraform-state */
  readonly backend?: StateBackend;
}

/**
 * Team vision's models on the AI platform, as the stack ai-team-vision-<env>: their Deployments, VIPs, autoscaling and
 * NetworkPolicies in the namespace team-vision, their Kong services, routes and policies on the platform's Kong.
 * Nothing of the platform (namespaces, Kong, consumers) is in it.
 */
export function buildTeamApp(app: App, settings: VisionSettings): TeamApp {
  const published = Object.prototype.hasOwnProperty.call(PUBLISHED, settings.environment) ? PUBLISHED[settings.environment] : undefined;
  if (published === undefined) {
    const known = Object.keys(PUBLISHED).map((e) => JSON.stringify(e)).join(", ");
    throw new ValidationError("vision", [{ field: "environment", value: settings.environment, message: `must be one of ${known}: the environments the platform published values for` }]);
  }
  const team = new TeamApp(app, "vision", { platform: PlatformAttachment.fromOutput(published), backend: settings.backend });

  // one pod with one GPU: the team's quota (two GPUs) leaves one for a rollout's or another model's pod
  team.addModel("segmentation", {
    name: "vision-segmentation",
    image: "registry.internal/vision/segmentation:1.3.0",
    resources: { cpu: "2", memory: "8Gi", gpu: { count: 1 } },
    scaling: Scaling.fixed(1),
    probes: { startupTimeoutSeconds: 900 },
  });
  team.addModel("caption", {
    name: "vision-caption",
    image: "registry.internal/vision/caption:0.4.1",
    resources: { cpu: "1", memory: "2Gi" },
    routes: [
      { name: "caption", paths: ["/v1/vision/caption"] },
      { name: "batch", paths: ["/v1/vision/caption/batch"], plugins: [Plugin.rateLimiting({ minute: 10 })] },
    ],
    rateLimit: { second: 5, minute: 200 },
  });
  return team;
}
