import { addTeamNamespace, TEAM_CONTAINER_DEFAULTS, TEAM_QUOTA_DEFAULTS } from "../../lib/platform/team-namespace";
import { kubernetesStack, synth } from "../helpers";

const quota = { ...TEAM_QUOTA_DEFAULTS, gpus: 3, gpusPerContainer: 1 };

describe("addTeamNamespace", () => {
  test("the defaults: 16 CPUs, 64Gi, 50 pods, no GPU, no load balancer; containers get a model's requests", () => {
    expect(TEAM_QUOTA_DEFAULTS).toEqual({ gpus: 0, gpuResourceName: "nvidia.com/gpu", cpu: "16", memory: "64Gi", pods: 50, loadBalancers: 0 });
    expect(TEAM_CONTAINER_DEFAULTS).toEqual({ cpu: "500m", memory: "1Gi" });
  });

  test("objects with stable ids in the scope: Namespace, Quota, Limits, DefaultDeny, Deployers", () => {
    // GIVEN a stack WHEN a team's namespace is added with deployers THEN the five objects, by construct id
    const stack = kubernetesStack();
    const made = addTeamNamespace(stack, { team: "vision", namespace: "team-vision", create: true, quota, deployerGroups: ["ops"], labels: { team: "vision" } });
    expect([made.namespace, made.quota, made.limitRange, made.defaultDeny, made.deployers].map((c) => c?.node.id)).toEqual([
      "Namespace",
      "Quota",
      "Limits",
      "DefaultDeny",
      "Deployers",
    ]);
  });

  test("a container without GPUs gets 0 of them: LimitRanger refuses a container without a limit for a resource with a max", () => {
    const stack = kubernetesStack();
    addTeamNamespace(stack, { team: "vision", namespace: "team-vision", create: false, quota, deployerGroups: [], labels: {} });
    const limits = Object.values<{ spec: { limit: unknown[] } }>(synth(stack).resource.kubernetes_limit_range_v1)[0];
    expect(limits.spec.limit).toEqual([
      {
        type: "Container",
        default: { memory: "1Gi", "nvidia.com/gpu": "0" },
        default_request: { cpu: "500m", memory: "1Gi", "nvidia.com/gpu": "0" },
        max: { "nvidia.com/gpu": "1" },
      },
    ]);
  });
});
