import { compact, dedupe, NoConsumerPolicy, optionsOf, stableJson } from "../../../lib/gateway/plugins/base";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("plugin policy base", () => {
  test("stableJson sorts keys at every level and keeps array order", () => {
    // GIVEN nested objects in arbitrary key order WHEN serialized THEN keys are sorted recursively
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  test("configJson is computed once per policy", () => {
    // GIVEN a policy WHEN configJson is read twice THEN the same string instance is returned
    const p = new NoConsumerPolicy({ name: "x", label: "x", config: { b: 1, a: 2 }, problems: [], validated: true });
    expect(p.configJson).toBe('{"a":2,"b":1}');
    expect(p.configJson).toBe(p.configJson);
  });

  test("helpers: compact drops undefined, dedupe keeps first occurrences, optionsOf tolerates non-objects", () => {
    expect(compact({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(dedupe(["a", "b", "a"])).toEqual(["a", "b"]);
    expect(optionsOf("nope" as any)).toEqual({});
    expect(optionsOf(undefined)).toEqual({});
  });

  test("authentication plugins are recognized, including custom ones", () => {
    const p = new NoConsumerPolicy({ name: "basic-auth", label: "custom", config: {}, problems: [], validated: false });
    expect(p.authenticates).toBe(true);
  });
});
