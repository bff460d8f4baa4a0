import { ENVIRONMENTS, environmentFromEnv } from "../../stacks/environments";
import { expectValidationError } from "../helpers";

describe("environments of the default app", () => {
  test("ENV selects the environment, dev by default", () => {
    expect(environmentFromEnv({}).environment).toBe("dev");
    expect(environmentFromEnv({ ENV: "prod" }).environment).toBe("prod");
  });

  test("dev and prod differ the way real ones do", () => {
    const { dev, prod } = ENVIRONMENTS;
    expect(dev.database?.kind).toBe("in-cluster");
    expect(prod.database?.kind).toBe("existing");
    expect(prod.kong?.scaling?.minReplicas).toBeGreaterThan(dev.kong?.scaling?.minReplicas ?? 0);
    expect(prod.kong?.proxy?.ip).toBe("10.20.0.10");
    expect(dev.kong?.admin).toBeUndefined();
    expect(prod.kong?.admin?.route).toEqual({ host: "kong-admin.prod.internal", path: "/", sourceRanges: ["10.99.0.0/24"] });
    // dev opts into plain HTTP; prod serves a certificate for the models' host and the Admin API's
    expect([dev.plainHttp, dev.kong?.tls]).toEqual([true, undefined]);
    expect(prod.plainHttp).toBeUndefined();
    expect(prod.kong?.tls?.hosts).toEqual(["ai.prod.internal", "kong-admin.prod.internal"]);
    // rate-limit counters: a Redis pod in dev, the managed Redis (TLS) in prod
    expect(dev.redis?.kind).toBe("in-cluster");
    expect(prod.redis?.kind).toBe("existing");
  });

  test("an unknown environment is a clear error", () => {
    expectValidationError(() => environmentFromEnv({ ENV: "staging" }), '[environment] ENV ("staging") must be one of "dev", "prod"');
    // a name every object inherits is not an environment either
    expectValidationError(() => environmentFromEnv({ ENV: "toString" }), '[environment] ENV ("toString") must be one of "dev", "prod"');
  });
});
