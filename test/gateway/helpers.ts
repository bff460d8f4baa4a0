import { App, TerraformStack, Testing } from "cdktf";
import { KongGateway } from "../../lib/gateway/gateway";
import { PluginPolicy } from "../../lib/gateway/plugins/plugin";
import { GatewayService } from "../../lib/gateway/service";
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
