// Property-based fuzzing of the public API (issue 12): random configurations of every public construct, valid and
// hostile (unset values, null, NaN, Infinity, holes, wrong types, misspelt keys, Terraform references of every type,
// bad construct ids). Every refusal must be a ValidationError naming a field; every accepted configuration must
// synthesize to JSON that keeps the invariants of invariants.ts.
//
// `npm test` runs a CI-sized run that stops at the first failure and shrinks it to a minimal configuration.
// `npm run fuzz` runs a long census (scripts/fuzz.mjs): every case is run, failures are counted and grouped, and the
// numbers are written to FUZZ_REPORT. FUZZ_RUNS and FUZZ_SEED choose the size and the seed.
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { caseArb, Case, run } from "./build";
import { acceptedNull, catalogViolations, errorComplaint, violations } from "./invariants";

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20250112);
const CENSUS = process.env.FUZZ_MODE === "census";
/** Census only: the cases of the seed's sequence to generate but not run (scripts/fuzz.mjs runs a long census in chunks). */
const SKIP = Number(process.env.FUZZ_SKIP ?? 0);

/** What was wrong with a case's outcome, or undefined; counts accepted and refused cases by kind. */
function judge(c: Case, stats: Stats): string | undefined {
  const outcome = run(c);
  stats.runs++;
  const kind = (stats.byKind[c.kind] ??= { accepted: 0, refused: 0 });
  if (!outcome.accepted) {
    const complaint = errorComplaint(outcome.error);
    if (complaint !== undefined) return `not a ValidationError naming a field: ${complaint}`;
    stats.refused++;
    kind.refused++;
    return undefined;
  }
  const nullAt = acceptedNull(c);
  if (nullAt !== undefined) return `invariants violated:\nnull ${nullAt}: a null option was accepted (silently replaced by its default)`;
  const found = [...violations(outcome.json), ...catalogViolations(outcome.catalogs)];
  if (found.length > 0) return `invariants violated:\n${found.join("\n")}`;
  stats.accepted++;
  kind.accepted++;
  return undefined;
}

interface Stats {
  runs: number;
  accepted: number;
  refused: number;
  byKind: Record<string, { accepted: number; refused: number }>;
  /** Census only: failing cases, grouped by the first line of what was wrong (numbers and names blurred). */
  failures: Record<string, { count: number; example: string; case: string }>;
}

function record(stats: Stats, c: Case, problem: string): void {
  const kind = problem.startsWith("invariants") ? problem.split("\n")[1].replace(/^\S+ \S+: /, "invariant: ") : problem.split("\n")[0];
  const key = kind.replace(/"[^"]*"|\d+/g, "#").slice(0, 160);
  const entry = (stats.failures[key] ??= { count: 0, example: problem.slice(0, 2000), case: fc.stringify(c).slice(0, 4000) });
  entry.count++;
}

describe("fuzzing the public API", () => {
  test(`${RUNS} random configurations (seed ${SEED}): only ValidationErrors, and JSON that keeps every invariant`, () => {
    const stats: Stats = { runs: 0, accepted: 0, refused: 0, byKind: {}, failures: {} };
    const started = Date.now();
    let index = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        if (index++ < SKIP) return;
        const problem = judge(c, stats);
        if (problem === undefined) return;
        if (!CENSUS) throw new Error(problem);
        record(stats, c, problem);
      }),
      { seed: SEED, numRuns: SKIP + RUNS },
    );
    const failed = Object.values(stats.failures).reduce((n, f) => n + f.count, 0);
    const summary = { seed: SEED, failed, seconds: Math.round((Date.now() - started) / 100) / 10, ...stats };
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(summary, null, 2)}\n`);
    expect(stats.failures).toEqual({});
    // both outcomes are exercised: a fuzzer that refuses (or accepts) everything tests little
    expect(stats.accepted).toBeGreaterThan(RUNS / 10);
    expect(stats.refused).toBeGreaterThan(RUNS / 10);
  }, RUNS * 2000 + 60000);
});
