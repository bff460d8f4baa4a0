import { cpuMillicores, parseQuantity, quantity } from "../../lib/kubernetes/quantities";
import { messages, stringToken } from "./helpers";

describe("parseQuantity", () => {
  test.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    ["1k", 1000],
    ["1Gi", 2 ** 30],
    ["512Mi", 512 * 2 ** 20],
    ["1G", 1e9],
    ["abc", undefined],
    ["1e3", undefined],
    ["-1", undefined],
  ])("%s -> %s", (q, n) => {
    expect(parseQuantity(q)).toBe(n);
  });
});

describe("cpuMillicores", () => {
  test.each([
    ["500m", 500],
    ["2", 2000],
    ["0.25", 250],
    ["1.5", 1500],
    ["100m", 100],
    ["lots", undefined],
  ])("%s -> %s", (q, n) => {
    expect(cpuMillicores(q)).toBe(n);
  });

  test("a token has no known value", () => {
    expect(cpuMillicores(stringToken())).toBeUndefined();
  });
});

describe("quantity", () => {
  test.each(["250m", "1", "512Mi", "10Gi", "0.5"])("accepts %s", (ok) => {
    expect(messages((v) => quantity(v, "cpu", ok))).toEqual([]);
  });

  test("accepts absent values and tokens", () => {
    expect(messages((v) => quantity(v, "cpu", undefined))).toEqual([]);
    expect(messages((v) => quantity(v, "cpu", stringToken()))).toEqual([]);
  });

  test.each(["1 GB", "", "1gi", "1e3", 2])("refuses %j", (bad) => {
    expect(messages((v) => quantity(v, "cpu", bad))).toEqual([
      `cpu (${JSON.stringify(bad)}) must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi`,
    ]);
  });
});
