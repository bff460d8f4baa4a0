// Synthesizes one app of this repository: `npm run synth -- [path/to/app.ts]` (default main.ts). Transpiles every
// entry (scripts/build.mjs, no type-checking) and runs the app's JavaScript with plain node, passing its exit status
// on (1 with one line per problem when the input is invalid, see synthesize()). cdktf.json runs the same command,
// so `npx cdktf deploy --app "node scripts/synth.mjs my-app.ts" <stack>` deploys another app of the repository.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { buildAll, entryFiles, root } from "./build.mjs";

const arg = process.argv[2] ?? "main.ts";
const entry = relative(root, resolve(process.cwd(), arg));
if (!existsSync(join(root, entry)) || !entry.endsWith(".ts")) {
  console.error(`synth: ${arg} is not a TypeScript file of this repository; usage: npm run synth -- [path/to/app.ts] (default main.ts)`);
  process.exit(2);
}
if (entry.startsWith("..") || isAbsolute(entry) || !entryFiles().includes(entry)) {
  console.error(`synth: ${arg} is outside the folders that are built (dependencies, outputs and test/ are skipped)`);
  process.exit(2);
}
await buildAll();
const run = spawnSync(process.execPath, [join(root, "dist", entry.replace(/\.ts$/, ".js")), ...process.argv.slice(3)], { stdio: "inherit" });
process.exit(run.status ?? 1);
