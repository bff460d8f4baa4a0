import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { TerraformResource } from "cdktf";
import { KongProvider } from "../../.gen/providers/kong/provider";
import { newStack, synth } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- the schema is untyped JSON read from disk */
const ROOT = join(__dirname, "..", "..");
const FQPN = "registry.terraform.io/kevholditch/kong";
const schema = JSON.parse(readFileSync(join(ROOT, "providers/kong/schema.json"), "utf8"));
const resources: Record<string, any> = schema.provider_schemas[FQPN].resource_schemas;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A value of the attribute's Terraform type, for the binding's config (camelCase keys). */
function sampleValue(type: any): unknown {
  if (type === "string") return "x";
  if (type === "number") return 1;
  if (type === "bool") return true;
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) return [sampleValue(type[1])];
  if (Array.isArray(type) && type[0] === "map") return { k: sampleValue(type[1]) };
  throw new Error(`unexpected type ${JSON.stringify(type)}`);
}

/** Every settable attribute and nested block of a schema block, filled with sample values. */
function sampleConfig(block: any): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries<any>(block.attributes ?? {})) {
    if (attr.computed && !attr.optional && !attr.required) continue;
    config[camel(name)] = sampleValue(attr.type);
  }
  for (const [name, nested] of Object.entries<any>(block.block_types ?? {})) {
    const one = sampleConfig(nested.block);
    config[camel(name)] = nested.max_items === 1 ? one : [one];
  }
  return config;
}

/** The snake_case names a block synthesizes to, recursively: `a`, `b.c` ... */
function expectedKeys(block: any, prefix = ""): string[] {
  const keys: string[] = [];
  for (const [name, attr] of Object.entries<any>(block.attributes ?? {})) {
    if (attr.computed && !attr.optional && !attr.required) continue;
    keys.push(prefix + name);
  }
  for (const [name, nested] of Object.entries<any>(block.block_types ?? {})) {
    keys.push(prefix + name, ...expectedKeys(nested.block, `${prefix}${name}.`));
  }
  return keys.sort();
}

/** The names found in synthesized JSON, descending into nested blocks the way the schema nests them. */
function actualKeys(obj: any, block: any, prefix = ""): string[] {
  const keys: string[] = [];
  for (const [name, value] of Object.entries<any>(obj)) {
    keys.push(prefix + name);
    const nested = block.block_types?.[name];
    if (nested) keys.push(...actualKeys(Array.isArray(value) ? value[0] : value, nested.block, `${prefix}${name}.`));
  }
  return keys.sort();
}

describe("kevholditch/kong provider bindings", () => {
  test("regenerating from providers/kong/schema.json reproduces the committed .gen/ byte for byte", () => {
    // GIVEN the checked-in schema WHEN the generator runs into a scratch folder
    const out = mkdtempSync(join(tmpdir(), "kong-gen-"));
    try {
      execFileSync(process.execPath, [join(ROOT, "scripts/gen-kong.mjs"), out], { cwd: ROOT, stdio: "pipe" });
      const committed = join(ROOT, ".gen/providers/kong");
      const fresh = join(out, "providers/kong");
      // THEN the same files exist with the same bytes
      expect(listFiles(fresh)).toEqual(listFiles(committed));
      for (const f of listFiles(fresh)) {
        expect({ file: f, text: readFileSync(join(fresh, f), "utf8") }).toEqual({ file: f, text: readFileSync(join(committed, f), "utf8") });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("the schema holds the provider block and all twelve resources", () => {
    expect(Object.keys(resources).sort()).toEqual([
      "kong_certificate",
      "kong_consumer",
      "kong_consumer_acl",
      "kong_consumer_basic_auth",
      "kong_consumer_jwt_auth",
      "kong_consumer_key_auth",
      "kong_consumer_oauth2",
      "kong_plugin",
      "kong_route",
      "kong_service",
      "kong_target",
      "kong_upstream",
    ]);
    expect(Object.keys(schema.provider_schemas[FQPN].provider.block.attributes).sort()).toEqual([
      "kong_admin_password",
      "kong_admin_token",
      "kong_admin_uri",
      "kong_admin_username",
      "kong_api_key",
      "kong_workspace",
      "strict_plugins_match",
      "tls_skip_verify",
    ]);
  });

  test("the synthesized provider is pinned to kevholditch/kong 6.5.1", () => {
    // GIVEN a stack with the generated provider
    const stack = newStack("s");
    new KongProvider(stack, "kong", { kongAdminUri: "http://kong-admin:8001" });
    // WHEN synthesized
    const json = synth(stack);
    // THEN required_providers carries source and version
    expect(json.terraform.required_providers.kong).toEqual({ source: "kevholditch/kong", version: "6.5.1" });
    expect(json.provider.kong).toEqual([{ kong_admin_uri: "http://kong-admin:8001" }]);
  });

  describe.each(Object.keys(resources).sort())("%s", (type) => {
    test("its generated class synthesizes that type with exactly the schema's settable attributes", () => {
      // GIVEN the generated class for the type, found by its tfResourceType
      const folder = type.replace(/^kong_/, "").replace(/_/g, "-");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(ROOT, ".gen/providers/kong", folder));
      const Cls = Object.values<any>(mod).find((v) => typeof v === "function" && v.tfResourceType === type);
      expect(Cls).toBeDefined();
      // WHEN it is instantiated with every settable attribute and nested block
      const stack = newStack("s");
      new KongProvider(stack, "kong", {});
      const r: TerraformResource = new Cls(stack, "r", sampleConfig(resources[type].block));
      expect(r.terraformResourceType).toBe(type);
      const json = synth(stack);
      // THEN the JSON holds that resource type with exactly the schema's attribute and block names
      const body = json.resource[type].r;
      expect(actualKeys(body, resources[type].block).filter((k) => k !== "provider")).toEqual(expectedKeys(resources[type].block));
    });
  });
});
