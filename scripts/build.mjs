// Transpiles the TypeScript sources to dist/ with esbuild: no type-checking here (npm test does that), so the
// synth path costs milliseconds instead of the seconds ts-node spends type-checking on every run.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const roots = ["main.ts", "lib", "stacks", "examples", "bench", ".gen"];

function collect(path, out, wanted = (p) => p.endsWith(".ts") && !p.endsWith(".d.ts")) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return out;
  if (st.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), out, wanted);
  } else if (wanted(path)) {
    out.push(path);
  }
  return out;
}

// Files the library reads at synth time (the backup scripts rendered into CronJobs) go next to the compiled code.
for (const asset of collect(join(root, "lib"), [], (p) => p.endsWith(".sh"))) {
  const target = join(root, "dist", relative(root, asset));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(asset, target);
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
