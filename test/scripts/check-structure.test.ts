import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const SCRIPT = join(__dirname, "..", "..", "scripts", "check-structure.mjs");

/** What one run printed: exit code, stdout lines, stderr. */
interface Run {
  readonly status: number | null;
  readonly lines: string[];
  readonly stderr: string;
}

/**
 * GIVEN a project folder holding `files` (path -> text) WHEN the script runs on it. Asynchronous so that the tests
 * run concurrently: each run spends most of its half second loading the TypeScript compiler.
 */
async function check(files: Record<string, string>): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), "check-structure-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return await new Promise((done) => {
      const child = execFile(process.execPath, [SCRIPT, root], { encoding: "utf8" }, (_error, stdout, stderr) => {
        done({ status: child.exitCode, lines: stdout.split("\n").filter((l) => l !== ""), stderr });
      });
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A block `{ ... }` spanning exactly `lines` lines, braces included. */
function block(lines: number): string {
  return `{\n${"  void 0;\n".repeat(lines - 2)}}`;
}

/** A file of exactly `lines` lines (each ending in a newline). */
function fileOf(lines: number): string {
  return "export const x = 1;\n".repeat(lines);
}

// Each case spawns node on fixture trees; on a loaded 2-core machine that can take longer than jest's default 5 s.
jest.setTimeout(30_000);

describe("scripts/check-structure.mjs", () => {
  test.concurrent("a clean tree: exit 0 and nothing printed; limits are inclusive, and what is not hand-written lib/ code is skipped", async () => {
    // GIVEN files at exactly the limits, imports that leave lib/ or name packages, and violations only in skipped places
    const { status, lines, stderr } = await check({
      "lib/index.ts": 'export * from "./a";\nexport { b } from "./b";\n',
      "lib/a.ts": `import { Construct } from "constructs";\nimport { k } from "../.gen/providers/kong/plugin";\nexport function a() ${block(80)}\n`,
      "lib/b.ts": fileOf(400),
      "lib/c/index.ts": 'import { a } from "../a";\nexport const c = a;\n',
      "lib/.gen/x.ts": 'import "./y";\n',
      "lib/.gen/y.ts": `import "./x";\n${fileOf(500)}`,
      "lib/types.d.ts": fileOf(500),
      "lib/notes.md": fileOf(500),
      ".gen/providers/kong/plugin.ts": 'import "../../../lib/a";\n',
      "stacks/long.ts": fileOf(500),
    });
    // THEN
    expect({ status, lines, stderr }).toEqual({ status: 0, lines: [], stderr: "" });
  });

  test.concurrent("import cycles: every cycle once, from its smallest file; type-only imports, re-exports and index.ts count", async () => {
    // GIVEN a -> b -> a through `import type`, and b -> c/index.ts -> d -> b through `export *` and a dynamic import
    const { status, lines, stderr } = await check({
      "lib/a.ts": 'import type { B } from "./b";\nexport type A = B;\n',
      "lib/b.ts": 'import { A } from "./a";\nexport * from "./c";\nexport type B = A;\n',
      "lib/c/index.ts": 'export const load = () => import("../d");\n',
      "lib/d.ts": 'export type D = import("./b").B;\n',
      "lib/e.ts": 'import "./a";\n',
    });
    // THEN
    expect(status).toBe(1);
    expect(lines).toEqual([
      "cycle: lib/a.ts -> lib/b.ts -> lib/a.ts",
      "cycle: lib/b.ts -> lib/c/index.ts -> lib/d.ts -> lib/b.ts",
    ]);
    expect(stderr).toBe("check-structure: 2 violation(s) in 5 files under lib/\n");
  });

  test.concurrent("a file over 400 lines", async () => {
    // GIVEN one file of 401 lines and one of 400
    const { status, lines } = await check({ "lib/kong/cluster.ts": fileOf(401), "lib/ok.ts": fileOf(400) });
    // THEN
    expect(status).toBe(1);
    expect(lines).toEqual(["long file: lib/kong/cluster.ts has 401 lines (max 400)"]);
  });

  test.concurrent("bodies over 80 lines, of every kind of function, named by where they are declared", async () => {
    // GIVEN one function-like of each kind, each with an 81-line body, after a first line
    const text = [
      "// line 1",
      `export function declared() ${block(81)}`,
      "export class Foo {",
      `  constructor() ${block(81)}`,
      `  method() ${block(81)}`,
      `  get size() ${block(81)}`,
      `  private readonly handler = () => ${block(81)};`,
      "}",
      `export const arrow = () => ${block(81)};`,
      `export const expr = function () ${block(81)};`,
      `export const table = { entry: () => ${block(81)} };`,
      `[].forEach(() => ${block(81)});`,
      `export const short = () => ${block(80)};`,
    ].join("\n");
    const { status, lines } = await check({ "lib/long.ts": text });
    // THEN one line each, at the line where the function starts, with its body's length
    expect(status).toBe(1);
    expect(lines).toEqual([
      "long file: lib/long.ts has 812 lines (max 400)",
      "long function: lib/long.ts:2 declared has 81 lines (max 80)",
      "long function: lib/long.ts:84 Foo.constructor has 81 lines (max 80)",
      "long function: lib/long.ts:165 Foo.method has 81 lines (max 80)",
      "long function: lib/long.ts:246 Foo.get size has 81 lines (max 80)",
      "long function: lib/long.ts:327 Foo.handler has 81 lines (max 80)",
      "long function: lib/long.ts:409 arrow has 81 lines (max 80)",
      "long function: lib/long.ts:490 expr has 81 lines (max 80)",
      "long function: lib/long.ts:571 entry has 81 lines (max 80)",
      "long function: lib/long.ts:652 <arrow function> has 81 lines (max 80)",
    ]);
  });

  test.concurrent("cycles first, then long files, then long functions", async () => {
    // GIVEN one violation of each kind
    const { lines } = await check({
      "lib/a.ts": `import "./b";\nexport function f() ${block(81)}\n`,
      "lib/b.ts": `import "./a";\n${fileOf(401)}`,
    });
    // THEN
    expect(lines).toEqual([
      "cycle: lib/a.ts -> lib/b.ts -> lib/a.ts",
      "long file: lib/b.ts has 402 lines (max 400)",
      "long function: lib/a.ts:2 f has 81 lines (max 80)",
    ]);
  });

  test.concurrent("a folder without lib/ is a usage error (exit 2), not a clean pass", async () => {
    const { status, lines, stderr } = await check({ "src/a.ts": "" });
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toMatch(/^check-structure: no lib\/ folder under .*check-structure-\w+\n$/);
  });
});
