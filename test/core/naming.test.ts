import { createHash } from "node:crypto";
import { imageVersion, shortHash } from "../../lib/core/naming";

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;

describe("shortHash", () => {
  test("8 lowercase hex characters: the first 8 of the SHA-256 of the parts joined by NUL", () => {
    expect(shortHash("face-detection")).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash("a", "b")).toBe(createHash("sha256").update("a\u0000b").digest("hex").slice(0, 8));
  });

  test("stable across releases: these values are pinned, because names built from them reach Kubernetes and Kong", () => {
    // GIVEN inputs whose hash ends up in object names and construct ids (changing the function renames them, and
    // Terraform would replace every such resource) WHEN hashed THEN always these values
    expect(shortHash("face-detection")).toBe("7f550b27");
    expect(shortHash("a", "b")).toBe("59b271ae");
  });

  test("the same parts always give the same hash", () => {
    expect(shortHash("platform/kong", "v1")).toBe(shortHash("platform/kong", "v1"));
  });

  test("parts are separated, so moving a boundary or changing the order changes the hash", () => {
    // GIVEN the same characters split differently, or in another order THEN five different hashes
    const hashes = [shortHash("ab"), shortHash("a", "b"), shortHash("ab", "c"), shortHash("a", "bc"), shortHash("b", "a")];
    expect(hashes.slice(0, 2)).toEqual(["fb8e20fc", "59b271ae"]);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  test("no part at all hashes like one empty part", () => {
    expect(shortHash()).toBe(shortHash(""));
    expect(shortHash()).toBe("e3b0c442");
  });
});

describe("imageVersion", () => {
  test.each([
    ["a tag", "kong:3.9.1", "3.9.1"],
    ["a tag with suffix, kept as written", "kong:3.9.1-Ubuntu_22", "3.9.1-Ubuntu_22"],
    ["a registry path with a tag", "registry.local/ai/face:2024-05-01", "2024-05-01"],
    ["a registry with a port: the port's colon is not a tag", "registry.local:5000/ai/face:2024-05-01", "2024-05-01"],
    ["a registry with a port and no tag", "registry.local:5000/ai/face", "unknown"],
    ["no tag and no digest", "kong", "unknown"],
    ["a digest: its first 12 hex characters, without the sha256: prefix", `kong@${DIGEST}`, "0123456789ab"],
    ["a tag and a digest: the digest wins (it is what runs)", `kong:3.9.1@${DIGEST}`, "0123456789ab"],
    ["a registry with a port and a digest", `registry.local:5000/ai/face@${DIGEST}`, "0123456789ab"],
    ["another digest algorithm keeps its prefix (standardLabels makes it a valid label)", "kong@sha512:0123456789abcdef", "sha512:01234"],
  ])("%s: %s -> %s", (_rule, image, version) => {
    expect(imageVersion(image)).toBe(version);
  });
});
