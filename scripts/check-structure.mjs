// Checks the shape of the hand-written code in lib/ (issue 10): no import cycle, no file over 400 lines, no function
// body over 80 lines. Prints one line per violation and exits 1 if there is any.
//
//   node scripts/check-structure.mjs [root]     root: the folder that holds lib/ (default: this repository)
//
// Output (paths relative to root, sorted, so the lines are stable across machines):
//   cycle: lib/a.ts -> lib/b.ts -> lib/a.ts
//   long file: lib/a.ts has 401 lines (max 400)
//   long function: lib/a.ts:12 Foo.constructor has 81 lines (max 80)
//
// Only parses (no type-checking, no Program): about 0.3 s, most of it loading the TypeScript compiler.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
/** Enough to show every circle of a tangled folder without flooding the terminal. */
const MAX_CYCLES = 200;

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const libDir = join(root, "lib");

/** Hand-written sources: .ts under lib/, without declaration files and generated folders. */
function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir).sort()) {
    if (entry === ".gen" || entry === "node_modules") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** `lib/a/b.ts`, with forward slashes on every platform. */
const display = (path) => relative(root, path).split(sep).join("/");

const lineOf = (sf, pos) => sf.getLineAndCharacterOfPosition(pos).line + 1;

function lineCount(text) {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** The file a relative module specifier names, if it is one of `files`: `./x` -> x.ts or x/index.ts. */
function resolveImport(fromFile, specifier, files) {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** A readable name for a function-like node: `name`, `Class.method`, `Class.get prop`, or what it is assigned to. */
function nameOf(node) {
  const owner = (n) => (n.parent && ts.isClassLike(n.parent) ? `${n.parent.name?.text ?? "<class>"}.` : "");
  const text = (name) => (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : "<computed>");
  if (ts.isConstructorDeclaration(node)) return `${owner(node)}constructor`;
  if (ts.isGetAccessorDeclaration(node)) return `${owner(node)}get ${text(node.name)}`;
  if (ts.isSetAccessorDeclaration(node)) return `${owner(node)}set ${text(node.name)}`;
  if (ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node)) return `${owner(node)}${text(node.name)}`;
  if (ts.isFunctionExpression(node) && node.name) return node.name.text;
  const p = node.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) return text(p.name);
  if (ts.isPropertyDeclaration(p)) return `${owner(p)}${text(p.name)}`;
  return ts.isArrowFunction(node) ? "<arrow function>" : "<function expression>";
}

/** Parses one file: its imports of other lib/ files, and its function bodies over the limit. */
function inspect(file, files) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = new Set();
  const longFunctions = [];
  const addImport = (specifier) => {
    const target = specifier && ts.isStringLiteralLike(specifier) ? resolveImport(file, specifier.text, files) : undefined;
    if (target) imports.add(target);
  };
  const visit = (node) => {
    // Every way a file can name another, type-only ones included (`import type`, `export type *`, `import("./x").T`).
    // Issue 10 asks for no import circle anywhere in lib/, and a type-only circle is still a circle: the files cannot
    // be read, moved or split one at a time, and whether an import survives to runtime is decided by the emitter
    // (swc and esbuild elide imports used only as types), so deleting one `type` keyword would make it a runtime one.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) addImport(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) addImport(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) addImport(node.argument.literal);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      addImport(node.arguments[0]);
    }
    if (ts.isFunctionLike(node) && node.body) {
      const lines = lineOf(sf, node.body.getEnd()) - lineOf(sf, node.body.getStart(sf)) + 1;
      if (lines > MAX_FUNCTION_LINES) longFunctions.push({ line: lineOf(sf, node.getStart(sf)), name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { lines: lineCount(text), imports: [...imports].sort(), longFunctions };
}

/**
 * Every elementary cycle, each reported once, starting at its smallest file: from each start file, a depth-first
 * search that only enters files sorted after it. Exponential in theory; lib/ has tens of files.
 */
function findCycles(graph) {
  const nodes = [...graph.keys()].sort();
  const cycles = [];
  let truncated = false;
  for (const start of nodes) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (node) => {
      for (const next of graph.get(node)) {
        if (truncated) return;
        if (next === start) {
          if (cycles.length === MAX_CYCLES) truncated = true;
          else cycles.push([...path, start]);
        }
        else if (next > start && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return { cycles, truncated };
}

function main() {
  if (!statSync(libDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`check-structure: no lib/ folder under ${root}`);
    return 2;
  }
  const list = sourceFiles(libDir);
  const files = new Set(list);
  const graph = new Map();
  const problems = [];
  const longFunctions = [];
  for (const file of list) {
    const found = inspect(file, files);
    graph.set(file, found.imports);
    if (found.lines > MAX_FILE_LINES) problems.push(`long file: ${display(file)} has ${found.lines} lines (max ${MAX_FILE_LINES})`);
    for (const f of found.longFunctions) {
      longFunctions.push(`long function: ${display(file)}:${f.line} ${f.name} has ${f.lines} lines (max ${MAX_FUNCTION_LINES})`);
    }
  }
  const { cycles, truncated } = findCycles(graph);
  const cycleLines = cycles.map((c) => `cycle: ${c.map(display).join(" -> ")}`);
  if (truncated) cycleLines.push(`cycle: ... (more than ${MAX_CYCLES}; break the ones above first)`);
  const lines = [...cycleLines, ...problems, ...longFunctions];
  for (const line of lines) console.log(line);
  if (lines.length > 0) {
    console.error(`check-structure: ${lines.length} violation(s) in ${list.length} files under ${display(libDir)}/`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
