import { ENVIRONMENTS, environmentFromEnv } from "../../stacks/environments";
import { expectValidationError } from "../helpers";

describe("environments", () => {
  test("ENV selects the environment, dev by default", () => {
    expect(environmentFromEnv({}).name).toBe("dev");
    expect(environmentFromEnv({ ENV: "prod" }).name).toBe("prod");
  });

  test("dev and prod differ the way real ones do", () => {
    const { dev, prod } = ENVIRONMENTS;
    expect(dev.database.kind).toBe("in-cluster");
    expect(prod.database.kind).toBe("existing");
    expect(prod.kong.minReplicas).toBeGreaterThan(dev.kong.minReplicas);
    expect(prod.kong.proxy.loadBalancerIp).toBeDefined();
    expect(dev.kong.adminSourceRanges).toBeUndefined();
    expect(prod.kong.adminSourceRanges).toEqual(["10.99.0.0/24"]);
  });

  test("an unknown environment is a clear error", () => {
    expectValidationError(() => environmentFromEnv({ ENV: "staging" }), '[environment] ENV ("staging") must be one of "dev", "prod"');
    // a name every object inherits is not an environment either
    expectValidationError(() => environmentFromEnv({ ENV: "toString" }), '[environment] ENV ("toString") must be one of "dev", "prod"');
  });
});
