// Transpiles every TypeScript entry of the repository to dist/ with esbuild: main.ts, lib/, the generated bindings,
// stacks/, examples/, bench/ and any app file one adds (my-app.ts, apps/acme.ts, ...). No type-checking here
// (npm test does that), so the synth path costs milliseconds instead of the seconds ts-node spends type-checking.
// Skipped: dependencies, outputs, tests (jest transpiles them itself) and dot-folders other than .gen.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const root = resolve(new URL("..", import.meta.url).pathname);
const SKIPPED_ANYWHERE = new Set(["node_modules", "dist", "cdktf.out", "coverage", "terraform-state"]);
const SKIPPED_AT_ROOT = new Set(["test"]);

/** Every .ts file esbuild transpiles, relative to the root, in a stable order. */
export function entryFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const skipped =
          SKIPPED_ANYWHERE.has(entry.name) || (dir === root && SKIPPED_AT_ROOT.has(entry.name)) || (entry.name.startsWith(".") && entry.name !== ".gen");
        if (!skipped) walk(path);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".test.ts")) {
        out.push(relative(root, path));
      }
    }
  };
  walk(root);
  return out;
}

export async function buildAll() {
  await build({
    absWorkingDir: root,
    entryPoints: entryFiles(),
    outdir: "dist",
    outbase: ".",
    format: "cjs",
    platform: "node",
    target: "node20",
    bundle: false,
    sourcemap: false,
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  await buildAll();
}
