/**
 * Synth benchmark: the library against raw cdktf bindings emitting the same resources, each case in a fresh node
 * process, alternating library and baseline, several runs each; prints a table, then one JSON line (the last line).
 *
 *   npm run bench             N = 10, 100, 1000
 *   npm run bench -- --quick  N = 100 only
 *   npm run bench -- --n 1000 one N only (the full number of runs)
 *
 * A third case, `catalog`, is the library with its API catalog (ApiCatalog, as AiPlatform adds it): its time over
 * the library's is the catalog's share of a synth.
 */
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { CaseResult } from "./measure";

const quick = process.argv.includes("--quick");
const nIndex = process.argv.indexOf("--n");
const only = nIndex > 0 ? Number(process.argv[nIndex + 1]) : undefined;
const sizes = only !== undefined && Number.isInteger(only) && only > 0 ? [only] : quick ? [100] : [10, 100, 1000];
const runsFor = (n: number) => (quick ? 5 : n >= 1000 ? 5 : 7);

function runCase(mode: "library" | "catalog" | "baseline", n: number): CaseResult {
  const out = execFileSync(process.execPath, [join(__dirname, "case.js"), mode, String(n)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split("\n").pop() as string;
  return JSON.parse(last) as CaseResult;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface Row {
  n: number;
  resources: number;
  libraryMs: number;
  baselineMs: number;
  timeRatio: number;
  libraryRssMb: number;
  baselineRssMb: number;
  rssRatio: number;
  catalogMs: number;
  /** catalog case time / library case time, medians. */
  catalogRatio: number;
  /** The catalog hook's own time / the library case's time, medians: the same share, without the run-to-run noise. */
  catalogShare: number;
}

const rows: Row[] = [];
for (const n of sizes) {
  const lib: CaseResult[] = [];
  const base: CaseResult[] = [];
  const cat: CaseResult[] = [];
  // warm the file cache once per size so the first measured run is not penalised
  runCase("baseline", n);
  runCase("library", n);
  runCase("catalog", n);
  for (let i = 0; i < runsFor(n); i++) {
    // rotate the order so drift on a noisy machine hits every side alike
    const order: Array<["library" | "catalog" | "baseline", CaseResult[]]> = [
      ["library", lib],
      ["catalog", cat],
      ["baseline", base],
    ];
    for (let j = 0; j < order.length; j++) {
      const [mode, into] = order[(i + j) % order.length];
      into.push(runCase(mode, n));
    }
  }
  if (cat[0].resources !== lib[0].resources || cat[0].types !== lib[0].types) {
    throw new Error(`the catalog case adds resources: ${cat[0].resources} vs ${lib[0].resources}`);
  }
  if (lib[0].resources !== base[0].resources || lib[0].types !== base[0].types) {
    throw new Error(
      `library and baseline differ in work: ${lib[0].resources} vs ${base[0].resources} resources, types ${lib[0].types} vs ${base[0].types}`,
    );
  }
  const libraryMs = median(lib.map((r) => r.ms));
  const baselineMs = median(base.map((r) => r.ms));
  const catalogCaseMs = median(cat.map((r) => r.ms));
  const catalogMs = median(cat.map((r) => r.catalogMs ?? 0));
  const libraryRssMb = median(lib.map((r) => r.rssMb));
  const baselineRssMb = median(base.map((r) => r.rssMb));
  rows.push({
    n,
    resources: lib[0].resources,
    libraryMs: round(libraryMs),
    baselineMs: round(baselineMs),
    timeRatio: round(libraryMs / baselineMs, 3),
    libraryRssMb: round(libraryRssMb),
    baselineRssMb: round(baselineRssMb),
    rssRatio: round(libraryRssMb / baselineRssMb, 3),
    catalogMs: round(catalogMs),
    catalogRatio: round(catalogCaseMs / libraryMs, 3),
    catalogShare: round(catalogMs / libraryMs, 3),
  });
}

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log("median of runs; time = loading the builder + construct + synth, inside a fresh process; rss = peak resident set of that process");
console.log("catalog ms = the API catalog's own time in the catalog case; catalog/library = that case's time over the library's; share = catalog ms / library ms");
console.log("");
const header = ["N", "resources", "library ms", "baseline ms", "time ratio", "library MB", "baseline MB", "rss ratio", "catalog ms", "catalog/library", "catalog share"];
const table = rows.map((r) =>
  [r.n, r.resources, r.libraryMs, r.baselineMs, r.timeRatio, r.libraryRssMb, r.baselineRssMb, r.rssRatio, r.catalogMs, r.catalogRatio, r.catalogShare].map(String),
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
console.log(line(header));
for (const t of table) console.log(line(t));
if (rows.length > 1) {
  const at = (n: number) => rows.find((r) => r.n === n);
  const r100 = at(100);
  const r1000 = at(1000);
  if (r100 && r1000) console.log(`\ngrowth: library time(N=1000) / time(N=100) = ${round(r1000.libraryMs / r100.libraryMs, 2)}`);
}

// The main job end to end, as a user runs it: `npm run synth` (esbuild transpile + node dist/main.js).
const root = join(__dirname, "..", "..");
const synthRuns = quick ? 3 : 5;
const synthMs: number[] = [];
for (let i = 0; i < synthRuns + 1; i++) {
  const start = process.hrtime.bigint();
  execFileSync("npm", ["run", "--silent", "synth"], { cwd: root, stdio: "ignore", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  if (i > 0) synthMs.push(Number(process.hrtime.bigint() - start) / 1e6); // the first run warms the file cache
}
console.log(`\nnpm run synth (default app, end to end): median ${round(median(synthMs))} ms over ${synthRuns} runs`);
console.log(JSON.stringify(rows[rows.length - 1]));
