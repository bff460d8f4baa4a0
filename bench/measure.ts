import { App } from "cdktf";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one benchmark process reports. */
export interface CaseResult {
  mode: string;
  n: number;
  /** Resources in the synthesized JSON (all stacks). */
  resources: number;
  /** Resource types and their counts, as "type=count,..." sorted: library and baseline must match. */
  types: string;
  /** Wall time of loading the builder's modules + construct + synth, in milliseconds. */
  ms: number;
  /** Peak resident set size of the process, in MB. */
  rssMb: number;
  /** The `catalog` case: milliseconds of `ms` the API catalog spent reading the constructs and writing its files. */
  catalogMs?: number;
}

/**
 * Loads a builder (its modules are required inside the timed region, so the library's own load cost counts),
 * builds an app with it, synthesizes it, and measures all three together.
 */
export function measure(mode: string, n: number, load: () => (app: App, n: number) => void): CaseResult {
  const outdir = mkdtempSync(join(tmpdir(), `bench-${mode}-`));
  try {
    const start = process.hrtime.bigint();
    const build = load();
    const app = new App({ outdir, skipValidation: false });
    build(app, n);
    app.synth();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const counts = new Map<string, number>();
    let resources = 0;
    const stacksDir = join(outdir, "stacks");
    for (const stack of readdirSync(stacksDir)) {
      const json = JSON.parse(readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8"));
      for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
        const c = Object.keys(byName).length;
        counts.set(type, (counts.get(type) ?? 0) + c);
        resources += c;
      }
    }
    const types = [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, c]) => `${t}=${c}`)
      .join(",");
    return { mode, n, resources, types, ms, rssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
