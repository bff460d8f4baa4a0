import { modelHealthchecks } from "../../lib/models/canary-upstream";
import { resources } from "../helpers";
import { idsOf, model } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

const CANARY_IMAGE = "registry.local/ai/face-detection:1.5.0";
const targets = (json: any) => Object.fromEntries(Object.entries<any>(json.resource.kong_target ?? {}).map(([id, t]) => [id, [t.target, t.weight]]));

describe("a canary's upstream", () => {
  test("probes the model's readiness path so that a failed version comes back by itself", () => {
    // GIVEN an http model with a canary and its own readiness path
    const { json } = model({ probes: { readinessPath: "/v2/ready" }, canary: { image: CANARY_IMAGE, weightPercent: 10 } });
    // THEN active probes: Kong re-enables a target only after active probes succeed (successes > 0, interval > 0)
    const hc = resources(json, "kong_upstream")[0].healthchecks;
    expect(hc.active).toEqual({
      type: "http",
      http_path: "/v2/ready",
      timeout: 2,
      concurrency: 10,
      https_verify_certificate: true,
      healthy: { interval: 10, http_statuses: [200, 302], successes: 2 },
      unhealthy: { interval: 5, http_statuses: [404, 500, 501, 502, 503, 504, 505], http_failures: 2, tcp_failures: 2, timeouts: 3 },
    });
    expect(hc.active.healthy.successes).toBeGreaterThan(0);
    expect(hc.active.unhealthy.interval).toBeGreaterThan(0);
  });

  test("passive checks count 500 and 503, never 429 (a busy or rate-limiting model is not broken)", () => {
    const { json } = model({ canary: { image: CANARY_IMAGE, weightPercent: 10 } });
    const passive = resources(json, "kong_upstream")[0].healthchecks.passive;
    expect(passive.unhealthy).toEqual({ http_statuses: [500, 503], http_failures: 5, timeouts: 3, tcp_failures: 0 });
    expect(passive.unhealthy.http_statuses).not.toContain(429);
    expect(modelHealthchecks("/ready").active?.unhealthy?.httpStatuses).not.toContain(429);
  });

  test("a gRPC model's upstream checks nothing: Kong's active probes speak HTTP/1.x, and passive ones alone never heal", () => {
    const { json } = model({ protocol: "grpc", routes: [{ paths: ["/face.Detector/"] }], canary: { image: CANARY_IMAGE, weightPercent: 10 } });
    // Kong's defaults, written whole: every interval and counter 0 (no probing, no circuit breaker)
    const hc = resources(json, "kong_upstream")[0].healthchecks;
    expect([hc.active.healthy.interval, hc.active.unhealthy.interval]).toEqual([0, 0]);
    expect(hc.passive.unhealthy).toMatchObject({ http_failures: 0, tcp_failures: 0, timeouts: 0 });
  });

  test("weights split between Target0 (stable) and Target1 (canary)", () => {
    const { json } = model({ canary: { image: CANARY_IMAGE, weightPercent: 10 } });
    expect(targets(json)).toEqual({
      "gateway_face-detection_Upstream_Target0_9BE3AC7C": ["face-detection.models.svc.cluster.local:80", 90],
      "gateway_face-detection_Upstream_Target1_F9162C42": ["face-detection-canary.models.svc.cluster.local:80", 10],
    });
  });

  test("weightPercent 100 (a promotion's first step): only the canary is a target, at the same address as before", () => {
    const { json } = model({ canary: { image: CANARY_IMAGE, weightPercent: 100 } });
    expect(targets(json)).toEqual({ "gateway_face-detection_Upstream_Target1_F9162C42": ["face-detection-canary.models.svc.cluster.local:80", 100] });
  });

  test("weightPercent 0 (a drained canary): only the stable version is a target; the canary keeps running", () => {
    const { json } = model({ canary: { image: CANARY_IMAGE, weightPercent: 0 } });
    expect(targets(json)).toEqual({ "gateway_face-detection_Upstream_Target0_9BE3AC7C": ["face-detection.models.svc.cluster.local:80", 100] });
    expect(idsOf(json, "kubernetes_deployment_v1")).toEqual(["face_Canary_Deployment_C06410E5", "face_Workload_Deployment_9E94C63E"]);
  });
});

describe("promotion", () => {
  test("step 2: the stable version may take the canary's image while the canary is drained", () => {
    const { json } = model({ image: CANARY_IMAGE, canary: { image: CANARY_IMAGE, weightPercent: 0 } });
    expect(Object.values(targets(json))).toEqual([["face-detection.models.svc.cluster.local:80", 100]]);
  });
});
