import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { byName, Json, synthApp } from "../helpers";

/** The face-detection Deployment of the default app's platform stack in `env`. */
function faceDetection(env: "dev" | "prod"): Json {
  const stacks = synthApp((app) => buildDefaultApp(app, ENVIRONMENTS[env]));
  return byName(JSON.parse(stacks[`ai-platform-${env}`]), "kubernetes_deployment_v1", "face-detection");
}

/** A Terraform duration of whole minutes ("29m") in seconds. */
const seconds = (duration: string): number => Number(/^(\d+)m$/.exec(duration)![1]) * 60;

describe("the default app's face-detection survives a 900 s model load on paper", () => {
  // GIVEN face-detection as the catalog declares it: a GPU model allowed 900 s to load
  // WHEN the default app is synthesized THEN its deadline and Terraform's waits hold the pull and the whole load
  test.each(["dev", "prod"] as const)("%s", (env) => {
    const d = faceDetection(env);
    const startup = d.spec.template.spec.container[0].startup_probe;
    expect(startup.failure_threshold * startup.period_seconds).toBe(900);
    // one pod: 60 s scheduling + 600 s GPU image pull + 900 s load + 10 s readiness = 1570 s; + 60 s margin
    expect(d.spec.progress_deadline_seconds).toBe(1630);
    expect(d.spec.progress_deadline_seconds).toBeGreaterThan(600 + 900);
    expect(seconds(d.timeouts.create)).toBeGreaterThan(d.spec.progress_deadline_seconds);
  });

  test("dev (1..2 pods): create 1630 + 60 s -> 29m; update 2 x 1630 + 30 s grace + 60 s = 3350 s -> 56m", () => {
    expect(faceDetection("dev").timeouts).toEqual({ create: "29m", update: "56m" });
  });

  test("prod (2..3 pods): update 3 x 1630 + 30 + 60 = 4980 s -> 83m", () => {
    expect(faceDetection("prod").timeouts).toEqual({ create: "29m", update: "83m" });
  });
});
