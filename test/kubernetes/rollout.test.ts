import { Rollout, rolloutProp } from "../../lib/kubernetes/rollout";
import { problemsOf } from "../helpers";

describe("Rollout", () => {
  test("surge: one new pod at a time, never below the desired count, by default", () => {
    // GIVEN / WHEN / THEN
    expect(Rollout.surge().strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "0" } });
    expect(Rollout.surge().needsSpareCapacity).toBe(true);
    expect(Rollout.surge({ maxSurge: "25%", maxUnavailable: 1 }).strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "1" } });
  });

  test("replace: no extra pod, one old pod stopped at a time, by default", () => {
    expect(Rollout.replace().strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "0", maxUnavailable: "1" } });
    expect(Rollout.replace().needsSpareCapacity).toBe(false);
    expect(Rollout.replace({ maxUnavailable: "50%" }).strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "0", maxUnavailable: "50%" } });
  });

  test("recreate: Kubernetes' Recreate strategy", () => {
    expect(Rollout.recreate().strategy).toEqual({ type: "Recreate" });
    expect(Rollout.recreate().needsSpareCapacity).toBe(false);
  });

  test("strategy is a fresh object each time (no two Deployments share one)", () => {
    const rollout = Rollout.surge();
    expect(rollout.strategy).not.toBe(rollout.strategy);
    expect(rollout.strategy).toEqual(rollout.strategy);
  });

  test("valid rollouts record no problem", () => {
    for (const r of [Rollout.surge(), Rollout.surge({ maxSurge: "100%", maxUnavailable: "0%" }), Rollout.replace({ maxUnavailable: 2 }), Rollout.recreate()]) {
      expect(problemsOf((v) => r.validate(v, "rollout"))).toEqual([]);
    }
  });

  test("refuses counts that are no counts, a surge without extra pods and a replace that stops nothing", () => {
    const rule = 'must be a whole number of pods (0 to 1000) or a percent of the replicas ("0%" to "100%")';
    expect(problemsOf((v) => Rollout.surge({ maxSurge: -1, maxUnavailable: "120%" }).validate(v, "rollout"))).toEqual([
      `rollout.maxSurge (-1) ${rule}`,
      `rollout.maxUnavailable ("120%") ${rule}`,
    ]);
    expect(problemsOf((v) => Rollout.surge({ maxSurge: 1.5 }).validate(v, "rollout"))).toEqual([`rollout.maxSurge (1.5) ${rule}`]);
    expect(problemsOf((v) => Rollout.surge({ maxSurge: 0 }).validate(v, "rollout"))).toEqual([
      "rollout.maxSurge (0) must start at least one pod: for a rollout without extra pods use Rollout.replace()",
    ]);
    expect(problemsOf((v) => Rollout.replace({ maxUnavailable: "0%" }).validate(v, "rollout"))).toEqual([
      'rollout.maxUnavailable ("0%") must stop at least one pod: without a surge nothing else makes room for the new pods',
    ]);
    expect(problemsOf((v) => Rollout.replace(null as never).validate(v, "rollout"))).toEqual(["rollout (null) must be an object { maxUnavailable? }"]);
    expect(problemsOf((v) => Rollout.surge([] as never).validate(v, "rollout"))).toEqual(["rollout ([]) must be an object { maxSurge?, maxUnavailable? }"]);
  });
});

describe("rolloutProp", () => {
  test("absent gives the fallback; a Rollout is validated; anything else is refused naming the factories", () => {
    const fallback = Rollout.replace();
    expect(problemsOf((v) => expect(rolloutProp(v, "rollout", undefined, fallback)).toBe(fallback))).toEqual([]);
    expect(problemsOf((v) => rolloutProp(v, "rollout", Rollout.surge({ maxSurge: 0 }), fallback))).toHaveLength(1);
    expect(problemsOf((v) => rolloutProp(v, "rollout", { type: "RollingUpdate" }, fallback))).toEqual([
      'rollout ({"type":"RollingUpdate"}) must be made with Rollout.surge({ maxSurge?, maxUnavailable? }), Rollout.replace({ maxUnavailable? }) or Rollout.recreate()',
    ]);
  });
});
