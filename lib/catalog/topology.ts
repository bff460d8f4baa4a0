import { authenticationText, gpuText, replicasText } from "./describe";
import type { ApiEntry, CatalogData, WorkloadInfo } from "./types";

/** Most APIs drawn: beyond, one node counts the rest (the catalog lists them all; a huge diagram helps nobody). */
export const MAX_DRAWN_APIS = 40;

/** Mermaid node ids: letters, digits and `_`, unique in the diagram. */
class Ids {
  private readonly used = new Set<string>();

  public make(prefix: string, name: string): string {
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

/** A quoted Mermaid label with line breaks. */
function label(...lines: Array<string | undefined>): string {
  return `"${lines
    .filter((l): l is string => l !== undefined && l !== "")
    .map((l) => l.replace(/"/g, "#quot;"))
    .join("<br/>")}"`;
}

/**
 * The topology as a Mermaid flowchart: clients -> Kong's proxy VIP (type, address) -> each route -> its Kong service ->
 * the model Deployments (pods or autoscaling range, GPUs, canary share) -> and Kong's PostgreSQL, which holds the
 * configuration of every route and service. Routes and services sit in Kong (configured by the gateway stack);
 * Deployments in their namespaces.
 */
export function topologyMermaid(data: CatalogData): string {
  const ids = new Ids();
  const lines = ["flowchart LR", "  %% Generated at synth by kong-ai-platform from the app's constructs. Do not edit."];
  const p = data.proxy;
  const clients = p?.sourceRanges ? p.sourceRanges.join(", ") : "every address";
  lines.push(`  clients([${label("Clients", p?.type === "LoadBalancer" ? clients : undefined)}])`);
  const address = p ? (p.address ?? "address assigned at apply") : undefined;
  lines.push(`  proxy{{${label("Kong proxy VIP", p ? `${p.type}, ${address}` : undefined, p ? `http :${p.httpPort}, https :${p.httpsPort}` : undefined)}}}`);
  lines.push("  clients --> proxy");
  const drawn = data.apis.slice(0, MAX_DRAWN_APIS);
  const k = data.kong;
  const kongTitle = k ? `Kong ${k.image}, ${replicasText(k.replicas)}; configured by stack ${data.gatewayStack}` : `Kong, configured by stack ${data.gatewayStack}`;
  lines.push(`  subgraph kong[${label(kongTitle)}]`, "    direction LR");
  const edges: string[] = [];
  const byNamespace = new Map<string, string[]>();
  for (const api of drawn) drawApi(api, ids, lines, edges, byNamespace);
  if (data.apis.length > drawn.length) {
    lines.push(`    more([${label(`${data.apis.length - drawn.length} more APIs: see catalog.md`)}])`);
    edges.push("  proxy --> more");
  }
  lines.push("  end");
  for (const [namespace, nodes] of [...byNamespace.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  subgraph ${ids.make("ns", namespace)}[${label(`namespace ${namespace}`)}]`, ...nodes, "  end");
  }
  const db = data.database;
  if (db) {
    lines.push(`  db[(${label(`PostgreSQL (${db.kind})`, `${db.host}:${db.port}`, `database ${db.database}${db.ssl ? ", TLS" : ""}`)})]`);
    edges.push(`  kong -.->|${label("configuration")}| db`);
  }
  return [...lines, ...edges, ""].join("\n");
}

function drawApi(api: ApiEntry, ids: Ids, lines: string[], edges: string[], byNamespace: Map<string, string[]>): void {
  const service = ids.make("svc", api.name);
  const s = api.service;
  const role = api.kind === "admin" ? "Kong's Admin API, for operators" : undefined;
  lines.push(`    ${service}[${label(`service ${s.name}`, role, s.host ? `${s.protocol}://${s.host}:${s.port}` : undefined)}]`);
  for (const r of api.routes) {
    const route = ids.make("route", r.name);
    const only = r.protocols.join("+") === "http+https" ? "" : ` (${r.protocols.join(", ")} only)`;
    const what = `${(r.methods ?? ["any"]).join(", ")} ${[...r.paths, ...r.regexPaths].join(", ") || "/"}${only}`;
    lines.push(`    ${route}[${label(`route ${r.name}`, what, r.hosts.length > 0 ? `on ${r.hosts.join(", ")}` : undefined, authenticationText(r.authentication))}]`);
    edges.push(`  proxy --> ${route}`, `  ${route} --> ${service}`);
  }
  const node = (w: WorkloadInfo, role: string | undefined) => {
    const id = ids.make("deploy", w.deployment);
    const nodes = byNamespace.get(w.namespace) ?? [];
    nodes.push(`    ${id}[${label(`Deployment ${w.deployment}${role ? ` (${role})` : ""}`, w.image, replicasText(w.replicas), gpuText(w))}]`);
    byNamespace.set(w.namespace, nodes);
    return id;
  };
  if (api.workload) {
    const stable = node(api.workload, undefined);
    if (api.canary) {
      const canary = node(api.canary, "canary");
      edges.push(`  ${service} -->|${label(`${Math.round((100 - api.canary.weightPercent) * 10) / 10}%`)}| ${stable}`);
      edges.push(`  ${service} -->|${label(`${api.canary.weightPercent}%`)}| ${canary}`);
    } else {
      edges.push(`  ${service} --> ${stable}`);
    }
  }
}
