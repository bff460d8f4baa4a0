// Validates OpenAPI documents with @seriousme/openapi-schema-validator (an ES module, so it runs in plain node rather
// than in jest's CommonJS transform): `node validate-openapi.mjs <file>...` prints one JSON line per file,
// { "file", "valid", "errors" }, and exits 0. Needs no network: the OpenAPI 3.1 schema ships with the package.
import { Validator } from "@seriousme/openapi-schema-validator";
import { readFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const result = await new Validator().validate(JSON.parse(readFileSync(file, "utf8")));
  console.log(JSON.stringify({ file, valid: result.valid, errors: result.errors ?? null }));
}
