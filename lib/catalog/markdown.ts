import { curlSession } from "./curl";
import { authenticationText, cacheText, corsText, gpuText, rateLimitText, replicasText, sizeText } from "./describe";
import type { ApiEntry, CatalogData, ConsumerEntry, CredentialInfo, HealthCheckInfo, RouteEntry } from "./types";

/** A table cell: `|` and line breaks would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function code(text: string): string {
  return `\`${text}\``;
}

function table(rows: ReadonlyArray<readonly [string, string | undefined]>): string[] {
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined);
  return ["| | |", "| --- | --- |", ...present.map(([k, v]) => `| ${k} | ${cell(v)} |`)];
}

/**
 * The API catalog in Markdown: the proxy, Kong and its database; per API (model) its service, Deployments, canary,
 * health checks and a table of its routes with their policies; per consumer its groups, credentials (where each is
 * published), limits and the APIs it may call; then one curl command per route.
 */
export function catalogMarkdown(data: CatalogData): string {
  const out = [
    `# API catalog: ${data.title}`,
    "",
    `Generated at synth by kong-ai-platform from the Kong configuration of stack ${code(data.gatewayStack)}: the plugins`,
    "actually attached to each route, service, consumer and to the gateway. Do not edit: the next synth rewrites it.",
    "Next to it: `openapi.json` (OpenAPI 3.1), `catalog.json` (these facts as data), `topology.mmd` (Mermaid).",
    "",
    ...proxySection(data),
    `## APIs (${data.apis.length})`,
    "",
    ...data.apis.flatMap(apiSection),
    `## Consumers (${data.consumers.length})`,
    "",
    ...(data.consumers.length === 0 ? ["None.", ""] : data.consumers.flatMap(consumerSection)),
    "## Calling the APIs",
    "",
    "One request per route (`input` is the body the model expects):",
    "",
    "```sh",
    curlSession(data),
    "```",
    "",
  ];
  return out.join("\n");
}

function proxySection(data: CatalogData): string[] {
  const p = data.proxy;
  const global = data.globalPlugins.map((x) => x.name).join(", ") || "none";
  if (!p) return ["## Gateway", "", ...table([["global plugins", global]]), ""];
  const address = p.address ?? `assigned at apply: output ${code(p.addressOutput.name)} of stack ${code(p.addressOutput.stack)}`;
  const k = data.kong;
  const db = data.database;
  return [
    "## Proxy",
    "",
    ...table([
      ["Service", `${p.type}, address ${address}`],
      ["inside the cluster", code(p.inClusterHost)],
      ["ports", `http ${p.httpPort}, https ${p.httpsPort}`],
      ["client networks", p.type === "LoadBalancer" ? (p.sourceRanges ?? ["every address"]).join(", ") : undefined],
      ["certificate", p.tlsHosts ? `for ${p.tlsHosts.join(", ")}` : "none: Kong's self-signed default on https"],
      ["Kong", k ? `${k.image} in ${k.namespace}, ${replicasText(k.replicas)}` : undefined],
      ["PostgreSQL", db ? `${db.kind}: ${db.host}:${db.port}, database ${db.database}, TLS ${db.ssl ? "on" : "off"}` : undefined],
      ["global plugins", global],
    ]),
    "",
  ];
}

function apiSection(api: ApiEntry): string[] {
  const s = api.service;
  const backend = s.host ? `${s.protocol}://${s.host}:${s.port}` : "configured elsewhere";
  const w = api.workload;
  const c = api.canary;
  const u = api.upstream;
  return [
    `### ${api.name}`,
    "",
    ...table([
      ["what", api.kind === "admin" ? "Kong's Admin API, published through the proxy for the platform's operators (not in openapi.json)" : undefined],
      ["Kong service", `${code(s.name)} -> ${backend}${s.plugins.length > 0 ? `; plugins ${s.plugins.join(", ")}` : ""}`],
      ["Deployment", w ? `${w.namespace}/${w.deployment}: ${w.image}, ${[replicasText(w.replicas), gpuText(w)].filter(Boolean).join(", ")}` : undefined],
      ["canary", c ? `${c.namespace}/${c.deployment}: ${c.image}, ${replicasText(c.replicas)}, ${c.weightPercent}% of requests` : w ? "none" : undefined],
      ["upstream", u ? `${u.name}: ${u.targets.map((t) => `${t.target} (weight ${t.weight}${t.percent === undefined ? "" : `, ${t.percent}%`})`).join(", ")}` : undefined],
      ["health checks", u ? healthText(u.healthChecks) : undefined],
    ]),
    "",
    "| route | matches | authentication | allowed groups | rate limit | payload limit | CORS | cache |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...api.routes.map(routeRow),
    "",
  ];
}

