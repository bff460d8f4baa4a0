import { TerraformStack, Testing } from "cdktf";
import { Scaling } from "../../lib/kubernetes/scaling";
import {
  addAutoscalerAndBudget,
  deploymentScaling,
  SPREAD_OVER_NODES_AND_ZONES,
} from "../../lib/kubernetes/workload-scaling";

const selector = { "app.kubernetes.io/name": "web" };
const metadata = { name: "web", namespace: "apps", labels: { app: "web" } };

describe("deploymentScaling", () => {
  test("fixed: the count, spread over nodes by default, replicas managed by Terraform", () => {
    expect(deploymentScaling(Scaling.fixed(3), selector)).toEqual({
      replicas: "3",
      topologySpreadConstraint: [
        { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: [{ matchLabels: selector }] },
      ],
      lifecycle: undefined,
    });
  });

  test("autoscaled: starts at the minimum and leaves replicas to the autoscaler", () => {
    const d = deploymentScaling(Scaling.cpu({ minReplicas: 4, maxReplicas: 8 }), selector);
    expect(d.replicas).toBe("4");
    expect(d.lifecycle).toEqual({ ignoreChanges: ["spec[0].replicas"] });
  });

  test("spreads over each given topology key, in order", () => {
    const keys = deploymentScaling(Scaling.fixed(2), selector, SPREAD_OVER_NODES_AND_ZONES).topologySpreadConstraint.map((c) => c.topologyKey);
    expect(keys).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
  });
});

describe("addAutoscalerAndBudget", () => {
  function render(scaling: Scaling) {
    const stack = new TerraformStack(Testing.app(), "test");
    const made = addAutoscalerAndBudget(stack, { scaling, metadata, selector, deploymentName: "web" });
    return { made, json: JSON.parse(Testing.synth(stack)) };
  }

  test("cpu: an autoscaling/v2 autoscaler on CPU, and a budget of one pod down", () => {
    const { made, json } = render(Scaling.cpu());
    expect(made.autoscaler).toBeDefined();
    expect(made.disruptionBudget).toBeDefined();
    const hpa = Object.values(json.resource.kubernetes_horizontal_pod_autoscaler_v2)[0] as Record<string, unknown>;
    expect(hpa.spec).toEqual({
      min_replicas: 2,
      max_replicas: 5,
      scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: "web" },
      metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", average_utilization: 80 } } }],
    });
    const pdb = Object.values(json.resource.kubernetes_pod_disruption_budget_v1)[0] as Record<string, unknown>;
    expect(pdb.spec).toEqual({ max_unavailable: "1", selector: { match_labels: selector } });
    expect(pdb.metadata).toEqual({ name: "web", namespace: "apps", labels: { app: "web" } });
  });

  test("a memory target adds a second metric", () => {
    const { json } = render(Scaling.cpu({ memoryTargetPercent: 75 }));
    const hpa = Object.values(json.resource.kubernetes_horizontal_pod_autoscaler_v2)[0] as { spec: { metric: unknown[] } };
    expect(hpa.spec.metric[1]).toEqual({
      type: "Resource",
      resource: { name: "memory", target: { type: "Utilization", average_utilization: 75 } },
    });
  });

  test("fixed with several pods: a budget, no autoscaler", () => {
    const { made } = render(Scaling.fixed(2));
    expect(made.autoscaler).toBeUndefined();
    expect(made.disruptionBudget).toBeDefined();
  });

  test("one pod: no budget (it would block every node drain)", () => {
    expect(render(Scaling.fixed(1)).made).toEqual({ autoscaler: undefined, disruptionBudget: undefined });
    expect(render(Scaling.cpu({ minReplicas: 1 })).made.disruptionBudget).toBeUndefined();
  });

  test("ids: Autoscaler and DisruptionBudget in the given scope", () => {
    const { made } = render(Scaling.cpu());
    expect([made.autoscaler!.node.id, made.disruptionBudget!.node.id]).toEqual(["Autoscaler", "DisruptionBudget"]);
  });
});
