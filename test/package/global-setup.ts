// Packs the library once for every test of test/package (they run in parallel; two `npm pack` would rebuild dist/
// under each other): the tarball's path reaches them through the environment.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packLibrary, TARBALL_ENV } from "./offline-npm";

export default function globalSetup(): void {
  process.env[TARBALL_ENV] = packLibrary(mkdtempSync(join(tmpdir(), "kong-ai-platform-tarball-")));
}
