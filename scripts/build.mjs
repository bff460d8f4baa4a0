// Transpiles the TypeScript sources to dist/ with esbuild: no type-checking here (npm test does that), so the
// synth path costs milliseconds instead of the seconds ts-node spends type-checking on every run.
import { build } from "esbuild";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const roots = ["main.ts", "lib", "stacks", "examples", "bench", ".gen"];

function collect(path, out) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return out;
  if (st.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), out);
  } else if (path.endsWith(".ts") && !path.endsWith(".d.ts")) {
    out.push(path);
  }
  return out;
}

const entryPoints = roots.flatMap((r) => collect(join(root, r), []));
await build({
  absWorkingDir: root,
  entryPoints: entryPoints.map((p) => relative(root, p)),
  outdir: "dist",
  outbase: ".",
  format: "cjs",
  platform: "node",
  target: "node20",
  bundle: false,
  sourcemap: false,
  logLevel: "warning",
});
