import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { PluginHost } from "../gateway/plugin-host";
import { resolvedIn } from "./read-kubernetes";
import type { PluginScope } from "./types";

/** A plugin as Kong receives it: its name, its config (parsed from the kong_plugin's `config_json`) and its scope. */
export interface AttachedPlugin {
  readonly name: string;
  readonly scope: PluginScope;
  readonly config: Readonly<Record<string, unknown>>;
}

/** Plugin name -> the plugin Kong runs for a request (the most specific scope's). */
export type EffectivePlugins = ReadonlyMap<string, AttachedPlugin>;

/**
 * Reads the plugins attached to scopes, from the kong_plugin resources themselves (what Kong is sent, whatever
 * made them). Configs are parsed once per distinct JSON text: identical policies share one object.
 */
export class PluginReader {
  private readonly parsed = new Map<string, Readonly<Record<string, unknown>>>();

  /** The plugins attached to one scope, in attachment order. */
  public attached(host: PluginHost, scope: PluginScope): AttachedPlugin[] {
    return host.names.map((name) => {
      const resource = host.resourceOf(name);
      return { name, scope, config: this.config(resource, resource?.configJsonInput) };
    });
  }

  /**
   * The plugins Kong runs for a request on a route, without a consumer-scoped plugin: for each plugin name, the route's,
   * else the service's, else the global one (`kong/runloop/plugins_iterator.lua` lookup_cfg; a consumer's own plugin
   * takes precedence over all three for that consumer).
   */
  public effective(route: PluginHost, service: PluginHost, global: PluginHost): Map<string, AttachedPlugin> {
    const out = new Map<string, AttachedPlugin>();
    for (const [host, scope] of [
      [route, "route"],
      [service, "service"],
      [global, "global"],
    ] as const) {
      for (const plugin of this.attached(host, scope)) if (!out.has(plugin.name)) out.set(plugin.name, plugin);
    }
    return out;
  }

  private config(resource: IConstruct | undefined, json: string | undefined): Readonly<Record<string, unknown>> {
    if (json === undefined || resource === undefined) return {};
    let config = this.parsed.get(json);
    if (config === undefined) {
      const value: unknown = JSON.parse(Token.isUnresolved(json) ? withReferencesQuoted(resource, json) : json);
      config = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      this.parsed.set(json, config);
    }
    return config;
  }
}

/** cdktf's marker of an unresolved value inside a string. */
const TOKEN_MARKER = /^\$\{TfToken\[[^\]]+\]\}/;

/**
 * A `config_json` holding references, as JSON with each reference as its expression (`${var.name}`): a string
 * reference sits inside a JSON string; a list or map reference is spliced in bare (`${jsonencode(...)}`, see
 * `configJsonOf`) and becomes a string holding its expression, so a list field reads as its default.
 */
function withReferencesQuoted(scope: IConstruct, json: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    const marker = ch === "$" ? TOKEN_MARKER.exec(json.slice(i)) : null;
    if (marker !== null) {
      const expression = JSON.stringify(String(resolvedIn(scope, marker[0])));
      out += inString ? expression.slice(1, -1) : expression;
      i += marker[0].length - 1;
      continue;
    }
    out += ch;
    if (inString && ch === "\\") out += json[++i] ?? "";
    else if (ch === '"') inString = !inString;
  }
  return out;
}

/** A config field as a string list (absent, null or not a list: `fallback`). */
export function stringList(config: Readonly<Record<string, unknown>>, key: string, fallback: readonly string[] = []): readonly string[] {
  const value = config[key];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : fallback;
}

/** A config field as a boolean (absent or null: Kong's default `fallback`). */
export function flag(config: Readonly<Record<string, unknown>>, key: string, fallback: boolean): boolean {
  const value = config[key];
  return typeof value === "boolean" ? value : fallback;
}

/** A config field as a number (absent or null: `fallback`). */
export function numberOf(config: Readonly<Record<string, unknown>>, key: string, fallback: number): number {
  const value = config[key];
  return typeof value === "number" ? value : fallback;
}

/** A config field as a string (absent, null or empty: `fallback`). */
export function textOf(config: Readonly<Record<string, unknown>>, key: string, fallback: string): string {
  const value = config[key];
  return typeof value === "string" && value !== "" ? value : fallback;
}
