// What must hold of every outcome of the fuzzer: a refused configuration is refused with a ValidationError that
// names a field (or the same lines from a synth-time validation); an accepted one synthesizes to JSON with no literal
// secret, no route without a matcher, no unset value rendered as text or null, valid Kubernetes keys and values, and
// restricted pods with requests and limits.
import { validationLines } from "../../lib/app/synthesize";
import { ValidationError } from "../../lib/core/errors";
import { SECRET } from "./values";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** A line of a refused configuration: `[path] field (value) what is wrong`. */
const PROBLEM_LINE = /^\[.*\] \S[^\n]* \([^\n]*\) \S[^\n]*$/;

/** Why an error is not an acceptable refusal, or undefined when it is one. */
export function errorComplaint(error: unknown): string | undefined {
  if (error instanceof ValidationError) {
    if (error.problems.length === 0) return "a ValidationError without problems";
    const unnamed = error.problems.filter((p) => typeof p.field !== "string" || p.field.trim() === "" || typeof p.message !== "string" || p.message === "");
    if (unnamed.length > 0) return `a ValidationError with a problem that names no field: ${JSON.stringify(unnamed)}`;
    const bad = error.message.split("\n").filter((line) => !PROBLEM_LINE.test(line));
    return bad.length > 0 ? `a ValidationError line out of format: ${bad.join(" | ")}` : undefined;
  }
  const lines = validationLines(error);
  if (lines !== undefined) {
    const bad = lines.filter((line) => !PROBLEM_LINE.test(line));
    return bad.length > 0 ? `a synth-time validation that is not one of ours: ${bad.join(" | ")}` : undefined;
  }
  const e = error as Error;
  return `${e?.name ?? typeof error}: ${e?.message ?? String(error)}\n${(e?.stack ?? "").split("\n").slice(1, 8).join("\n")}`;
}

/** Every violation of the invariants in the synthesized stacks (stack id -> JSON). */
export function violations(stacks: Record<string, any>): string[] {
  const out: string[] = [];
  for (const [stackId, json] of Object.entries(stacks)) {
    const at = (where: string, what: string) => out.push(`${stackId} ${where}: ${what}`);
    const text = JSON.stringify(json);
    if (text.includes(SECRET)) at("", "a literal secret reached the JSON");
    walk(json, "", at, false);
    for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
      for (const [name, resource] of Object.entries<any>(byName)) {
        const where = `${type}.${name}`;
        if (type === "kong_plugin") checkPluginConfig(resource, where, at);
        if (type === "kong_route") checkRoute(resource, where, at);
        if (type === "kong_consumer_key_auth" && !isReference(resource.key)) at(where, "a key-auth key that is not a reference");
        if (type === "kong_consumer_jwt_auth" && resource.secret !== undefined && !isReference(resource.secret)) at(where, "a JWT secret that is not a reference");
        if (type === "kubernetes_secret_v1") {
          for (const [k, v] of Object.entries<any>(resource.data ?? {})) if (/secret|key-auth|password/.test(k) && !isReference(v)) at(where, `Secret data ${k} that is not a reference`);
        }
        if (type.startsWith("kubernetes_")) checkKubernetes(resource, where, at);
      }
    }
  }
  return out;
}

/**
 * Every violation in the rendered API catalogs (catalog path -> file name -> text): they are read from the same
 * constructs as the JSON and published to the teams that call the models, so they hold no secret, no unset value
 * rendered as text, and the OpenAPI document and catalog.json are JSON.
 */
export function catalogViolations(catalogs: Record<string, Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [path, files] of Object.entries(catalogs)) {
    for (const [name, text] of Object.entries(files)) {
      const at = (what: string) => out.push(`catalog ${path}/${name}: ${what}`);
      if (text.includes(SECRET)) at("a literal secret reached the catalog");
      const unset = /\b(undefined|NaN)\b|\[object Object\]|\$\{TfToken/.exec(text);
      if (unset !== null) at(`${JSON.stringify(unset[0])} where a value belongs: ...${JSON.stringify(text.slice(Math.max(0, unset.index - 60), unset.index + 40))}...`);
      if (name.endsWith(".json")) {
        try {
          JSON.parse(text);
        } catch (e) {
          at(`not JSON: ${(e as Error).message}`);
        }
      }
    }
  }
  return out;
}

