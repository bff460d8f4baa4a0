// Generates the TypeScript bindings of the kevholditch/kong Terraform provider from the checked-in schema
// (providers/kong/schema.json, in the format of `terraform providers schema -json`) with cdktf's own generator.
// Usage: node scripts/gen-kong.mjs [outdir]   (default .gen/providers/kong; the check in test/ writes elsewhere)
import { readFileSync, rmSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// @cdktf/commons asks the terraform CLI for its version on load; keep a missing ~/.terraformrc from cluttering output.
process.env.TF_CLI_CONFIG_FILE ??= "/dev/null";
const { TerraformProviderGenerator, CodeMaker } = require("@cdktf/provider-generator");
const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = require("@cdktf/commons");

export const KONG_PROVIDER = { source: "kevholditch/kong", version: "6.5.1" };
const FQPN = "registry.terraform.io/kevholditch/kong";

export async function generateKongBindings(outdir) {
  const root = resolve(new URL("..", import.meta.url).pathname);
  const schema = JSON.parse(readFileSync(join(root, "providers/kong/schema.json"), "utf8"));
  if (!schema.provider_schemas?.[FQPN]) {
    throw new Error(`providers/kong/schema.json has no provider_schemas["${FQPN}"]`);
  }
  // provider_versions is what `cdktf get` records; it becomes `providerVersion` in the bindings and so the
  // version in the synthesized required_providers block.
  schema.provider_versions = { [FQPN]: KONG_PROVIDER.version };
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new TerraformProviderConstraint({ source: KONG_PROVIDER.source, version: KONG_PROVIDER.version, name: "kong" });
  generator.generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await code.save(outdir);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const outdir = resolve(process.argv[2] ?? ".gen");
  await generateKongBindings(outdir);
  console.log(`kong bindings written to ${join(outdir, "providers/kong")}`);
}
