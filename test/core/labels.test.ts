import { MANAGED_BY, sanitizeLabelValue, selectorLabels, standardLabels } from "../../lib/core/labels";

/** What Kubernetes accepts as a label value: empty, or at most 63 of [A-Za-z0-9_.-] starting and ending alphanumeric. */
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)?$/;

const KONG = { name: "kong", instance: "platform-kong", component: "gateway" } as const;

describe("selectorLabels", () => {
  test("exactly name and instance: what tells one workload's pods from another's, and nothing that changes on upgrade", () => {
    // GIVEN every option, version included WHEN selector labels are made
    const labels = selectorLabels({ ...KONG, partOf: "billing", version: "3.9.1" });
    // THEN only the two identifying labels (a Deployment's selector is immutable: a version in it would block upgrades)
    expect(labels).toEqual({ "app.kubernetes.io/instance": "platform-kong", "app.kubernetes.io/name": "kong" });
  });
});

describe("standardLabels", () => {
  test("defaults: the selector labels plus component, managed-by kong-ai-platform, part-of ai-platform, and no version", () => {
    // GIVEN name, instance and component only WHEN labels are made THEN
    expect(standardLabels(KONG)).toEqual({
      "app.kubernetes.io/instance": "platform-kong",
      "app.kubernetes.io/name": "kong",
      "app.kubernetes.io/component": "gateway",
      "app.kubernetes.io/managed-by": "kong-ai-platform",
      "app.kubernetes.io/part-of": "ai-platform",
    });
    expect(MANAGED_BY).toBe("kong-ai-platform");
  });

  test("part-of and version when given", () => {
    expect(standardLabels({ ...KONG, partOf: "billing", version: "3.9.1" })).toMatchObject({
      "app.kubernetes.io/part-of": "billing",
      "app.kubernetes.io/version": "3.9.1",
    });
  });

  test("contain the selector labels, so a workload's selector matches the pods it labels", () => {
    const options = { ...KONG, partOf: "billing", version: "3.9.1" };
    expect(standardLabels(options)).toMatchObject(selectorLabels(options));
  });

  test("the version is made a valid label value (an image tag may hold '+' or run past 63 characters)", () => {
    // GIVEN versions Kubernetes would refuse as label values WHEN labels are made THEN the sanitized value
    expect(standardLabels({ ...KONG, version: "1.0.0+build.5" })["app.kubernetes.io/version"]).toBe("1.0.0_build.5");
    expect(standardLabels({ ...KONG, version: `v${"1".repeat(80)}` })["app.kubernetes.io/version"]).toBe(`v${"1".repeat(62)}`);
  });

  test("name, instance, component and part-of are used as given: callers validate them (as DNS labels) before", () => {
    const labels = standardLabels({ name: "Face Detection", instance: "x", component: "model", partOf: "a+b" });
    expect(labels["app.kubernetes.io/name"]).toBe("Face Detection");
    expect(labels["app.kubernetes.io/part-of"]).toBe("a+b");
  });
});

describe("sanitizeLabelValue", () => {
  test.each([
    ["a valid value is unchanged", "face-detection_v1.2", "face-detection_v1.2"],
    ["each character outside [A-Za-z0-9_.-] becomes '_'", "a b/c:d+e", "a_b_c_d_e"],
    ["non-ASCII counts as outside (one '_' per UTF-16 unit)", "caf\u00e9-x", "caf_-x"],
    ["leading and trailing non-alphanumerics are dropped", "-._v1_.-", "v1"],
    ["a replaced character at an edge is dropped with it", "@scope/pkg ", "scope_pkg"],
    ["the first 63 characters are kept", "a".repeat(70), "a".repeat(63)],
    ["cut first, then trimmed: never longer than 63, never ending in '-'", `${"a".repeat(62)}-b`, "a".repeat(62)],
    ["nothing valid left: the empty value, which Kubernetes accepts", "+++", ""],
    ["the empty value stays empty", "", ""],
  ])("%s", (_rule, input, output) => {
    expect(sanitizeLabelValue(input)).toBe(output);
  });

  test("always returns a value Kubernetes accepts", () => {
    // GIVEN awkward inputs: edges, lengths around 63, every kind of character
    const inputs = [
      "_", ".", "-", "a", "A_", "_A", "x".repeat(63), "x".repeat(64), `${"y".repeat(62)}.z`, `-${"q".repeat(63)}-`,
      "registry.local:5000/ai/face:2024-05-01", "sha256:0123456789ab", "\u00e9\u00e9", "\u{1F600}ok\u{1F600}", " a b ",
    ];
    // WHEN sanitized THEN each result is a valid label value, and sanitizing it again changes nothing
    for (const input of inputs) {
      const value = sanitizeLabelValue(input);
      expect({ input, value, valid: LABEL_VALUE.test(value) }).toEqual({ input, value, valid: true });
      expect(sanitizeLabelValue(value)).toBe(value);
    }
  });
});
