// Compiles the library for the npm package (run by `npm pack` / `npm publish` through "prepack"): JavaScript and
// .d.ts files of lib/ and of the generated Kong bindings into dist/lib and dist/.gen, with members marked
// @internal left out of the declarations (tsconfig.build.json: stripInternal). Both folders are emptied first, so the
// tarball never carries files left by `npm run build` (esbuild, no declarations) or by sources that no longer exist.
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
for (const dir of ["dist/lib", "dist/.gen"]) rmSync(join(root, dir), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
// The backup and restore scripts, as files to read and run by hand (the library itself embeds them: embedded.ts).
const scripts = "lib/database/scripts";
for (const f of readdirSync(join(root, scripts)).filter((f) => f.endsWith(".sh"))) copyFileSync(join(root, scripts, f), join(root, "dist", scripts, f));
