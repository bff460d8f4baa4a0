import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { model } from "../helpers";

describe("DetectionService workload props: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    [
      "a name that is not DNS-1123",
      { name: "Face_Detection" },
      '[platform/face] name ("Face_Detection") must be a DNS-1123 label: at most 40 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
    ],
    ["a port out of range", { port: 70000 }, "[platform/face] port (70000) must be an integer between 1 and 65535"],
    [
      "min > max",
      { autoscaling: { minReplicas: 6, maxReplicas: 3 } },
      "[platform/face] autoscaling.maxReplicas (3) must be >= autoscaling.minReplicas (6)",
    ],
    [
      "replicas together with autoscaling",
      { replicas: 3 },
      "[platform/face] replicas (3) is only used with autoscaling: false (the autoscaler owns the replica count)",
    ],
    [
      "canary weights that do not add up",
      { canary: { image: "r/face:2.0.0", weight: 20, stableWeight: 70 } },
      "[platform/face] canary.stableWeight (70) plus canary.weight (20) must add up to 100, got 90",
    ],
    [
      "a canary weight of 100",
      { canary: { image: "r/face:2.0.0", weight: 100 } },
      "[platform/face] canary.weight (100) must be an integer between 1 and 99",
    ],
    ["a null canary", { canary: null as never }, "[platform/face] canary (null) must be { image, weight, stableWeight?, replicas? }"],
    [
      "an unpinned image",
      { image: "registry.local/ai/face-detection:latest" },
      '[platform/face] image ("registry.local/ai/face-detection:latest") must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev',
    ],
    [
      "a LoadBalancer VIP without source ranges",
      { vip: { type: "LoadBalancer" } },
      "[platform/face] vip.loadBalancerSourceRanges (undefined) is required for a LoadBalancer VIP: list the CIDRs that may reach it (nothing is public by default)",
    ],
    [
      "a LoadBalancer VIP open to every address",
      { vip: { type: "LoadBalancer", loadBalancerSourceRanges: ["0.0.0.0/0"] } },
      '[platform/face] vip.loadBalancerSourceRanges[0] ("0.0.0.0/0") opens the model\'s VIP, bypassing Kong\'s authentication, to every address: list the networks that need it',
    ],
    [
      "a CIDR as the VIP's IP",
      { vip: { type: "LoadBalancer", loadBalancerIp: "10.0.0.0/8", loadBalancerSourceRanges: ["10.0.0.0/8"] } },
      '[platform/face] vip.loadBalancerIp ("10.0.0.0/8") must be an IP address such as 10.20.0.40',
    ],
    [
      "a Kong peer without a selector (would admit every pod)",
      { kong: { namespace: "kong", proxySelectorLabels: {} } },
      "[platform/face] kong.proxySelectorLabels ({}) must not be empty: an empty selector matches every pod",
    ],
    [
      "a Kong peer of the wrong shape",
      { kong: {} as never },
      "[platform/face] kong.namespace (undefined) is required\n[platform/face] kong.proxySelectorLabels (undefined) is required",
    ],
    ["a gateway that is not a KongGateway", { gateway: {} as never }, '[platform/face] gateway ("object") must be a KongGateway'],
    [
      "a literal secret in env",
      { env: { DB_PASSWORD: "hunter2" } },
      '[platform/face] env.DB_PASSWORD ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: put it in a Kubernetes Secret and list the Secret in `secrets`',
    ],
    [
      "a Secret name that Kubernetes rejects",
      { secrets: ["Not_A_Name"] },
      '[platform/face] secrets[0] ("Not_A_Name") must be a Kubernetes object name (lowercase DNS-1123 subdomain)',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expect(() => model(overrides)).toThrow(message);
  });
});
