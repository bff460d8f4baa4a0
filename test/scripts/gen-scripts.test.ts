import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const GEN = join(ROOT, "scripts/gen-scripts.mjs");

function gen(...args: string[]) {
  const r = spawnSync(process.execPath, [GEN, ...args], { encoding: "utf8", timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/gen-scripts.mjs", () => {
  test("the embedded modules of this repository are up to date", () => {
    // GIVEN the repository WHEN checked THEN every embedded.ts equals its .sh files
    expect(gen("--check")).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  test("writes one module per scripts folder, and --check names a module whose .sh changed", () => {
    // GIVEN a tree with two scripts in one folder
    const root = mkdtempSync(join(tmpdir(), "gen-scripts-"));
    try {
      const folder = join(root, "lib/db/scripts");
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "b.sh"), "#!/bin/sh\necho b\n");
      writeFileSync(join(folder, "a.sh"), 'echo "a"\n');
      writeFileSync(join(folder, "notes.txt"), "not a script");
      // WHEN generated THEN the module holds both texts, by name, in name order
      expect(gen(root).status).toBe(0);
      const module = readFileSync(join(folder, "embedded.ts"), "utf8");
      expect(module).toContain('export const EMBEDDED_SCRIPTS: Readonly<Record<string, string>> = {\n  "a.sh": "echo \\"a\\"\\n",\n  "b.sh": "#!/bin/sh\\necho b\\n",\n};\n');
      expect(gen("--check", root).status).toBe(0);
      // WHEN a script changes THEN --check fails until the module is generated again
      writeFileSync(join(folder, "a.sh"), "echo changed\n");
      expect(gen("--check", root)).toEqual({
        status: 1,
        stdout: "",
        stderr: "stale: lib/db/scripts/embedded.ts differs from the .sh files next to it; run npm run gen:scripts\n",
      });
      expect(gen(root).status).toBe(0);
      expect(gen("--check", root).status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
