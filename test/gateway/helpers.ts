import { App, TerraformStack, Testing } from "cdktf";
import { KongGateway } from "../../lib/gateway/gateway";
import { PluginPolicy } from "../../lib/gateway/plugins/plugin";
import { GatewayService } from "../../lib/gateway/service";
import { EchoMap, EchoMirror, EchoRecord, KONG_ECHO, REQUIRED } from "../../lib/gateway/plugins/kong-echo";
import { errorOf, resources, synth } from "../helpers";

// The general helpers (synth, resources, errorOf) live in test/helpers.ts; these are the gateway's own.
export { errorOf, resources, synth };
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

/** A stack with a gateway (literal admin URL) and one service "svc" (host models.local). */
export function setup(): { app: App; stack: TerraformStack; gw: KongGateway; svc: GatewayService } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  const gw = new KongGateway(stack, "gw", { adminUrl: "http://kong-admin:8001" });
  const svc = gw.addService("svc", { host: "models.local" });
  return { app, stack, gw, svc };
}


/** The parsed config of the one kong_plugin named `name`. */
export function pluginConfig(json: any, name: string): any {
  const found = resources(json, "kong_plugin").filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`expected one ${name} plugin, found ${found.length}`);
  return JSON.parse(found[0].config_json);
}

/** Attaches a policy to a fresh service and returns the rendered config. */
export function rendered(policy: PluginPolicy): any {
  const { stack, svc } = setup();
  svc.addPlugin(policy);
  return pluginConfig(synth(stack), policy.name);
}

/** Attaches a policy to a fresh service, expecting a ValidationError; returns its message. */
export function attachError(policy: PluginPolicy): string {
  const { svc } = setup();
  return errorOf(() => svc.addPlugin(policy));
}

/**
 * How a rendered plugin config differs from the fields Kong 3.9 echoes (the table in kong-echo.ts): keys missing or
 * unknown at any depth (records, and each entry of a map of records), and null in a field whose default is not null.
 * Empty for a config written in full. Plugins without a table entry (custom ones) give nothing.
 */
export function echoMismatches(name: string, config: any): string[] {
  const table = KONG_ECHO[name];
  return table === undefined ? [] : recordMismatches(name, table, config);
}

function recordMismatches(at: string, table: EchoRecord, config: any): string[] {
  if (config === null || typeof config !== "object" || Array.isArray(config)) return [`${at}: not a record`];
  const out: string[] = [];
  for (const key of Object.keys(config)) if (!(key in table.fields)) out.push(`${at}.${key}: not a field Kong knows`);
  for (const [key, field] of Object.entries(table.fields)) {
    const value = config[key];
    if (!(key in config)) out.push(`${at}.${key}: missing`);
    else if (field instanceof EchoRecord) out.push(...recordMismatches(`${at}.${key}`, field, value));
    else if (field instanceof EchoMap) {
      for (const [k, item] of Object.entries(value ?? {})) out.push(...recordMismatches(`${at}.${key}.${k}`, field.values, item));
    } else if (field instanceof EchoMirror) {
      if (JSON.stringify(value) !== JSON.stringify(config[field.record]?.[field.field])) out.push(`${at}.${key}: not a copy of ${field.record}.${field.field}`);
    } else if (value === null && field !== null) out.push(`${at}.${key}: null, but Kong's default is ${JSON.stringify(field === REQUIRED ? "required" : field)}`);
  }
  return out;
}
