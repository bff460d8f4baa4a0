import { Rollout } from "../../../lib/kubernetes/rollout";
import { Scaling } from "../../../lib/kubernetes/scaling";
import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { expectValidationError, resources } from "../../helpers";
import { model } from "../helpers";

const GPU = { resources: { cpu: "2", memory: "8Gi", gpu: { count: 1 } } };
const strategyOf = (overrides: Partial<DetectionServiceProps>) =>
  resources(model(overrides).json, "kubernetes_deployment_v1")
    .map((d) => [d.metadata.name, d.spec.strategy])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe("DetectionService rollout", () => {
  test("a CPU model surges by default: one new pod ready before an old one goes", () => {
    // GIVEN a model without GPU WHEN synthesized THEN maxSurge 1, maxUnavailable 0
    expect(strategyOf({})).toEqual([["face-detection", { type: "RollingUpdate", rolling_update: { max_surge: "1", max_unavailable: "0" } }]]);
  });

  test("a GPU model replaces in place by default, stable and canary: no spare GPU needed", () => {
    // GIVEN a GPU model with a canary WHEN synthesized THEN both tracks stop one pod before starting its replacement
    const replace = { type: "RollingUpdate", rolling_update: { max_surge: "0", max_unavailable: "1" } };
    expect(strategyOf({ ...GPU, canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } })).toEqual([
      ["face-detection", replace],
      ["face-detection-canary", replace],
    ]);
  });

  test("the rollout prop wins: a GPU pool with spare GPUs may surge; Recreate for a model that cannot run two versions", () => {
    expect(strategyOf({ ...GPU, rollout: Rollout.surge() })[0][1]).toEqual({ type: "RollingUpdate", rolling_update: { max_surge: "1", max_unavailable: "0" } });
    expect(strategyOf({ rollout: Rollout.recreate() })[0][1]).toEqual({ type: "Recreate" });
    expect(strategyOf({ rollout: Rollout.replace({ maxUnavailable: "50%" }) })[0][1]).toEqual({ type: "RollingUpdate", rolling_update: { max_surge: "0", max_unavailable: "50%" } });
  });

  test("the rollout's batches set the Terraform update timeout (rolloutBudget): two pods at a time halve the batches", () => {
    // GIVEN four pods, replaced one by one (the default) or two at a time
    const one = model({ scaling: Scaling.fixed(4) }).svc.workload.rolloutBudget;
    const two = model({ scaling: Scaling.fixed(4), rollout: Rollout.replace({ maxUnavailable: 2 }) }).svc.workload.rolloutBudget;
    // THEN the update waits for 4 batches, or 2
    expect([one.steps, two.steps]).toEqual([4, 2]);
    expect(two.progressDeadlineSeconds).toBe(one.progressDeadlineSeconds);
  });

  test("a rollout that is not made by Rollout, or is invalid, is refused at the model", () => {
    expectValidationError(
      () => model({ rollout: { maxSurge: 0 } as never }),
      '[platform/face] rollout ({"maxSurge":0}) must be made with Rollout.surge({ maxSurge?, maxUnavailable? }), Rollout.replace({ maxUnavailable? }) or Rollout.recreate()',
    );
    expectValidationError(
      () => model({ rollout: Rollout.surge({ maxSurge: 0 }) }),
      "[platform/face] rollout.maxSurge (0) must start at least one pod: for a rollout without extra pods use Rollout.replace()",
    );
  });
});

