import { MANAGED_BY, sanitizeLabelValue, selectorLabels, standardLabels } from "../../lib/core/labels";

describe("standard labels", () => {
  const o = { name: "kong", instance: "platform-kong", component: "gateway" };

  test("selector labels: instance and name only (stable across upgrades)", () => {
    expect(selectorLabels({ ...o, version: "3.9.1" })).toEqual({ "app.kubernetes.io/instance": "platform-kong", "app.kubernetes.io/name": "kong" });
  });

  test("every label; part-of defaults to ai-platform, managed-by is the library, no version unless known", () => {
    expect(standardLabels(o)).toEqual({
      "app.kubernetes.io/instance": "platform-kong",
      "app.kubernetes.io/name": "kong",
      "app.kubernetes.io/component": "gateway",
      "app.kubernetes.io/managed-by": MANAGED_BY,
      "app.kubernetes.io/part-of": "ai-platform",
    });
    expect(MANAGED_BY).toBe("kong-ai-platform");
  });

  test("part-of and a version (sanitized to a label value)", () => {
    expect(standardLabels({ ...o, partOf: "edge", version: "sha256:ab/cd" })).toMatchObject({
      "app.kubernetes.io/part-of": "edge",
      "app.kubernetes.io/version": "sha256_ab_cd",
    });
  });
});

describe("sanitizeLabelValue", () => {
  test.each([
    ["3.9.1", "3.9.1"],
    ["a b/c", "a_b_c"],
    ["-x-", "x"],
    ["__", ""],
    ["a".repeat(70), "a".repeat(63)],
  ])("%j -> %j", (value, label) => {
    expect(sanitizeLabelValue(value)).toBe(label);
  });
});
