import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", "dist", "cdktf.out"].includes(e.name) ? [] : tsFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"|require\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);
}

describe("apps use the library as a user would", () => {
  // main.ts, the default app (stacks/), the examples and the starter: only the package entry, never its internals
  const files = [join(ROOT, "main.ts"), ...tsFiles(join(ROOT, "stacks")), ...tsFiles(join(ROOT, "examples"))];

  test.each(files.map((f) => [relative(ROOT, f), f]))("%s imports lib/ only through its entry", (_name, file) => {
    // relative paths into lib/ or .gen/ (beyond lib/index), or package paths that are not entries of its exports map
    const internal = importsOf(file).filter((spec) => /^\.\.?\/(.*\/)?(lib|\.gen)\/./.test(spec) || /^kong-ai-platform\/(?!testing$|kong\/[\w-]+$)/.test(spec));
    expect(internal).toEqual([]);
  });

  test("the starter imports the library by its package name", () => {
    const specs = tsFiles(join(ROOT, "examples/starter")).flatMap(importsOf);
    expect(specs).toEqual(expect.arrayContaining(["kong-ai-platform", "kong-ai-platform/testing"]));
    expect(specs.filter((s) => s.startsWith("."))).toEqual(["./platform", "../platform"]);
  });

  test("the model-team starter imports the library by its package name, and only its own files otherwise", () => {
    const specs = tsFiles(join(ROOT, "examples/model-team")).flatMap(importsOf);
    expect(specs).toEqual(expect.arrayContaining(["kong-ai-platform", "kong-ai-platform/testing"]));
    expect(specs.filter((s) => s.startsWith(".")).sort()).toEqual(["../models", "./models", "./platform/dev", "./platform/prod"]);
  });
});
