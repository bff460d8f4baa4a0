import { Construct } from "constructs";
import { Testing, TerraformStack } from "cdktf";
import { ProblemRecorder, Problems, ValidationError, describeValue } from "../../lib/core/errors";

describe("ValidationError and Problems", () => {
  test("collects every problem of a construct and throws one error naming path, field, value and rule", () => {
    // GIVEN a construct with two bad fields
    const stack = new TerraformStack(Testing.app(), "s");
    const c = new Construct(stack, "face-detection");
    const v = new Problems(c).add("replicas", 0, "must be an integer >= 1").add("image", "face", "must be pinned");
    // WHEN thrown
    let error: unknown;
    try {
      v.throwIfAny();
    } catch (e) {
      error = e;
    }
    // THEN one ValidationError carries both, one line each
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      '[s/face-detection] replicas (0) must be an integer >= 1\n[s/face-detection] image ("face") must be pinned',
    );
    expect((error as ValidationError).constructPath).toBe("s/face-detection");
    expect((error as ValidationError).problems).toHaveLength(2);
  });

  test("does nothing when no problem was found", () => {
    expect(() => new Problems("x").throwIfAny()).not.toThrow();
  });

  test("renders values readably", () => {
    expect(describeValue("a")).toBe('"a"');
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(describeValue({ long: "x".repeat(200) }).length).toBe(120);
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
