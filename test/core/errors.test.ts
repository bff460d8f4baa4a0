import { Construct } from "constructs";
import { Testing, TerraformStack } from "cdktf";
import { ProblemRecorder, Problems, ValidationError, describeValue, formatProblem, pathOf } from "../../lib/core/errors";
import { errorOf, newStack, validationError } from "../helpers";

describe("ValidationError and Problems", () => {
  test("collects every problem of a construct and throws one error naming path, field, value and rule", () => {
    // GIVEN a construct with two bad fields
    const c = new Construct(newStack("s"), "face-detection");
    const v = new Problems(c).add("replicas", 0, "must be an integer >= 1").add("image", "face", "must be pinned");
    // WHEN thrown
    const error = validationError(() => v.throwIfAny());
    // THEN one ValidationError carries both, one line each
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('[s/face-detection] replicas (0) must be an integer >= 1\n[s/face-detection] image ("face") must be pinned');
    expect(error.constructPath).toBe("s/face-detection");
    expect(error.problems).toHaveLength(2);
  });

  test("does nothing when no problem was found", () => {
    expect(() => new Problems("x").throwIfAny()).not.toThrow();
  });

  test("a string scope names what is not a construct; the app itself is reported as <root>", () => {
    // GIVEN problems of a plain name, and of the app (whose node path is empty)
    const app = Testing.app();
    // WHEN thrown THEN the path is the name, or <root>
    expect(errorOf(() => new Problems("backend").add("TF_BACKEND", "x", "is unknown").throwIfAny())).toBe('[backend] TF_BACKEND ("x") is unknown');
    expect(pathOf(app)).toBe("<root>");
    expect(errorOf(() => new Problems(app).add("f", 1, "is bad").throwIfAny())).toBe("[<root>] f (1) is bad");
  });

  test("counts what it collected, gives node.addValidation messages without the path, and starts over after throwing", () => {
    // GIVEN two problems
    const v = new Problems("p").add("a", 1, "is bad").add("b", [], "is empty");
    // THEN
    expect({ isEmpty: v.isEmpty, count: v.count }).toEqual({ isEmpty: false, count: 2 });
    expect(v.messages()).toEqual(["a (1) is bad", "b ([]) is empty"]);
    // WHEN thrown once THEN the list is empty again, so a second throwIfAny passes
    expect(validationError(() => v.throwIfAny()).problems).toHaveLength(2);
    expect({ isEmpty: v.isEmpty, count: v.count }).toEqual({ isEmpty: true, count: 0 });
    expect(() => v.throwIfAny()).not.toThrow();
  });

  test("renders values readably: strings quoted, scalars as written, objects as JSON cut at 120 characters", () => {
    expect(describeValue("a")).toBe('"a"');
    expect(describeValue(undefined)).toBe("undefined");
    expect([describeValue(5), describeValue(true), describeValue(null)]).toEqual(["5", "true", "null"]);
    expect(describeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(describeValue({ long: "x".repeat(200) })).toBe(`{"long":"${"x".repeat(108)}...`);
    expect(describeValue({ long: "x".repeat(200) }).length).toBe(120);
  });

  test("a value JSON cannot render (a cycle) never makes the error itself throw", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => describeValue(cyclic)).not.toThrow();
  });

  test("formatProblem is one line: [path] field (value) message", () => {
    expect(formatProblem("s/m", { field: "rateLimit.minute", value: 10, message: "is lower than rateLimit.second (20)" })).toBe(
      "[s/m] rateLimit.minute (10) is lower than rateLimit.second (20)",
    );
  });

  test("ProblemRecorder prefixes fields and keeps problems until a construct reports them with addAll", () => {
    // GIVEN problems recorded before there is a construct WHEN added to a construct's Problems THEN reported there
    const recorded = new ProblemRecorder("rateLimiting").add("minute", -5, "must be a number > 0");
    expect(recorded.items).toEqual([{ field: "rateLimiting.minute", value: -5, message: "must be a number > 0" }]);
    expect([recorded.isEmpty, recorded.count]).toEqual([false, 1]);
    const stack = new TerraformStack(Testing.app(), "s");
    const v = new Problems(new Construct(stack, "svc")).addAll(recorded.items);
    expect(() => v.throwIfAny()).toThrow("[s/svc] rateLimiting.minute (-5) must be a number > 0");
  });

  test("a ProblemRecorder without prefix keeps the field as given", () => {
    expect(new ProblemRecorder().add("a", 1, "x").items).toEqual([{ field: "a", value: 1, message: "x" }]);
  });
});
