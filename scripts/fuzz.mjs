// The long fuzzing run of issue 12: `npm run fuzz [runs] [seed]` (or NUM_RUNS / FUZZ_RUNS and FUZZ_SEED).
// Runs test/fuzz/fuzz.test.ts as a census: every case is built and synthesized, failures are counted and grouped
// instead of stopping at the first, and the summary (runs, accepted, refused, failures by kind, seed, time) is
// printed and written to fuzz-report.json. Exits 1 if any case failed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const runs = Number(process.argv[2] ?? process.env.NUM_RUNS ?? process.env.FUZZ_RUNS ?? 10000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? 20250112);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- [runs] [seed]   (or NUM_RUNS=100000 FUZZ_SEED=1 npm run fuzz)");
  process.exit(2);
}
const report = join(root, "fuzz-report.json");
console.log(`fuzzing ${runs} configurations with seed ${seed} ...`);
const jest = spawnSync(
  process.execPath,
  [join(root, "node_modules", "jest", "bin", "jest.js"), "test/fuzz/fuzz.test.ts", "--testTimeout", String(runs * 2000 + 60000)],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_MODE: "census", FUZZ_REPORT: report } },
);
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  console.log(`\nseed ${r.seed}: ${r.runs} runs in ${r.seconds} s: ${r.accepted} accepted, ${r.refused} refused with a ValidationError, ${r.failed} failed`);
  for (const [kind, n] of Object.entries(r.byKind)) console.log(`  ${kind}: ${n.accepted} accepted, ${n.refused} refused`);
  for (const [what, f] of Object.entries(r.failures)) console.log(`  FAILED ${f.count}x: ${what}\n    e.g. ${f.case}`);
  console.log(`(written to ${report})`);
} catch {
  console.error("no report was written: see jest's output above");
}
process.exit(jest.status ?? 1);
