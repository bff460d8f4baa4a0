import { authenticationText, corsText, rateLimitText, replicasText, sizeText } from "../../lib/catalog/describe";
import type { CatalogAuthMethod, CorsInfo } from "../../lib/catalog/types";

const KEY: CatalogAuthMethod = { plugin: "key-auth", scope: "service", locations: [{ in: "header", name: "apikey" }], anonymous: false, runOnPreflight: true };
const JWT: CatalogAuthMethod = { plugin: "jwt", scope: "service", locations: [{ in: "header", name: "Authorization", scheme: "bearer" }], anonymous: false, runOnPreflight: true };

describe("describe", () => {
  test.each([
    ["none", { mode: "none", methods: [], anonymousAdmitted: true }, "none (public)"],
    ["all, one", { mode: "all", methods: [KEY], anonymousAdmitted: false }, "key-auth (header apikey)"],
    ["all, two", { mode: "all", methods: [KEY, JWT], anonymousAdmitted: false }, "all of: key-auth (header apikey); jwt (Authorization: Bearer <token>)"],
    [
      "any, anonymous admitted",
      { mode: "any", methods: [{ ...KEY, anonymous: true }], anonymousAdmitted: true },
      "any one of: key-auth (header apikey); without a credential: anonymous access",
    ],
    ["mixed", { mode: "mixed", methods: [KEY, { ...JWT, anonymous: true }], anonymousAdmitted: false }, "key-auth (header apikey); optional: jwt (Authorization: Bearer <token>), optional"],
  ] as const)("authentication %s", (_name, auth, text) => {
    expect(authenticationText(auth)).toBe(text);
  });

  test("rate limits name the window, what is counted and where counters live", () => {
    const rl = { scope: "service", windows: [{ window: "minute", limit: 100 }], limitBy: "ip", errorCode: 429, errorMessage: "", clientHeaders: true } as const;
    expect(rateLimitText({ ...rl, policy: "cluster" })).toBe("100/minute per ip (policy cluster: counted across Kong pods in its database)");
    expect(rateLimitText({ ...rl, policy: "redis" })).toBe("100/minute per ip (policy redis: counted across Kong pods in Redis)");
  });

  test("sizes, pods, CORS", () => {
    expect(sizeText({ scope: "route", bytes: 2048, size: 2, unit: "kilobytes", requireContentLength: true })).toBe("2 kilobytes (2048 bytes), Content-Length required");
    expect(sizeText({ scope: "route", bytes: 100, size: 100, unit: "bytes", requireContentLength: false })).toBe("100 bytes");
    expect(replicasText({ min: 1, max: 1, autoscaled: false })).toBe("1 pod");
    expect(replicasText({ min: 2, max: 5, autoscaled: true })).toBe("2..5 pods (autoscaled)");
    const cors: CorsInfo = { scope: "route", origins: [], methods: ["GET"], headers: [], exposedHeaders: [], credentials: false, preflightContinue: true, preflightRouted: true };
    expect(corsText(cors)).toBe("every origin (GET; preflights passed to the backend)");
    expect(corsText({ ...cors, preflightRouted: false })).toBe(
      "every origin (GET; preflights never reach Kong's cors plugin: the route does not match OPTIONS, so browsers get 404)",
    );
  });
});
