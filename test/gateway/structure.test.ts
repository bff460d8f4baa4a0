import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const root = resolve(__dirname, "../..");
const files = sources(join(root, "lib/gateway"));
const parsed = new Map(files.map((f) => [f, ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.ES2022, true)]));

/** The files of lib/gateway a file imports or re-exports from, type-only imports included. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const statement of parsed.get(file)!.statements) {
    const spec = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) continue;
    const target = [".ts", "/index.ts"].map((ext) => resolve(dirname(file), spec.text) + ext).find((p) => parsed.has(p));
    if (target) out.push(target);
  }
  return out;
}

describe("lib/gateway structure", () => {
  test("no import circle, type-only imports included", () => {
    // GIVEN the import graph of lib/gateway WHEN walked depth-first THEN no file reaches itself
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => relative(root, f)).join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const next of importsOf(file)) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    files.forEach((f) => visit(f, []));
    expect(circles).toEqual([]);
  });

  test("no file over 400 lines, no function over 80", () => {
    const tooLong: string[] = [];
    for (const [file, source] of parsed) {
      const lines = source.getLineAndCharacterOfPosition(source.end).line + 1;
      if (lines > 400) tooLong.push(`${relative(root, file)}: ${lines} lines`);
      const walk = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.end).line;
          if (end - start + 1 > 80) tooLong.push(`${relative(root, file)}:${start + 1}: a function of ${end - start + 1} lines`);
        }
        ts.forEachChild(node, walk);
      };
      walk(source);
    }
    expect(tooLong).toEqual([]);
  });
});
