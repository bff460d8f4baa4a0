import { Scaling } from "../../../lib/kubernetes/scaling";
import { Vip } from "../../../lib/kubernetes/vip";
import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { model } from "../helpers";
import { expectValidationError } from "../../helpers";

describe("DetectionService workload props: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    [
      "a name that is not DNS-1123",
      { name: "Face_Detection" },
      '[platform/face] name ("Face_Detection") must be a DNS-1123 label: at most 40 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
    ],
    ["a port out of range", { port: 70000 }, "[platform/face] port (70000) must be an integer between 1 and 65535"],
    [
      "autoscaling with min > max",
      { scaling: Scaling.cpu({ minReplicas: 6, maxReplicas: 3 }) },
      "[platform/face] scaling.maxReplicas (3) must be at least minReplicas (6): raise maxReplicas or lower minReplicas",
    ],
    ["no pods", { scaling: Scaling.fixed(0) }, "[platform/face] scaling.replicas (0) must be an integer between 1 and 1000"],
    [
      "scaling written as a plain object",
      { scaling: { minReplicas: 2 } as never },
      '[platform/face] scaling ({"minReplicas":2}) must be made with Scaling.fixed(replicas) or Scaling.cpu({ minReplicas?, maxReplicas?, targetPercent? })',
    ],
    [
      "canary weights that do not add up",
      { canary: { image: "r/face:2.0.0", weightPercent: 20, stableWeightPercent: 70 } },
      "[platform/face] canary.stableWeightPercent (70) plus canary.weightPercent (20) must add up to 100, got 90",
    ],
    [
      "a canary weight over 100",
      { canary: { image: "r/face:2.0.0", weightPercent: 101 } },
      "[platform/face] canary.weightPercent (101) must be an integer between 0 and 100",
    ],
    ["a canary without a weight", { canary: { image: "r/face:2.0.0" } as never }, "[platform/face] canary.weightPercent (undefined) is required"],
    [
      "a canary with an impossible scale",
      { canary: { image: "r/face:2.0.0", weightPercent: 10, scaling: Scaling.cpu({ targetPercent: 120 }) } },
      "[platform/face] canary.scaling.targetPercent (120) must be an integer between 1 and 100",
    ],
    [
      "a canary of the same image",
      { canary: { image: "registry.local/ai/face-detection:1.4.2", weightPercent: 10 } },
      '[platform/face] canary.image ("registry.local/ai/face-detection:1.4.2") must differ from image while the canary takes traffic: a canary is a new version (the same image is allowed with weightPercent 0, the second step of a promotion)',
    ],
    ["a null canary", { canary: null as never }, "[platform/face] canary (null) must be { image, weightPercent, stableWeightPercent?, scaling? }"],
    [
      "an unpinned image",
      { image: "registry.local/ai/face-detection:latest" },
      '[platform/face] image ("registry.local/ai/face-detection:latest") must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev',
    ],
    [
      "a LoadBalancer VIP without source ranges",
      { vip: Vip.loadBalancer({ sourceRanges: [] }) },
      '[platform/face] vip.sourceRanges ([]) is required for a load balancer: list the CIDR blocks that may reach it, e.g. ["203.0.113.0/24"] (nothing is public by default)',
    ],
    [
      "a LoadBalancer VIP open to every address",
      { vip: Vip.loadBalancer({ sourceRanges: ["0.0.0.0/0"] }) },
      '[platform/face] vip.sourceRanges[0] ("0.0.0.0/0") opens the load balancer to every address: list the networks that need it',
    ],
    [
      "a CIDR as the VIP's IP",
      { vip: Vip.loadBalancer({ ip: "10.0.0.0/8", sourceRanges: ["10.0.0.0/8"] }) },
      '[platform/face] vip.ip ("10.0.0.0/8") must be an IPv4 or IPv6 address such as 203.0.113.10',
    ],
    [
      "a VIP written as a plain object",
      { vip: { type: "LoadBalancer" } as never },
      '[platform/face] vip ({"type":"LoadBalancer"}) must be made with Vip.clusterIp({ port? }) or Vip.loadBalancer({ sourceRanges, ... })',
    ],
    [
      "a Kong peer without a selector (would admit every pod)",
      { kong: { namespace: "kong", proxySelectorLabels: {} } },
      "[platform/face] kong.proxySelectorLabels ({}) must name at least one label: an empty selector matches every pod",
    ],
    [
      "a Kong peer of the wrong shape",
      { kong: {} as never },
      "[platform/face] kong.namespace (undefined) is required\n[platform/face] kong.proxySelectorLabels (undefined) is required",
    ],
    [
      "a gateway that is not a KongGateway",
      { gateway: {} as never },
      '[platform/face] gateway ("object") must be a KongGateway, or a gateway made with KongGateway.fromAdminUrl(...)',
    ],
    [
      "a literal secret in env",
      { env: { DB_PASSWORD: "hunter2" } },
      '[platform/face] env.DB_PASSWORD ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: put it in a Kubernetes Secret and list the Secret in `secrets`',
    ],
    [
      "a Secret name that Kubernetes rejects",
      { secrets: ["Not_A_Name"] },
      '[platform/face] secrets[0] ("Not_A_Name") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });
});
