import { App } from "cdktf";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ApiCatalog } from "../lib";
import { buildDefaultApp } from "./default-app";
import { ENVIRONMENTS } from "./environments";

/** The command that rewrites the committed examples and the README's generated blocks. */
export const REFRESH_COMMAND = "npm run docs:catalog";

/** The README blocks generated from the default app (dev): name -> content between its markers. */
export type ReadmeBlocks = Record<"topology" | "client-calls", string>;

/**
 * What `npm run synth` writes to `cdktf.out/catalog/<env>/` for each environment of the default app, as the committed
 * examples under `docs/catalog/<env>/` (path relative to the repository -> content), and the README's generated blocks:
 * the topology (Mermaid) and the client calls (one curl per route) of dev. Each environment is synthesized for real,
 * into a temporary folder, exactly as `npm run synth` does.
 */
export function catalogDocs(): { files: Record<string, string>; readme: ReadmeBlocks } {
  const files: Record<string, string> = {};
  let readme: ReadmeBlocks | undefined;
  for (const env of Object.keys(ENVIRONMENTS)) {
    const outdir = mkdtempSync(join(tmpdir(), `catalog-docs-${env}-`));
    try {
      const app = new App({ outdir });
      const platform = buildDefaultApp(app, ENVIRONMENTS[env]);
      app.synth();
      for (const name of ApiCatalog.FILES) files[`docs/catalog/${env}/${name}`] = readFileSync(join(outdir, "catalog", env, name), "utf8");
      if (env === "dev" && platform.catalog) {
        readme = {
          topology: ["```mermaid", files[`docs/catalog/${env}/topology.mmd`].trimEnd(), "```"].join("\n"),
          "client-calls": ["```sh", platform.catalog.clientCommands(), "```"].join("\n"),
        };
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }
  if (readme === undefined) throw new Error("the default app has no dev environment with a catalog");
  return { files, readme };
}

/** The markers around a generated block of the README. */
export function blockMarkers(name: string): { begin: string; end: string } {
  return { begin: `<!-- BEGIN GENERATED ${name}: ${REFRESH_COMMAND} -->`, end: `<!-- END GENERATED ${name} -->` };
}

/** The content between a block's markers, or undefined when the README lacks them. */
export function readmeBlock(readme: string, name: string): string | undefined {
  const { begin, end } = blockMarkers(name);
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) return undefined;
  return readme.slice(start + begin.length, stop).replace(/^\n/, "").replace(/\n$/, "");
}

/** The README with each generated block replaced (a block without markers is an error: the README lost them). */
export function withBlocks(readme: string, blocks: ReadmeBlocks): string {
  let out = readme;
  for (const [name, content] of Object.entries(blocks)) {
    const { begin, end } = blockMarkers(name);
    if (readmeBlock(out, name) === undefined) throw new Error(`README.md has no block "${name}": restore the lines ${begin} and ${end}`);
    out = `${out.slice(0, out.indexOf(begin) + begin.length)}\n${content}\n${out.slice(out.indexOf(end))}`;
  }
  return out;
}

/** Writes the examples and the README's blocks under `root`; returns the paths written. */
export function writeCatalogDocs(root: string): string[] {
  const { files, readme } = catalogDocs();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const readmePath = join(root, "README.md");
  writeFileSync(readmePath, withBlocks(readFileSync(readmePath, "utf8"), readme));
  return [...Object.keys(files), "README.md"];
}
