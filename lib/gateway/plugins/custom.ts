import { isToken, noLiteralSecrets } from "../../core/checks";
import { Problems, ProblemRecorder } from "../../core/errors";
import { PolicySpec } from "./render";

/** Kong plugin names: lowercase letters, digits and '-' (as in kong/plugins/<name>). */
const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Any other plugin, by name and config (already in Kong's snake_case form). The config is NOT validated: Kong is the
 * first to see mistakes, at `terraform apply`. The name is checked, a name Kong marks `no_consumer` (basic-auth,
 * oauth2, ...) is still refused on a consumer when attached, and literal values under secret-looking keys
 * (`password`, `client_secret`, `api_key`, ... at any depth) are refused: config_json is stored in plain text, so
 * pass a sensitive Terraform variable's reference instead. Prefer a typed factory when one exists.
 */
export function custom(name: string, config: Record<string, unknown> = {}): PolicySpec {
  const v = new ProblemRecorder("custom");
  if (typeof name !== "string" || !PLUGIN_NAME.test(name)) {
    v.add("name", name, "must be a Kong plugin name: lowercase letters, digits and '-', e.g. basic-auth");
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    v.add("config", config, "must be an object (the plugin's config in Kong's snake_case form)");
  } else {
    noSecretsIn(v, "config", config);
  }
  let json: string | undefined;
  if (v.isEmpty) {
    try {
      json = JSON.stringify(config);
    } catch {
      v.add("config", "<unserializable>", "must be JSON-serializable");
    }
  }
  return {
    name: v.isEmpty ? name : String(name),
    label: "custom",
    config: v.isEmpty && json !== undefined ? config : {},
    problems: v.items,
  };
}

const SECRET_HINT =
  'pass the reference of a sensitive Terraform variable instead, e.g. new TerraformVariable(stack, "client_secret", { type: "string", sensitive: true }).stringValue';

/**
 * `noLiteralSecrets` at every depth, through nested objects and lists: each object's own scalar values are checked
 * once (numbers too: a numeric password is still a literal), then its object and list values are walked.
 */
function noSecretsIn(v: Problems, field: string, value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== "object" || isToken(value) || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => noSecretsIn(v, `${field}[${i}]`, item, seen));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const scalars: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (item === null || typeof item !== "object") scalars[key] = typeof item === "number" || typeof item === "bigint" ? String(item) : item;
  }
  noLiteralSecrets(v, field, scalars, SECRET_HINT);
  for (const [key, item] of entries) {
    if (item !== null && typeof item === "object") noSecretsIn(v, `${field}.${key}`, item, seen);
  }
}