function routeRow(r: RouteEntry): string {
  const paths = [...r.paths, ...r.regexPaths];
  const matches = [
    (r.methods ?? ["any method"]).join(", "),
    paths.length > 0 ? paths.map(code).join(", ") : "any path",
    r.hosts.length > 0 ? `on ${r.hosts.join(", ")}` : undefined,
    Object.keys(r.headers).length > 0 ? `with ${Object.entries(r.headers).map(([h, v]) => `${h}: ${v.join("/")}`).join(", ")}` : undefined,
    `(${r.protocols.join(", ")})`,
  ];
  const groups = r.acl?.allow ? r.acl.allow.join(", ") : r.acl?.deny ? `all but ${r.acl.deny.join(", ")}` : r.authentication.mode === "none" ? "anyone" : "every consumer";
  const cells = [
    code(r.name),
    matches.filter(Boolean).join(" "),
    authenticationText(r.authentication),
    groups,
    r.rateLimit ? rateLimitText(r.rateLimit) : "none",
    r.requestSizeLimit ? sizeText(r.requestSizeLimit) : "none",
    r.cors ? corsText(r.cors) : "none",
    r.cache ? cacheText(r.cache) : "none",
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

function healthText(h: HealthCheckInfo): string {
  const parts: string[] = [];
  if (h.active) {
    parts.push(`active: ${h.active.type} GET ${h.active.path} every ${h.active.healthyIntervalSeconds} s (healthy targets), ${h.active.unhealthyIntervalSeconds} s (unhealthy ones)`);
  } else {
    parts.push("no active probes");
  }
  if (h.passive) {
    const p = h.passive;
    const counts = [
      [p.httpFailures, "HTTP failures"],
      [p.timeouts, "timeouts"],
      [p.tcpFailures, "TCP failures"],
    ] as const;
    parts.push(`passive: a target is taken out after ${counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(" or ")}`);
    if (!h.active) parts.push("only an active probe or an Admin API call brings it back");
  }
  return parts.join("; ");
}

function consumerSection(c: ConsumerEntry): string[] {
  const ids = [c.username ? `username ${code(c.username)}` : undefined, c.customId ? `custom_id ${code(c.customId)}` : undefined];
  const others = c.plugins.filter((p) => p !== "rate-limiting");
  return [
    `### ${c.name}`,
    "",
    ...table([
      ["identity", ids.filter(Boolean).join(", ")],
      ["groups", c.groups.join(", ") || "none"],
      ["credentials", c.credentials.length > 0 ? c.credentials.map(credentialText).join("; ") : "none"],
      ["own rate limit", c.rateLimit ? `${rateLimitText(c.rateLimit)}: Kong applies it instead of each route's rate limit` : "none: each route's"],
      ["other plugins", others.length > 0 ? others.join(", ") : undefined],
      ["may call", c.apis.join(", ") || "nothing in this app (its groups may be another app's, e.g. a model team's)"],
    ]),
    "",
  ];
}

function credentialText(cr: CredentialInfo): string {
  const where = cr.published.map((p) => {
    const places = [
      p.secret ? `Secret ${p.secret.namespace}/${p.secret.name} key ${code(p.key)}` : undefined,
      p.output ? `output ${code(p.output.name)} (stack ${p.output.stack})` : undefined,
    ];
    return places.filter(Boolean).join(", ");
  });
  return `${cr.kind} ${code(cr.id)}: ${where.length > 0 ? where.join("; ") : "not published"}`;
}
