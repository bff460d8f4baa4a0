import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { blockMarkers, catalogDocs, readmeBlock, REFRESH_COMMAND, withBlocks } from "../../stacks/catalog-docs";

const ROOT = resolve(__dirname, "../..");
const docs = catalogDocs();

/** Fails with the command that refreshes `what` when `actual` is not `expected`. */
function expectFresh(what: string, actual: string | undefined, expected: string): void {
  if (actual !== expected) throw new Error(`${what} is stale (the default app's catalog changed): run \`${REFRESH_COMMAND}\` and commit the result`);
}

describe("the committed catalog of the default app", () => {
  test("docs/catalog/{dev,prod} hold the four files npm run synth writes", () => {
    expect(Object.keys(docs.files).sort()).toEqual(
      ["dev", "prod"].flatMap((env) => ["catalog.json", "catalog.md", "openapi.json", "topology.mmd"].map((f) => `docs/catalog/${env}/${f}`)),
    );
  });

  test.each(Object.keys(docs.files))("%s is up to date", (path) => {
    expectFresh(path, readFileSync(join(ROOT, path), "utf8"), docs.files[path]);
  });

  test.each(["topology", "client-calls"] as const)("README.md's generated %s block is up to date", (name) => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expectFresh(`README.md's block "${name}"`, readmeBlock(readme, name), docs.readme[name]);
  });

  test("a stale copy fails with the command that refreshes it", () => {
    expect(() => expectFresh("docs/catalog/dev/catalog.md", "old", "new")).toThrow(
      "docs/catalog/dev/catalog.md is stale (the default app's catalog changed): run `npm run docs:catalog` and commit the result",
    );
  });

  test("the README's blocks are replaced between their markers, and lost markers are an error", () => {
    const { begin, end } = blockMarkers("topology");
    const readme = `intro\n${begin}\nold\n${end}\nrest\n${blockMarkers("client-calls").begin}\n${blockMarkers("client-calls").end}\n`;
    expect(withBlocks(readme, { topology: "new", "client-calls": "calls" })).toBe(
      `intro\n${begin}\nnew\n${end}\nrest\n${blockMarkers("client-calls").begin}\ncalls\n${blockMarkers("client-calls").end}\n`,
    );
    expect(() => withBlocks("no markers", { topology: "x", "client-calls": "y" })).toThrow(
      'README.md has no block "topology": restore the lines <!-- BEGIN GENERATED topology: npm run docs:catalog --> and <!-- END GENERATED topology -->',
    );
  });
});
