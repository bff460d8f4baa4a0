import { ENVIRONMENTS, environmentFromEnv } from "../../stacks/environments";

describe("environments of the default app", () => {
  test("ENV selects the environment, dev by default", () => {
    expect(environmentFromEnv({}).environment).toBe("dev");
    expect(environmentFromEnv({ ENV: "prod" }).environment).toBe("prod");
  });

  test("dev and prod differ the way real ones do", () => {
    const { dev, prod } = ENVIRONMENTS;
    expect(dev.database?.kind).toBe("in-cluster");
    expect(prod.database?.kind).toBe("existing");
    expect(prod.kong?.minReplicas).toBeGreaterThan(dev.kong?.minReplicas ?? 0);
    expect(prod.kong?.proxy?.loadBalancerIp).toBeDefined();
    expect(dev.kong?.admin).toBeUndefined();
    expect(prod.kong?.admin?.sourceRanges).toEqual(["10.99.0.0/24"]);
  });

  test("an unknown environment is a clear error", () => {
    expect(() => environmentFromEnv({ ENV: "staging" })).toThrow('[environment] ENV ("staging") must be one of "dev", "prod"');
    expect(() => environmentFromEnv({ ENV: "toString" })).toThrow('[environment] ENV ("toString") must be one of "dev", "prod"');
  });
});
