import { imageVersion, shortHash } from "../../lib/core/naming";

describe("shortHash", () => {
  test("8 hex characters, the same for the same inputs, different when a part moves between inputs", () => {
    expect(shortHash("a", "b")).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash("a", "b")).toBe(shortHash("a", "b"));
    expect(shortHash("ab", "")).not.toBe(shortHash("a", "b"));
  });
});

describe("imageVersion", () => {
  test.each([
    ["kong:3.9.1", "3.9.1"],
    ["registry.local:5000/ai/face:2024-05-01", "2024-05-01"],
    [`kong@sha256:${"ab".repeat(32)}`, "abababababab"],
    ["registry.local:5000/ai/face", "unknown"],
    ["kong", "unknown"],
  ])("%s -> %s", (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });
});
