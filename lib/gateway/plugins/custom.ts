import { ProblemRecorder } from "../validation";
import { ConsumerScopablePolicy } from "./base";

/** Kong plugin names: lowercase letters, digits and '-' (as in kong/plugins/<name>). */
const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Any other plugin, by name and config (already in Kong's snake_case form). The config is NOT validated: Kong is the
 * first to see mistakes, at `terraform apply`. The name is checked, and a name Kong marks `no_consumer`
 * (basic-auth, oauth2, ...) is still refused on a consumer when attached. Prefer a typed factory when one exists.
 */
export function custom(name: string, config: Record<string, unknown> = {}): ConsumerScopablePolicy {
  const v = new ProblemRecorder("custom");
  if (typeof name !== "string" || !PLUGIN_NAME.test(name)) {
    v.add("name", name, "must be a Kong plugin name: lowercase letters, digits and '-', e.g. basic-auth");
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    v.add("config", config, "must be an object (the plugin's config in Kong's snake_case form)");
  }
  let json: string | undefined;
  if (v.isEmpty) {
    try {
      json = JSON.stringify(config);
    } catch {
      v.add("config", "<unserializable>", "must be JSON-serializable");
    }
  }
  return new ConsumerScopablePolicy({
    name: v.isEmpty ? name : String(name),
    label: "custom",
    config: v.isEmpty && json !== undefined ? config : {},
    problems: v.items,
    validated: false,
  });
}
