// kong-ai-platform/testing: helpers for the tests of an app built with this library (jest or any other runner).
import { App, TerraformStack, Testing } from "cdktf";
import { validationLines } from "../app/synthesize";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped: tests read it freely */

/** One synthesized stack: Terraform JSON (`resource`, `output`, `variable`, `provider`, `terraform`, ...). */
export type SynthesizedStack = Record<string, any>;

/**
 * Builds an app for a test and synthesizes every stack with validations, as `synthesize()` would (but without
 * writing files): stack name -> JSON. Throws the problems of an invalid app (see `validationProblems`).
 * ```ts
 * const stacks = synthStacks((app) => buildPlatform(app));
 * expect(Object.keys(stacks)).toEqual(["acme-platform-dev", "acme-gateway-dev"]);
 * ```
 */
export function synthStacks(build: (app: App) => unknown): Record<string, SynthesizedStack> {
  const app = Testing.app();
  build(app);
  return Object.fromEntries(stacksOf(app).map((s) => [s.node.id, JSON.parse(Testing.synth(s, true))]));
}

/** The resources of one type in a synthesized stack, e.g. `resources(stack, "kubernetes_deployment_v1")`. */
export function resources(stack: SynthesizedStack, type: string): any[] {
  return Object.values<any>(stack.resource?.[type] ?? {});
}

/**
 * The Kubernetes object of a type with a `metadata.name`, e.g. `kubernetesObject(stack, "kubernetes_service_v1",
 * "kong-proxy")`; throws, listing the names there are, when there is none.
 */
export function kubernetesObject(stack: SynthesizedStack, type: string, name: string): any {
  const all = resources(stack, type);
  const found = all.find((r) => r?.metadata?.name === name);
  if (found === undefined) {
    throw new Error(`no ${type} named ${JSON.stringify(name)}; there are: ${all.map((r) => JSON.stringify(r?.metadata?.name)).join(", ") || "none"}`);
  }
  return found;
}

/**
 * The problems `synthesize()` would print for this app, one line each (`[construct path] field (value) what is
 * allowed`), or `[]` when it is valid. Errors that are not about the input are thrown.
 * ```ts
 * expect(validationProblems((app) => buildPlatform(app, { environment: "Dev" }))).toEqual([
 *   '[acme] environment ("Dev") must be a DNS-1123 label: ...',
 * ]);
 * ```
 */
export function validationProblems(build: (app: App) => unknown): string[] {
  try {
    const app = Testing.app();
    build(app);
    for (const stack of stacksOf(app)) Testing.synth(stack, true);
    return [];
  } catch (error) {
    const lines = validationLines(error);
    if (lines === undefined) throw error;
    return lines;
  }
}

function stacksOf(app: App): TerraformStack[] {
  return app.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack);
}
