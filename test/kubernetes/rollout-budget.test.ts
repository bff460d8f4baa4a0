import { Lazy, Token } from "cdktf";
import {
  DEADLINE_MARGIN_SECONDS,
  DEFAULT_IMAGE_PULL_SECONDS,
  GPU_IMAGE_PULL_SECONDS,
  imagePullSecondsProp,
  readySeconds,
  rolloutBudget,
  RolloutBudgetOptions,
  rolloutSteps,
  RolloutStrategy,
  SCHEDULE_SECONDS,
  startupSeconds,
  terraformDuration,
  WAIT_MARGIN_SECONDS,
} from "../../lib/kubernetes/rollout-budget";
import { messages } from "./helpers";

const surgeOne: RolloutStrategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "0" } };
const rolling = (maxSurge: string, maxUnavailable: string): RolloutStrategy => ({ type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable } });

const base: RolloutBudgetOptions = {
  imagePullSeconds: 180,
  startupSeconds: 600,
  readySeconds: 10,
  minReplicas: 2,
  maxReplicas: 5,
  strategy: surgeOne,
  terminationGracePeriodSeconds: 30,
};

describe("rolloutBudget", () => {
  test("the constants the formula adds", () => {
    expect([SCHEDULE_SECONDS, DEADLINE_MARGIN_SECONDS, WAIT_MARGIN_SECONDS]).toEqual([60, 60, 60]);
    expect([DEFAULT_IMAGE_PULL_SECONDS, GPU_IMAGE_PULL_SECONDS]).toEqual([180, 600]);
  });

  test("one pod = schedule + pull + init + startup + ready + minReady; the deadline adds a margin", () => {
    // GIVEN every part of a pod's budget WHEN budgeted THEN the pod's time is their sum and the deadline 60 s more
    const b = rolloutBudget({ ...base, initSeconds: 7, minReadySeconds: 5 });
    expect(b.podSeconds).toBe(60 + 180 + 7 + 600 + 10 + 5);
    expect(b.progressDeadlineSeconds).toBe(b.podSeconds + 60);
  });

  test("create waits one step, update every batch of the largest replica count, plus the grace period", () => {
    // GIVEN 2..5 pods rolled one at a time (maxSurge 1, maxUnavailable 0)
    const b = rolloutBudget(base);
    // THEN 850 s per pod, a 910 s deadline; create 910 + 60 = 970 s -> 17m; update 5 x 910 + 30 + 60 = 4640 s -> 78m
    expect(b).toEqual({ podSeconds: 850, progressDeadlineSeconds: 910, steps: 5, timeouts: { create: "17m", update: "78m" } });
  });

  test("the deadline always holds the whole startup budget, and the timeouts always exceed the deadline", () => {
    for (const startup of [0, 10, 600, 900, 3600]) {
      for (const max of [1, 2, 5, 40]) {
        const b = rolloutBudget({ ...base, startupSeconds: startup, minReplicas: 1, maxReplicas: max });
        expect(Number.parseInt(b.timeouts.create, 10) * 60).toBeGreaterThan(b.progressDeadlineSeconds);
        expect(Number.parseInt(b.timeouts.update, 10) * 60).toBeGreaterThanOrEqual(b.steps * b.progressDeadlineSeconds + 30 + 60);
        // a startup budget cannot outgrow the deadline: the deadline is made from it (plus schedule, pull, ready, margin)
        expect(b.progressDeadlineSeconds - startup).toBe(60 + 180 + 10 + 60);
      }
    }
  });

  test("Recreate replaces every pod in one step", () => {
    expect(rolloutBudget({ ...base, strategy: { type: "Recreate" }, maxReplicas: 40 }).steps).toBe(1);
  });
});

describe("rolloutSteps", () => {
  test("integer surge and unavailability: ceil(replicas / batch) at the largest count", () => {
    expect(rolloutSteps(rolling("1", "0"), 2, 5)).toBe(5);
    expect(rolloutSteps(rolling("0", "1"), 2, 5)).toBe(5);
    expect(rolloutSteps(rolling("2", "1"), 1, 10)).toBe(4);
  });

  test("a batch of 0 (both 0) counts as 1, as the controller allows one pod down", () => {
    expect(rolloutSteps(rolling("0", "0"), 3, 3)).toBe(3);
  });

  test("percentages: surge rounds up, unavailability down, and the worst count in the range wins", () => {
    // 25% surge: 2 pods -> batch 1 (2 steps), 4 pods -> batch 1 (4 steps), 5 pods -> batch 2 (3 steps)
    expect(rolloutSteps(rolling("25%", "0"), 2, 5)).toBe(4);
    expect(rolloutSteps(rolling("25%", "0"), 5, 5)).toBe(3);
    // 25% unavailable rounds down: 3 pods -> 0 down, 1 surge -> batch 1
    expect(rolloutSteps(rolling("25%", "25%"), 3, 3)).toBe(3);
    expect(rolloutSteps(rolling("50%", "50%"), 10, 10)).toBe(1);
  });
});

describe("probe budgets", () => {
  test("startup: initial delay + failures x period, with Kubernetes' defaults", () => {
    expect(startupSeconds({ periodSeconds: 10, failureThreshold: 90 })).toBe(900);
    expect(startupSeconds({ initialDelaySeconds: 30, periodSeconds: 10, failureThreshold: 6 })).toBe(90);
    expect(startupSeconds({})).toBe(30);
  });

  test("ready: initial delay + successes x period, with Kubernetes' defaults", () => {
    expect(readySeconds({ initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 1 })).toBe(15);
    expect(readySeconds({})).toBe(10);
  });
});

describe("terraformDuration", () => {
  test("whole minutes, rounded up", () => {
    expect([terraformDuration(60), terraformDuration(61), terraformDuration(975), terraformDuration(4640)]).toEqual(["1m", "2m", "17m", "78m"]);
  });
});

describe("imagePullSecondsProp", () => {
  const rule =
    "must be a whole number of seconds between 30 and 3600, known when the plan is made: the time a node may take to pull the image, " +
    "which the Deployment's progress deadline and Terraform's wait include. Raise it for a large image or a slow registry.";

  test("accepts absent and whole seconds in range", () => {
    expect(messages((v) => [undefined, 30, 600, 3600].forEach((x) => imagePullSecondsProp(v, "imagePullSeconds", x)))).toEqual([]);
  });

  test("refuses out-of-range, fractional, text and token values with what the allowance is for", () => {
    const token = Token.asNumber(Lazy.numberValue({ produce: () => 60 }));
    expect(messages((v) => [29, 3601, 90.5, "300", token].forEach((x) => imagePullSecondsProp(v, "imagePullSeconds", x)))).toEqual([
      `imagePullSeconds (29) ${rule}`,
      `imagePullSeconds (3601) ${rule}`,
      `imagePullSeconds (90.5) ${rule}`,
      `imagePullSeconds ("300") ${rule}`,
      `imagePullSeconds ("<token>") ${rule}`,
    ]);
  });
});
