import { Token } from "cdktf";
import { closestOption, knownKeys, strictKeys, suppliedKeys } from "../../lib/core/keys";
import { problemsOf } from "../helpers";

interface Demo {
  readonly cpu?: string;
  readonly memory?: string;
  readonly cpuLimit?: string;
  readonly gpu?: { count: number };
  readonly cacheTtlSeconds?: number;
  readonly maxPayloadMegabytes?: number;
}

const DEMO_KEYS = knownKeys<Demo>()(["cpu", "memory", "cpuLimit", "gpu", "cacheTtlSeconds", "maxPayloadMegabytes"]);

describe("knownKeys: the list of an interface's keys, held to it by the type checker", () => {
  test("a complete list is accepted and answers has()", () => {
    // GIVEN the keys of Demo WHEN asked THEN it knows exactly those
    expect(DEMO_KEYS.names).toEqual(["cpu", "memory", "cpuLimit", "gpu", "cacheTtlSeconds", "maxPayloadMegabytes"]);
    expect(DEMO_KEYS.has("gpu")).toBe(true);
    expect(DEMO_KEYS.has("gpus")).toBe(false);
    expect(Object.isFrozen(DEMO_KEYS.names)).toBe(true);
  });

  test("a list missing a key, or naming one the interface lacks, does not type-check (tsc runs in npm test)", () => {
    // @ts-expect-error "gpu" is missing: Property '"missing keys"' is missing in type ... "gpu"
    knownKeys<Demo>()(["cpu", "memory", "cpuLimit", "cacheTtlSeconds", "maxPayloadMegabytes"]);
    // @ts-expect-error "gpus" is not a key of Demo
    knownKeys<Demo>()(["cpu", "memory", "cpuLimit", "gpu", "gpus", "cacheTtlSeconds", "maxPayloadMegabytes"]);
    // @ts-expect-error an empty list misses every key
    knownKeys<Demo>()([]);
  });
});

describe("strictKeys: unknown options are errors, with a suggestion", () => {
  test("each unknown key is reported under its field, with the closest option", () => {
    // GIVEN a misspelt option, an option in another case and one unrelated to any
    const given = { cpu: "1", gpus: { count: 1 }, cpu_limit: "2", colour: "blue" };
    // WHEN checked THEN one problem each, in the order given
    expect(problemsOf((v) => strictKeys(v, "resources", given, DEMO_KEYS))).toEqual([
      'resources.gpus ({"count":1}) is an unknown option; did you mean "gpu"?',
      'resources.cpu_limit ("2") is an unknown option; did you mean "cpuLimit"?',
      'resources.colour ("blue") is an unknown option; the options are cpu, memory, cpuLimit, gpu, cacheTtlSeconds, maxPayloadMegabytes',
    ]);
  });

  test("top-level keys are reported bare, and a key set to undefined is still a misspelt option", () => {
    expect(problemsOf((v) => strictKeys(v, "", { memroy: undefined }, DEMO_KEYS))).toEqual([
      'memroy (undefined) is an unknown option; did you mean "memory"?',
    ]);
  });

  test("abbreviations find the option they shorten", () => {
    expect(closestOption("cacheTTL", DEMO_KEYS.names)).toBe("cacheTtlSeconds");
    expect(closestOption("maxPayloadMB", DEMO_KEYS.names)).toBe("maxPayloadMegabytes");
    expect(closestOption("gpus", DEMO_KEYS.names)).toBe("gpu");
    expect(closestOption("mmeory", DEMO_KEYS.names)).toBe("memory");
    expect(closestOption("x", DEMO_KEYS.names)).toBeUndefined();
    expect(closestOption("", DEMO_KEYS.names)).toBeUndefined();
  });

  test("values of keys that may hold a secret are not repeated", () => {
    const keys = knownKeys<{ password?: string }>()(["password"]);
    expect(problemsOf((v) => strictKeys(v, "redis", { pasword: "hunter2", token: "t" }, keys))).toEqual([
      'redis.pasword ("<redacted>") is an unknown option; did you mean "password"?',
      'redis.token ("<redacted>") is an unknown option; the options are password',
    ]);
  });

  test("what is not an object is left to the shape checks; a map token is accepted", () => {
    for (const value of [undefined, null, "x", 5, ["cpu"], Token.asStringMap(Token.asAny("${var.m}"))]) {
      expect(problemsOf((v) => strictKeys(v, "resources", value, DEMO_KEYS))).toEqual([]);
    }
  });

  test("keys a caller supplies itself say where to set them instead", () => {
    // GIVEN keys the platform fills in WHEN a user sets them THEN they are refused with the explanation
    const supplied = { namespace: "the platform runs every model in namespaces.models" };
    expect(problemsOf((v) => strictKeys(v, "", { cpu: "1", namespace: "x" }, DEMO_KEYS, supplied))).toEqual([
      'namespace ("x") is not an option here: the platform runs every model in namespaces.models',
    ]);
    expect(problemsOf((v) => suppliedKeys(v, "database", { namespace: "x", colour: 1 }, supplied))).toEqual([
      'database.namespace ("x") is not an option here: the platform runs every model in namespaces.models',
    ]);
  });
});
