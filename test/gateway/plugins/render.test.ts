import { ProblemRecorder } from "../../../lib/core/errors";
import { knownKeys } from "../../../lib/core/keys";
import { compact, dedupe, optionsOf, stableJson } from "../../../lib/gateway/plugins/render";
/* eslint-disable @typescript-eslint/no-explicit-any -- rejected-input tests pass wrong JavaScript types on purpose */

describe("plugin config rendering", () => {
  test("stableJson sorts keys at every level and keeps array order", () => {
    // GIVEN nested objects in arbitrary key order WHEN serialized THEN keys are sorted recursively
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  test("helpers: compact drops undefined, dedupe keeps first occurrences, optionsOf reads non-objects as {} and records them", () => {
    expect(compact({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(dedupe(["a", "b", "a"])).toEqual(["a", "b"]);
    const keys = knownKeys<{ alpha?: number; beta?: number }>()(["alpha", "beta"]);
    const v = new ProblemRecorder("demo");
    expect(optionsOf(v, "nope" as any, keys)).toEqual({});
    expect(optionsOf(v, undefined, keys)).toEqual({});
    expect(optionsOf(v, { alpah: 1, z: 2 } as any, keys)).toEqual({ alpah: 1, z: 2 });
    expect(v.messages()).toEqual([
      'demo ("nope") must be an object of options (or left out where every option has a default)',
      'demo.alpah (1) is an unknown option; did you mean "alpha"?',
      "demo.z (2) is an unknown option; the options are alpha, beta",
    ]);
  });
});
