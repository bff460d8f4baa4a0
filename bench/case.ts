/** One benchmark process: `node dist/bench/case.js <library|baseline> <N>`; prints one JSON line. */
import { measure } from "./measure";

const [mode, nArg] = process.argv.slice(2);
const n = Number(nArg);
if ((mode !== "library" && mode !== "baseline") || !Number.isInteger(n) || n < 1) {
  console.error("usage: node dist/bench/case.js <library|baseline> <N>");
  process.exit(2);
}
/* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the timed region on purpose */
const result = measure(mode, n, () => (mode === "library" ? require("./library-platform").build : require("./raw-platform").build));
console.log(JSON.stringify(result));
