import { compact, dedupe, optionsOf, stableJson } from "../../../lib/gateway/plugins/render";
/* eslint-disable @typescript-eslint/no-explicit-any -- rejected-input tests pass wrong JavaScript types on purpose */

describe("plugin config rendering", () => {
  test("stableJson sorts keys at every level and keeps array order", () => {
    // GIVEN nested objects in arbitrary key order WHEN serialized THEN keys are sorted recursively
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  test("helpers: compact drops undefined, dedupe keeps first occurrences, optionsOf tolerates non-objects", () => {
    expect(compact({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(dedupe(["a", "b", "a"])).toEqual(["a", "b"]);
    expect(optionsOf("nope" as any)).toEqual({});
    expect(optionsOf(undefined)).toEqual({});
  });
});
