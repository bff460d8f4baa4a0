import { PluginHost } from "../gateway/plugin-host";
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
    return host.names.map((name) => ({ name, scope, config: this.config(host.resourceOf(name)?.configJsonInput) }));
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

  private config(json: string | undefined): Readonly<Record<string, unknown>> {
    if (json === undefined) return {};
    let config = this.parsed.get(json);
    if (config === undefined) {
      const value: unknown = JSON.parse(json);
      config = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      this.parsed.set(json, config);
    }
    return config;
  }
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
