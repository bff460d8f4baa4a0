// Rewrites the default app's catalog examples (docs/catalog/<env>/) and the README's generated blocks (the topology
// picture, the client calls) from what `npm run synth` writes for each environment. `npm run docs:catalog`;
// test/stacks/catalog-docs.test.ts fails, naming this command, when they are stale.
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildAll, root } from "./build.mjs";

await buildAll();
const require = createRequire(import.meta.url);
const { writeCatalogDocs } = require(join(root, "dist", "stacks", "catalog-docs.js"));
for (const path of writeCatalogDocs(root)) console.log(`wrote ${path}`);
