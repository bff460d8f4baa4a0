// The long fuzzing run of issue 12: `npm run fuzz [runs] [seed]` (or NUM_RUNS / FUZZ_RUNS and FUZZ_SEED).
// Runs test/fuzz/fuzz.test.ts as a census, in chunks (FUZZ_CHUNK cases, default 5000; see below): every case is built
// and synthesized, failures are counted and grouped instead of stopping at the first, and the summary (runs, accepted, refused, failures by kind, seed, time) is
// printed and written to fuzz-report.json. Exits 1 if any case failed.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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
// cdktf keeps every token it ever made in a process-wide map (with the constructs it refers to), so one process
// cannot build 100,000 apps: the census runs in chunks of FUZZ_CHUNK cases, each in a process of its own that skips
// the cases before it. Together they are the first `runs` cases of the seed, as one run would make them.
const chunk = Number(process.env.FUZZ_CHUNK ?? 5000);
console.log(`fuzzing ${runs} configurations with seed ${seed} (in chunks of ${chunk}) ...`);
const started = Date.now();
const total = { seed, runs: 0, accepted: 0, refused: 0, failed: 0, byKind: {}, failures: {} };
let status = 0;
for (let skip = 0; skip < runs; skip += chunk) {
  const part = join(root, `fuzz-report.part.json`);
  rmSync(part, { force: true });
  const size = Math.min(chunk, runs - skip);
  const jest = spawnSync(
    process.execPath,
    [join(root, "node_modules", "jest", "bin", "jest.js"), "test/fuzz/fuzz.test.ts", "--testTimeout", String(size * 2000 + 60000)],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, FUZZ_RUNS: String(size), FUZZ_SKIP: String(skip), FUZZ_SEED: String(seed), FUZZ_MODE: "census", FUZZ_REPORT: part },
    },
  );
  let r;
  try {
    r = JSON.parse(readFileSync(part, "utf8"));
  } catch {
    console.error(`${jest.stderr}\ncases ${skip} to ${skip + size - 1}: no report was written (jest exited ${jest.status}): see its output above`);
    process.exit(1);
  }
  rmSync(part, { force: true });
  // a chunk's own verdict (jest's status) is not the census's: what counts is that no case failed
  if (r.failed > 0) status = 1;
  for (const key of ["runs", "accepted", "refused", "failed"]) total[key] += r[key];
  for (const [kind, n] of Object.entries(r.byKind)) {
    const t = (total.byKind[kind] ??= { accepted: 0, refused: 0 });
    t.accepted += n.accepted;
    t.refused += n.refused;
  }
  for (const [what, f] of Object.entries(r.failures)) {
    const t = (total.failures[what] ??= { ...f, count: 0 });
    t.count += f.count;
  }
  console.log(`  ${skip + size} / ${runs}: ${total.accepted} accepted, ${total.refused} refused, ${total.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}
total.seconds = Math.round((Date.now() - started) / 100) / 10;
writeFileSync(report, `${JSON.stringify(total, null, 2)}\n`);
console.log(`\nseed ${total.seed}: ${total.runs} runs in ${total.seconds} s: ${total.accepted} accepted, ${total.refused} refused with a ValidationError, ${total.failed} failed`);
for (const [kind, n] of Object.entries(total.byKind)) console.log(`  ${kind}: ${n.accepted} accepted, ${n.refused} refused`);
for (const [what, f] of Object.entries(total.failures)) console.log(`  FAILED ${f.count}x: ${what}\n    e.g. ${f.case}`);
console.log(`(written to ${report})`);
process.exit(status);
