import { checkWindows, renderWindows } from "../../../lib/gateway/plugins/periods";
import { ProblemRecorder } from "../../../lib/core/errors";

describe("rate-limit windows", () => {
  test("equal limits across windows are accepted (Kong only rejects lower)", () => {
    // GIVEN equal second and minute limits WHEN checked THEN no problem
    const v = new ProblemRecorder("x");
    expect(checkWindows(v, "", { second: 10, minute: 10 })).toBe(true);
    expect(v.items).toEqual([]);
  });

  test("renders only the set windows, shortest first", () => {
    expect(Object.keys(renderWindows({ year: 9, second: 1 }))).toEqual(["second", "year"]);
  });

  test("rejects a non-numeric window", () => {
    const v = new ProblemRecorder("x");
    checkWindows(v, "", { hour: "10" });
    expect(v.items).toEqual([{ field: "x.hour", value: "10", message: "must be a number greater than 0" }]);
  });
});
