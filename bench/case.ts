/** One benchmark process: `node dist/bench/case.js <library|catalog|baseline> <N>`; prints one JSON line. */
import { measure } from "./measure";

const MODES = ["library", "catalog", "baseline"];
const [mode, nArg] = process.argv.slice(2);
const n = Number(nArg);
if (!MODES.includes(mode) || !Number.isInteger(n) || n < 1) {
  console.error("usage: node dist/bench/case.js <library|catalog|baseline> <N>");
  process.exit(2);
}
/* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the timed region on purpose */
const result = measure(mode, n, () =>
  mode === "library" ? require("./library-platform").build : mode === "catalog" ? require("./library-platform").buildWithCatalog : require("./raw-platform").build,
);
// the catalog case also reports the time its hook spent reading, rendering and writing (part of `ms`)
const catalogMs = mode === "catalog" ? { catalogMs: require("./library-platform").catalogTiming.ms } : {};
console.log(JSON.stringify({ ...result, ...catalogMs }));