describe("DetectionService metrics", () => {
  test("none by default: no scrape annotations, one container port, one ingress rule", () => {
    const { json } = model();
    const deployment = resources(json, "kubernetes_deployment_v1")[0];
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(deployment.spec.template.spec.container[0].port).toHaveLength(1);
    expect(resources(json, "kubernetes_network_policy_v1")[0].spec.ingress).toHaveLength(1);
  });

  test("on a port of their own: annotations on the pods of both tracks, a container port `metrics`, open to any pod on that port", () => {
    // GIVEN metrics on 9090 WHEN synthesized
    const { json } = model({ metrics: { port: 9090 }, canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    // THEN the pods say where to scrape, and only the metrics port is opened beyond Kong's rule
    for (const d of resources(json, "kubernetes_deployment_v1")) {
      expect(d.spec.template.metadata.annotations).toEqual({ "prometheus.io/path": "/metrics", "prometheus.io/port": "9090", "prometheus.io/scrape": "true" });
      expect(d.spec.template.spec.container[0].port).toEqual([
        { container_port: 8080, name: "http", protocol: "TCP" },
        { container_port: 9090, name: "metrics", protocol: "TCP" },
      ]);
    }
    const ingress = resources(json, "kubernetes_network_policy_v1")[0].spec.ingress;
    expect(ingress[1]).toEqual({ ports: [{ port: "9090", protocol: "TCP" }] });
    expect(ingress[0].ports).toEqual([{ port: "8080", protocol: "TCP" }]);
  });

  test("on the model's port, with a path: only the named scrapers are admitted, and no extra container port", () => {
    const { json } = model({ metrics: { path: "/stats/prometheus", scrapers: [{ namespace: "monitoring", podLabels: { "app.kubernetes.io/name": "prometheus" } }, { namespace: "ops" }] } });
    const deployment = resources(json, "kubernetes_deployment_v1")[0];
    expect(deployment.spec.template.metadata.annotations).toEqual({ "prometheus.io/path": "/stats/prometheus", "prometheus.io/port": "8080", "prometheus.io/scrape": "true" });
    expect(deployment.spec.template.spec.container[0].port).toHaveLength(1);
    expect(resources(json, "kubernetes_network_policy_v1")[0].spec.ingress[1]).toEqual({
      from: [
        { namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "monitoring" } }, pod_selector: { match_labels: { "app.kubernetes.io/name": "prometheus" } } },
        { namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "ops" } } },
      ],
      ports: [{ port: "8080", protocol: "TCP" }],
    });
  });

  test("a public model's reason and the scrape annotations go together", () => {
    const { json } = model({ public: { reason: "A public demo model for the product site." }, metrics: { port: 9090 } });
    expect(resources(json, "kubernetes_deployment_v1")[0].spec.template.metadata.annotations).toMatchObject({
      "ai-platform/public-reason": "A public demo model for the product site.",
      "prometheus.io/scrape": "true",
    });
  });

  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    [
      "metrics on the model's port without scrapers (anyone could call the model past Kong)",
      { metrics: {} },
      '[platform/face] metrics.scrapers (undefined) is required when the metrics share the model\'s port (8080): admitting any pod there would let it call the model without Kong. Name the scrapers, e.g. [{ namespace: "monitoring" }], or give the metrics port of the model server',
    ],
    [
      "metrics on a gRPC model's port",
      { protocol: "grpc", routes: [{ paths: ["/face.Detector/"] }], metrics: { scrapers: [{ namespace: "monitoring" }] } },
      "[platform/face] metrics.port (8080) is the model's gRPC port, which Prometheus cannot scrape over HTTP: give the metrics port of the model server",
    ],
    [
      "a bad port, path and scrapers, all at once",
      { metrics: { port: 0, path: "metrics", scrapers: [{ namespace: "Monitoring", podLabels: {} }] } },
      [
        "[platform/face] metrics.port (0) must be an integer between 1 and 65535",
        '[platform/face] metrics.path ("metrics") must be an HTTP path starting with "/", e.g. "/metrics"',
        "[platform/face] metrics.scrapers[0].namespace (\"Monitoring\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
        "[platform/face] metrics.scrapers[0].podLabels ({}) must name at least one label: an empty selector matches every pod",
      ].join("\n"),
    ],
    [
      "an empty list of scrapers",
      { metrics: { port: 9090, scrapers: [] } },
      '[platform/face] metrics.scrapers ([]) must be a non-empty list of { namespace, podLabels? }, e.g. [{ namespace: "monitoring" }]',
    ],
    ["metrics that are not an object", { metrics: "yes" as never }, '[platform/face] metrics ("yes") must be an object { port?, path?, scrapers? }'],
  ];
  test.each(cases)("refuses %s", (_name, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });
});
