/**
 * Example 3 — GPU models and a canary rollout of a new model version.
 * image-stylization v3.1.0 runs on two GPUs per pod; v3.2.0 gets 20% of the traffic through a Kong upstream with
 * weighted targets and passive health checks. Promote by moving `image` to the canary's tag and removing `canary`.
 * Synthesize: npm run synth -- examples/gpu-canary.ts
 */
import { App } from "cdktf";
import { AiPlatform, Plugin, Scaling, synthesize } from "../lib";
import { ENVIRONMENTS } from "../stacks/environments";

export function build(app: App): AiPlatform {
  const platform = new AiPlatform(app, "ai", { ...ENVIRONMENTS.prod, environment: "gpu" });
  platform.addModel("image-stylization", {
    name: "image-stylization",
    image: "registry.internal/ai/image-stylization:3.1.0",
    resources: { cpu: "4", memory: "16Gi", gpu: { count: 2, nodeSelector: { "cloud.google.com/gke-accelerator": "nvidia-l4" } } },
    scaling: Scaling.cpu({ minReplicas: 2, maxReplicas: 8, targetPercent: 60 }),
    probes: { startupTimeoutSeconds: 1200 },
    canary: { image: "registry.internal/ai/image-stylization:3.2.0", weightPercent: 20, stableWeightPercent: 80, scaling: Scaling.fixed(1) },
    maxPayloadMegabytes: 20,
    rateLimit: { second: 2, minute: 60 },
  });
  platform.addModel("face-detection", {
    name: "face-detection",
    image: "registry.internal/ai/face-detection:1.4.2",
    resources: { cpu: "2", memory: "6Gi", gpu: { count: 1 } },
    // only the studio's office network may call it, on top of key-auth + ACL
    plugins: [Plugin.ipRestriction({ allow: ["10.40.0.0/16"] })],
  });
  platform.addConsumer("studio-app", {
    username: "studio-app",
    aclGroups: ["image-stylization", "face-detection"],
    keyAuth: true,
  });
  return platform;
}

if (require.main === module) synthesize(build);
