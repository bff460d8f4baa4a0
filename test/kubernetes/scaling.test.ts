import { Scaling, scalingProp } from "../../lib/kubernetes/scaling";
import { messages } from "./helpers";

describe("Scaling.fixed", () => {
  test("runs exactly n pods, no autoscaler", () => {
    const s = Scaling.fixed(3);
    expect([s.isAutoscaled, s.minReplicas, s.maxReplicas, s.targetPercent, s.memoryTargetPercent]).toEqual([false, 3, 3, undefined, undefined]);
    expect(messages((v) => s.validate(v, "scaling"))).toEqual([]);
  });

  test.each([0, 1001, 1.5, "2"])("refuses %j", (bad) => {
    expect(messages((v) => Scaling.fixed(bad as number).validate(v, "scaling"))).toEqual([
      `scaling.replicas (${JSON.stringify(bad)}) must be an integer between 1 and 1000`,
    ]);
  });
});

describe("Scaling.cpu", () => {
  // GIVEN options WHEN resolved THEN every default is stated here
  test("defaults: 2 to 5 pods at 80% CPU, no memory target", () => {
    const s = Scaling.cpu();
    expect([s.isAutoscaled, s.minReplicas, s.maxReplicas, s.targetPercent, s.memoryTargetPercent]).toEqual([true, 2, 5, 80, undefined]);
    expect(messages((v) => s.validate(v, "scaling"))).toEqual([]);
  });

  test("maxReplicas defaults to the larger of 5 and minReplicas", () => {
    expect(Scaling.cpu({ minReplicas: 3 }).maxReplicas).toBe(5);
    expect(Scaling.cpu({ minReplicas: 8 }).maxReplicas).toBe(8);
  });

  test("takes every option", () => {
    const s = Scaling.cpu({ minReplicas: 1, maxReplicas: 9, targetPercent: 70, memoryTargetPercent: 85 });
    expect([s.minReplicas, s.maxReplicas, s.targetPercent, s.memoryTargetPercent]).toEqual([1, 9, 70, 85]);
  });

  test("refuses out-of-range bounds and targets, each with its field", () => {
    const s = Scaling.cpu({ minReplicas: 0, maxReplicas: 1001, targetPercent: 0, memoryTargetPercent: 101 });
    expect(messages((v) => s.validate(v, "scaling"))).toEqual([
      "scaling.minReplicas (0) must be an integer between 1 and 1000",
      "scaling.maxReplicas (1001) must be an integer between 1 and 1000",
      "scaling.targetPercent (0) must be an integer between 1 and 100",
      "scaling.memoryTargetPercent (101) must be an integer between 1 and 100",
    ]);
  });

  test("refuses maxReplicas below minReplicas and says how to fix it", () => {
    expect(messages((v) => Scaling.cpu({ minReplicas: 6, maxReplicas: 4 }).validate(v, "scaling"))).toEqual([
      "scaling.maxReplicas (4) must be at least minReplicas (6): raise maxReplicas or lower minReplicas",
    ]);
  });

  test("refuses options that are not an object", () => {
    expect(messages((v) => Scaling.cpu(3 as never).validate(v, "scaling"))).toEqual([
      "scaling (3) must be an object { minReplicas?, maxReplicas?, targetPercent?, memoryTargetPercent? }",
    ]);
  });
});

describe("scalingProp", () => {
  const fallback = Scaling.fixed(2);

  test("absent: the fallback", () => {
    expect(messages((v) => expect(scalingProp(v, "scaling", undefined, fallback)).toBe(fallback))).toEqual([]);
  });

  test("a Scaling: validated under the field", () => {
    const s = Scaling.fixed(0);
    expect(messages((v) => expect(scalingProp(v, "scaling", s, fallback)).toBe(s))).toEqual([
      "scaling.replicas (0) must be an integer between 1 and 1000",
    ]);
  });

  test("anything else: refused, and the fallback so other checks go on", () => {
    expect(messages((v) => expect(scalingProp(v, "scaling", { minReplicas: 2 }, fallback)).toBe(fallback))).toEqual([
      'scaling ({"minReplicas":2}) must be made with Scaling.fixed(replicas) or Scaling.cpu({ minReplicas?, maxReplicas?, targetPercent? })',
    ]);
  });
});
