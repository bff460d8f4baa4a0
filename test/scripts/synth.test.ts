import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

/** `npm run synth -- <args>`, without npm: the output goes to a temporary folder. */
function synth(...args: string[]) {
  const outdir = mkdtempSync(join(tmpdir(), "synth-script-"));
  const r = spawnSync(process.execPath, ["scripts/synth.mjs", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
  return { status: r.status, stderr: r.stderr, stacks: () => readdirSync(join(outdir, "stacks")).sort() };
}

describe("npm run synth -- [app.ts]", () => {
  test("synthesizes main.ts by default", () => {
    const r = synth();
    expect(r.status).toBe(0);
    expect(r.stacks()).toEqual(["ai-gateway-dev", "ai-platform-dev"]);
  });

  test("synthesizes any app file of the repository, e.g. the starter", () => {
    const r = synth("examples/starter/main.ts");
    expect(r.status).toBe(0);
    expect(r.stacks()).toEqual(["acme-gateway-dev", "acme-platform-dev"]);
  });

  test("passes an app's validation problems and exit status on", () => {
    const r = spawnSync(process.execPath, ["scripts/synth.mjs"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ENV: "staging" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('[environment] ENV ("staging") must be one of "dev", "prod"\n');
  });

  test("refuses what is not an app file of the repository", () => {
    expect(synth("no-such-app.ts")).toMatchObject({
      status: 2,
      stderr: "synth: no-such-app.ts is not a TypeScript file of this repository; usage: npm run synth -- [path/to/app.ts] (default main.ts)\n",
    });
    expect(synth("test/setup.ts")).toMatchObject({
      status: 2,
      stderr: "synth: test/setup.ts is outside the folders that are built (dependencies, outputs and test/ are skipped)\n",
    });
  });
});

describe("npm run build", () => {
  test("transpiles every entry of the repository, not a fixed list: tests and outputs excepted", () => {
    const list = 'import { entryFiles } from "./scripts/build.mjs"; console.log(JSON.stringify(entryFiles()));';
    const files: string[] = JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", list], { cwd: ROOT, encoding: "utf8" }).stdout);
    expect(files).toEqual(expect.arrayContaining(["main.ts", "stacks/default-app.ts", "examples/gpu-canary.ts", "examples/starter/main.ts", "examples/starter/platform.ts", "lib/index.ts", ".gen/providers/kong/service/index.ts"]));
    expect(files.filter((f) => f.startsWith("test/") || f.endsWith(".test.ts") || f.includes("node_modules/") || f.startsWith("dist/"))).toEqual([]);
  });
});
