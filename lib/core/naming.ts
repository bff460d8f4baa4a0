import { createHash } from "node:crypto";

/** A short, stable hex digest of the inputs: the same inputs always give the same suffix. */
export function shortHash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 8);
}

/** The image tag (or digest) of an image reference, for a version label. */
export function imageVersion(image: string): string {
  const at = image.indexOf("@");
  if (at >= 0) return image.slice(at + 1).replace("sha256:", "").slice(0, 12);
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : "unknown";
}