const isReference = (v: unknown) => typeof v === "string" && v.startsWith("${") && v.endsWith("}");
/** A value holding a reference (`${var.name}-data`): known at apply time only, checked by Kubernetes then. */
const holdsReference = (v: unknown) => typeof v === "string" && v.includes("${");

/** Unset values rendered as text or null, unresolved token markers, numbers mangled by arithmetic on references. */
function walk(value: unknown, path: string, at: (where: string, what: string) => void, inConfig: boolean): void {
  if (typeof value === "string") {
    if (/(^|[^A-Za-z])(undefined|NaN|Infinity)([^A-Za-z]|$)/.test(value)) at(path, `an unset value rendered as text: ${JSON.stringify(value)}`);
    if (/TfToken|\[object Object\]/.test(value)) at(path, `an unresolved reference or object rendered as text: ${JSON.stringify(value)}`);
    if (/-?\d\.\d+e\+\d{3}/.test(value)) at(path, `a reference used in arithmetic or concatenated as a number: ${JSON.stringify(value)}`);
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Math.abs(value) > 2 ** 53) at(path, `a number no field takes (arithmetic on a reference?): ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === null || item === undefined) at(`${path}[${i}]`, "null in a list");
      else walk(item, `${path}[${i}]`, at, inConfig);
    });
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      // a plugin's config may hold null for an unset option (Kong's own rendering of "no value")
      if (item === null && !inConfig) at(`${path}.${key}`, "null where a value belongs");
      else if (item !== null) walk(item, `${path}.${key}`, at, inConfig);
    }
  }
}

function checkPluginConfig(resource: any, where: string, at: (where: string, what: string) => void): void {
  const text: unknown = resource.config_json;
  if (typeof text !== "string") return at(where, "config_json is not a string");
  if (text.startsWith("${")) return; // a config with list or map references: rendered by Terraform's jsonencode
  // references are spliced in as interpolations: replace them before parsing
  const parsed = JSON.parse(text.replace(/"?\$\{[^}]*\}"?/g, '"<ref>"'));
  walk(parsed, `${where}.config_json`, at, true);
}

const MATCHERS = ["paths", "methods", "hosts", "headers", "header", "snis", "sources", "destinations"];

function checkRoute(route: any, where: string, at: (where: string, what: string) => void): void {
  const present = MATCHERS.filter((m) => route[m] !== undefined);
  for (const m of present) if (Array.isArray(route[m]) && route[m].length === 0) at(where, `an empty ${m} list (matches nothing, or everything)`);
  if (!present.some((m) => !Array.isArray(route[m]) || route[m].length > 0)) at(where, "a route without a matcher");
}

// ---- Kubernetes ----
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function qualifiedName(key: string): boolean {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && NAME_PART.test(name);
}

const blocks = (v: any): any[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function checkLabels(map: any, where: string, at: (where: string, what: string) => void, values = true): void {
  if (map === undefined || holdsReference(map)) return;
  for (const [k, v] of Object.entries<any>(map)) {
    if (!qualifiedName(k)) at(where, `invalid key ${JSON.stringify(k)}`);
    if (values && !holdsReference(v) && (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v))) at(where, `invalid label value ${JSON.stringify(v)} of ${k}`);
  }
}

function checkKubernetes(resource: any, where: string, at: (where: string, what: string) => void): void {
  for (const metadata of blocks(resource.metadata)) {
    const name = metadata.name;
    if (name !== undefined && !holdsReference(name) && (typeof name !== "string" || name.length > 253 || !DNS_SUBDOMAIN.test(name))) at(where, `invalid name ${JSON.stringify(name)}`);
    const ns = metadata.namespace;
    if (ns !== undefined && !holdsReference(ns) && (typeof ns !== "string" || ns.length > 63 || !DNS_LABEL.test(ns))) at(where, `invalid namespace ${JSON.stringify(ns)}`);
    checkLabels(metadata.labels, `${where}.metadata.labels`, at);
    checkLabels(metadata.annotations, `${where}.metadata.annotations`, at, false);
  }
  visitSelectors(resource.spec, `${where}.spec`, at);
  for (const spec of blocks(resource.spec)) {
    const template = blocks(spec?.template)[0] ?? blocks(blocks(spec?.job_template)[0]?.spec)[0]?.template;
    if (template !== undefined) checkPod(blocks(template)[0], `${where}.spec.template`, at);
  }
}

/** Every `match_labels` and `node_selector` under a spec: valid keys and values. */
function visitSelectors(value: any, where: string, at: (where: string, what: string) => void): void {
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries<any>(value)) {
    if (k === "match_labels" || k === "node_selector" || k === "selector") {
      if (v !== null && typeof v === "object" && !Array.isArray(v) && !("match_labels" in v)) checkLabels(v, `${where}.${k}`, at);
    }
    if (k === "toleration") for (const t of blocks(v)) if (typeof t.key === "string" && !isReference(t.key) && !qualifiedName(t.key)) at(where, `invalid toleration key ${JSON.stringify(t.key)}`);
    visitSelectors(v, `${where}.${k}`, at);
  }
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function checkPod(template: any, where: string, at: (where: string, what: string) => void): void {
  const spec = blocks(template?.spec)[0];
  if (spec === undefined) return at(where, "a pod template without a spec");
  const pod = blocks(spec.security_context)[0] ?? {};
  if (pod.run_as_non_root !== true) at(where, "a pod that may run as root");
  if (blocks(pod.seccomp_profile)[0]?.type !== "RuntimeDefault") at(where, "a pod without the RuntimeDefault seccomp profile");
  if (spec.automount_service_account_token !== false) at(where, "a pod that mounts a service-account token");
  for (const container of [...blocks(spec.container), ...blocks(spec.init_container)]) {
    const c = `${where}.container.${container.name}`;
    const sc = blocks(container.security_context)[0] ?? {};
    if (sc.allow_privilege_escalation !== false) at(c, "privilege escalation allowed");
    if (sc.read_only_root_filesystem !== true) at(c, "a writable root filesystem");
    if (!blocks(blocks(sc.capabilities)[0]?.drop).flat().includes("ALL")) at(c, "capabilities not all dropped");
    if (sc.privileged === true) at(c, "a privileged container");
    const resources = blocks(container.resources)[0] ?? {};
    const requests = resources.requests ?? {};
    const limits = resources.limits ?? {};
    if (requests.cpu === undefined || requests.memory === undefined) at(c, "no cpu or memory request");
    if (limits.memory === undefined) at(c, "no memory limit");
    for (const r of ["cpu", "memory"]) {
      const req = quantityOf(requests[r]);
      const lim = quantityOf(limits[r]);
      if (req !== undefined && lim !== undefined && req > lim) at(c, `a ${r} request (${requests[r]}) above its limit (${limits[r]})`);
      if (requests[r] !== undefined && !holdsReference(requests[r]) && req === undefined) at(c, `a ${r} request that is not a quantity: ${JSON.stringify(requests[r])}`);
      if (limits[r] !== undefined && !holdsReference(limits[r]) && lim === undefined) at(c, `a ${r} limit that is not a quantity: ${JSON.stringify(limits[r])}`);
    }
    for (const key of Object.keys(limits)) if (!["cpu", "memory"].includes(key) && !qualifiedName(key)) at(c, `invalid resource name ${JSON.stringify(key)}`);
    for (const key of Object.keys(limits)) if (!["cpu", "memory", "ephemeral-storage"].includes(key) && !key.includes("/")) at(c, `a limit on ${JSON.stringify(key)}, not an extended resource`);
    for (const env of blocks(container.env)) if (!ENV_NAME.test(env.name)) at(c, `invalid environment variable name ${JSON.stringify(env.name)}`);
  }
}

const SUFFIX: Record<string, number> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** The value of a Kubernetes quantity (`500m`, `1Gi`), or undefined for a reference or anything else. */
function quantityOf(value: unknown): number | undefined {
  const m = typeof value === "string" ? /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value) : null;
  return m ? Number(m[1]) * SUFFIX[m[2] ?? ""] : undefined;
}

/**
 * Where an accepted case held null (outside a custom plugin's raw config, the one place Kong's own null is a value):
 * no option of the library takes null, so a case holding one must be refused. Undefined for none.
 */
export function acceptedNull(value: unknown, path = "case"): string | undefined {
  if (value === null) return path;
  if (value === undefined || typeof value !== "object") return undefined;
  const d = value as Record<string, unknown>;
  if (d.$policy === "custom") return undefined;
  for (const [key, item] of Object.entries(d)) {
    const found = acceptedNull(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
