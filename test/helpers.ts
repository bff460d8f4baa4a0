// Helpers every test folder shares: stacks, synthesized JSON, resource look-ups, expected ValidationErrors.
// Builders of one domain (a gateway with a service, a Kong cluster on in-cluster PostgreSQL) stay next to their tests.
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { Problems, ValidationError } from "../lib/core/errors";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */
/** Synthesized Terraform JSON (or one object in it). */
export type Json = Record<string, any>;

/** A stack `id` in a fresh test app (`Testing.app()`: stubbed version, so snapshots are stable). */
export function newStack(id = "test"): TerraformStack {
  return new TerraformStack(Testing.app(), id);
}

/** `newStack` plus an empty Kubernetes provider, which stacks with `kubernetes_*` resources need to synthesize. */
export function kubernetesStack(id = "test"): TerraformStack {
  const stack = newStack(id);
  new KubernetesProvider(stack, "k8s", {});
  return stack;
}

/** The stack's Terraform JSON, parsed, after running its validations (`Testing.synth(stack, true)`). */
export function synth(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack, true));
}

/** Every stack an app builder creates, synthesized with validations: stack id -> JSON text (for snapshots). */
export function synthApp(build: (app: App) => unknown): Record<string, string> {
  const app = Testing.app();
  build(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(stacks.map((s) => [s.node.id, Testing.synth(s, true)]));
}

/** The resources of one type, in the order of their keys; none if the type is absent. */
export function resources(json: Json, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of a type; throws, naming the count, if there is not exactly one. */
export function only(json: Json, type: string): Json {
  const all = resources(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** The one resource of a type named `name`: `metadata.name` for Kubernetes objects, `name` for Kong entities. */
export function byName(json: Json, type: string, name: string): Json {
  const found = resources(json, type).filter((r) => (r.metadata?.name ?? r.name) === name);
  if (found.length !== 1) throw new Error(`expected one ${type} named ${JSON.stringify(name)}, found ${found.length}`);
  return found[0];
}

/** The Terraform address (`type.key`) of a resource object taken from `json`, e.g. to assert a `depends_on`. */
export function addressOf(json: Json, type: string, resource: Json): string {
  const entry = Object.entries(json.resource?.[type] ?? {}).find(([, r]) => r === resource);
  if (!entry) throw new Error(`the object is not a ${type} of this JSON`);
  return `${type}.${entry[0]}`;
}

/** Runs `f`, expecting it to throw a ValidationError, and returns it (any other outcome fails the test). */
export function validationError(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    // by name, not instanceof: a test may load the library twice (jest.isolateModules)
    if ((e as Error).name !== "ValidationError") throw e;
    return e as ValidationError;
  }
  throw new Error("expected a ValidationError, but nothing was thrown");
}

/** Runs `f`, expecting a ValidationError; returns its whole message (to compare exactly with `toBe`). */
export function errorOf(f: () => unknown): string {
  return validationError(f).message;
}

/**
 * Asserts that `f` throws a ValidationError with exactly `message` (all its lines). Unlike `toThrow(string)`, which
 * passes on any message containing the text, a changed path, value or extra problem fails.
 */
export function expectValidationError(f: () => unknown, message: string): void {
  expect(errorOf(f)).toBe(message);
}

/**
 * Synthesizes with validations, expecting cdktf to refuse the stack: returns what the `node.addValidation` checks
 * reported, one `[path] message` each, without cdktf's header and footer. A synth that passes fails the test.
 */
export function synthProblems(stack: TerraformStack): string[] {
  let error: Error | undefined;
  try {
    Testing.synth(stack, true);
  } catch (e) {
    error = e as Error;
  }
  if (error === undefined) throw new Error("expected the synth to fail its validations, but it passed");
  const report = /^Validation failed with the following errors:\n {2}([\s\S]*)\n\nIf you wish/.exec(error.message);
  if (!report) throw error;
  return report[1].split("\n  ");
}

/** Runs field checks against a fresh collector and returns what they reported, one `field (value) rule` each. */
export function problemsOf(check: (v: Problems) => void): string[] {
  const v = new Problems("test");
  check(v);
  return v.messages();
}
