import { createHash } from "node:crypto";
import { capturedHosts } from "./captured-hosts";
import { authenticationText, cacheText, corsText, rateLimitText, sizeText } from "./describe";
import { ResponseComponents } from "./openapi-responses";
import { SecuritySchemes } from "./openapi-security";
import type { ApiEntry, CatalogData, ProxyInfo, RouteEntry } from "./types";

type Json = Record<string, unknown>;

/** The methods an OpenAPI path item has operations for (3.1: no CONNECT, no custom methods). */
const OPENAPI_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** `info.version` until `openApiText` puts the document's hash there. */
const UNVERSIONED = "unversioned";

/**
 * The document as the file holds it (JSON, 2-space indent, final newline), its `info.version` the first 12 hex digits
 * of the SHA-256 of that text (with the version itself left out): it changes exactly when the document does. Hashing
 * the text it writes anyway spares a second serialization of a document that is megabytes at a thousand models.
 */
export function openApiText(data: CatalogData): string {
  const text = `${JSON.stringify(openApiDocument(data), null, 2)}\n`;
  const version = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return text.replace(`"version": "${UNVERSIONED}"`, `"version": "${version}"`);
}

/** A server: the URL clients call, with the variables of its unknown parts. */
interface Server {
  readonly url: string;
  readonly description: string;
  readonly variables?: Json;
}

/**
 * The OpenAPI 3.1 document of a catalog: one operation per HTTP route, path and method; servers from the proxy's
 * address (or each route's hosts); per operation the security Kong enforces (alternatives OR'ed, credentials within
 * one AND'ed), the responses its plugins send (401, 403, 411, 413, 429 with its headers) and `x-kong` with the route's
 * policies. Routes OpenAPI cannot express (regex paths, gRPC, TCP) are listed in `x-kong-unlisted-routes`.
 * `info.version` is "unversioned" here; `openApiText` renders the file, with the document's hash as its version.
 */
export function openApiDocument(data: CatalogData): Json {
  const security = new SecuritySchemes();
  const responses = new ResponseComponents();
  const defaultSchemes = schemesOfDocument(data.apis.filter((api) => api.kind !== "admin"));
  const paths = new Map<string, Json>();
  const unlisted: Json[] = [];
  const ownLimits = new Map<string, string[]>();
  for (const c of data.consumers) {
    if (c.rateLimit === undefined) continue;
    const text = `${c.name} (${c.rateLimit.windows.map((w) => `${w.limit}/${w.window}`).join(", ")})`;
    for (const api of c.apis) ownLimits.set(api, [...(ownLimits.get(api) ?? []), text]);
  }
  const apis = data.apis.filter((api) => api.kind !== "admin");
  const boundHosts = capturedHosts(data.apis);
  for (const api of data.apis) {
    if (api.kind === "admin") {
      for (const route of api.routes) unlisted.push({ route: route.name, api: api.name, reason: "Kong's Admin API: for the platform's operators, not its clients" });
      continue;
    }
    for (const route of api.routes) {
      const http = route.protocols.every((p) => p === "http" || p === "https");
      if (!http || route.regexPaths.length > 0) unlisted.push(unlistedRoute(api, route, http));
      if (!http) continue;
      const routePaths = route.paths.length > 0 ? route.paths : route.regexPaths.length > 0 ? [] : ["/"];
      routePaths.forEach((path, i) => {
        const item = paths.get(path) ?? {};
        paths.set(path, item);
        addOperations(item, { api, route, path, suffix: routePaths.length > 1 ? `.${i}` : "" }, { data, security, responses, defaultSchemes, ownLimits, boundHosts });
      });
    }
  }
  const body: Json = {
    servers: proxyServers(data.proxy, defaultSchemes, boundHosts),
    tags: apis.map((api) => ({ name: api.name, description: tagDescription(api) })),
    paths: Object.fromEntries([...paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    components: { securitySchemes: security.all, ...responses.components() },
    ...(unlisted.length > 0 ? { "x-kong-unlisted-routes": unlisted } : {}),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: `${data.title}: model APIs`,
      version: UNVERSIONED,
      description: [
        `Generated at synth by kong-ai-platform from the Kong configuration of stack \`${data.gatewayStack}\`: every route, the`,
        "authentication, limits and CORS policies Kong applies to it. The version is a hash of the document: it changes",
        "exactly when the API does. Regenerate with the app's synth; do not edit.",
      ].join(" "),
    },
    ...body,
  };
}

interface OperationOf {
  readonly api: ApiEntry;
  readonly route: RouteEntry;
  readonly path: string;
  readonly suffix: string;
}

interface Context {
  readonly data: CatalogData;
  readonly security: SecuritySchemes;
  readonly responses: ResponseComponents;
  readonly defaultSchemes: readonly string[];
  /** Host names bound to routes that would take other routes' requests: not offered as the proxy's servers. */
  readonly boundHosts: ReadonlySet<string>;
  /** Per API, the consumers that may call it with a rate limit of their own, e.g. `mobile-app (5/second)`. */
  readonly ownLimits: ReadonlyMap<string, readonly string[]>;
}

function addOperations(item: Json, op: OperationOf, ctx: Context): void {
  const { route } = op;
  const methods = route.methods ?? OPENAPI_METHODS;
  const other = methods.filter((m) => !OPENAPI_METHODS.includes(m));
  if (other.length > 0) item["x-kong-other-methods"] = [...((item["x-kong-other-methods"] as string[]) ?? []), ...other];
  const servers = routeServers(route, ctx);
  for (const method of methods) {
    if (!OPENAPI_METHODS.includes(method)) continue;
    const key = method.toLowerCase();
    if (item[key] !== undefined) continue; // two routes on one path and method (other hosts or headers): the first is shown
    item[key] = operation(op, method, servers, ctx);
  }
}

function operation(op: OperationOf, method: string, servers: Server[] | undefined, ctx: Context): Json {
  const { api, route, path, suffix } = op;
  const preflight = method === "OPTIONS" && route.cors !== undefined && !route.cors.preflightContinue;
  const { security, omitted } = preflight ? { security: [], omitted: 0 } : ctx.security.requirements(route.authentication, method);
  const headers = Object.entries(route.headers).map(([name, values]) => ({
    name,
    in: "header",
    required: true,
    description: "The route matches only requests with one of these values",
    schema: { type: "string", enum: values },
  }));
  const bodyLimit = route.requestSizeLimit ? `, at most ${sizeText(route.requestSizeLimit)}: Kong answers 413 beyond` : "";
  return {
    tags: [api.name],
    operationId: `${route.name}.${method.toLowerCase()}${suffix}`,
    summary: preflight ? `CORS preflight of ${path}, answered by Kong` : `${method} ${path} (${api.name})`,
    description: describeOperation(op, method, preflight, omitted, ctx.ownLimits.get(api.name)),
    ...(servers ? { servers } : {}),
    ...(headers.length > 0 ? { parameters: headers } : {}),
    security,
    ...(BODY_METHODS.has(method) && !preflight
      ? { requestBody: { description: `The input of ${api.name}${bodyLimit}`, content: { "*/*": { schema: {} } } } }
      : {}),
    responses: preflight ? ctx.responses.preflight(route) : ctx.responses.forOperation(route, method),
    "x-kong": kongExtension(api, route),
  };
}

function describeOperation({ api, route, path }: OperationOf, method: string, preflight: boolean, omitted: number, ownLimits: readonly string[] = []): string {
  const lines = [`Kong route \`${route.name}\` -> service \`${api.service.name}\`${api.kind === "model" ? ` (model ${api.name})` : ""}.`];
  if (preflight) {
    lines.push("Kong's cors plugin answers browsers' preflights before any authentication; other OPTIONS requests are authenticated like the route's other methods.");
  } else {
    lines.push(`Authentication: ${authenticationText(route.authentication)}.`);
    if (omitted > 0) lines.push(`${omitted} way(s) to authenticate with a key in the request body are not expressible in OpenAPI.`);
  }
  if (route.acl?.allow) lines.push(`Allowed consumer groups: ${route.acl.allow.join(", ")}.`);
  if (route.acl?.deny) lines.push(`Denied consumer groups: ${route.acl.deny.join(", ")}.`);
  if (route.rateLimit) lines.push(`Rate limit: ${rateLimitText(route.rateLimit)}; beyond it ${route.rateLimit.errorCode}.`);
  if (ownLimits.length > 0 && !preflight) {
    lines.push(`Consumers with a rate limit of their own get it instead (Kong prefers a consumer's plugin): ${ownLimits.join(", ")}.`);
  }
  if (route.requestSizeLimit) lines.push(`Request body: at most ${sizeText(route.requestSizeLimit)}.`);
  if (route.cors) lines.push(`CORS: ${corsText(route.cors)}.`);
  if (route.cache && !preflight && route.cache.methods.includes(method)) lines.push(`Cached by Kong: ${cacheText(route.cache)}.`);
  if (route.stripPath && path !== "/") lines.push(`Kong matches \`${path}\` as a prefix and strips it before proxying.`);
  return lines.join("\n\n");
}

function kongExtension(api: ApiEntry, route: RouteEntry): Json {
  // the policies as catalog.json has them, without where they are attached
  const out: Json = { route: route.name, service: api.service.name, plugins: route.plugins.map((p) => p.name) };
  for (const key of ["acl", "rateLimit", "requestSizeLimit", "cors", "cache"] as const) {
    const policy = route[key];
    if (policy === undefined) continue;
    const { scope, ...rest } = policy;
    out[key] = scope === undefined ? policy : rest;
  }
  return out;
}

/** The schemes of the document's servers: those of the routes that answer on any host (http and https if none). */
function schemesOfDocument(apis: readonly ApiEntry[]): string[] {
  const schemes = new Set<string>();
  for (const api of apis) for (const r of api.routes) if (r.hosts.length === 0) r.protocols.forEach((p) => schemes.add(p));
  const out = ["http", "https"].filter((s) => schemes.has(s));
  return out.length > 0 ? out : ["http", "https"];
}

/**
 * The proxy as servers. HTTPS with a certificate: its host names (but those bound routes would capture), since a
 * client that verifies the certificate must call one of them. Otherwise the fixed address, else a variable defaulting
 * to the proxy's in-cluster name.
 */
export function proxyServers(proxy: ProxyInfo | undefined, schemes: readonly string[], boundHosts: ReadonlySet<string> = new Set()): Server[] {
  const certified = (proxy?.tlsHosts ?? []).filter((h) => !boundHosts.has(h));
  const named = schemes.includes("https") && certified.length > 0 ? certifiedServers(proxy as ProxyInfo, certified) : [];
  const rest = named.length > 0 ? schemes.filter((s) => s !== "https") : schemes;
  return [...addressServers(proxy, rest), ...named];
}

function certifiedServers(proxy: ProxyInfo, hosts: readonly string[]): Server[] {
  const suffix = proxy.httpsPort === 443 ? "" : `:${proxy.httpsPort}`;
  return hosts.map((h) => ({
    url: `https://${h.replace("*", "{wildcard}")}${suffix}`,
    description: `Kong's proxy (https), a host name of its certificate`,
    ...(h.includes("*") ? { variables: { wildcard: { default: "api", description: `Any label: the certificate names ${h}` } } } : {}),
  }));
}

function addressServers(proxy: ProxyInfo | undefined, schemes: readonly string[]): Server[] {
  const variable = proxy?.address === undefined;
  const host = proxy?.address ?? "{proxyAddress}";
  const where = proxy
    ? `${proxy.type === "LoadBalancer" ? "the load balancer's address" : "the proxy's address"}: output ${proxy.addressOutput.name} of stack ${proxy.addressOutput.stack}${
        proxy.type === "ClusterIP" ? "" : `; inside the cluster, ${proxy.inClusterHost}`
      }`
    : "the address of Kong's proxy";
  return schemes.map((scheme) => {
    const port = scheme === "http" ? proxy?.httpPort ?? 80 : proxy?.httpsPort ?? 443;
    const suffix = port === (scheme === "http" ? 80 : 443) ? "" : `:${port}`;
    return {
      url: `${scheme}://${host}${suffix}`,
      description: `Kong's proxy (${scheme}), ${proxy?.address !== undefined ? `${proxy.type} ${proxy.address}` : where}`,
      ...(variable ? { variables: { proxyAddress: { default: proxy?.inClusterHost ?? "localhost", description: where } } } : {}),
    };
  });
}

/** An operation's own servers: the route's hosts, or the proxy with the route's schemes when they differ. */
function routeServers(route: RouteEntry, ctx: Context): Server[] | undefined {
  const schemes = ["http", "https"].filter((s) => route.protocols.includes(s));
  if (route.hosts.length === 0) {
    const same = schemes.length === ctx.defaultSchemes.length && schemes.every((s) => ctx.defaultSchemes.includes(s));
    return same ? undefined : proxyServers(ctx.data.proxy, schemes, ctx.boundHosts);
  }
  return route.hosts.flatMap((h) =>
    schemes.map((scheme) => {
      const wildcard = h.includes("*");
      return {
        url: `${scheme}://${h.replace("*", "{wildcard}")}`,
        description: `Host ${h} (${scheme}), through Kong's proxy`,
        ...(wildcard ? { variables: { wildcard: { default: "api", description: `Any label: the route answers to ${h}` } } } : {}),
      };
    }),
  );
}

function tagDescription(api: ApiEntry): string {
  if (api.kind !== "model") return `Kong service ${api.service.name}`;
  const w = api.workload;
  const canary = api.canary ? `; canary ${api.canary.image} takes ${api.canary.weightPercent}% of requests` : "";
  return `Model ${api.name}${w ? `: ${w.image} in ${w.namespace}` : ""}${canary}`;
}

function unlistedRoute(api: ApiEntry, route: RouteEntry, http: boolean): Json {
  return {
    route: route.name,
    api: api.name,
    protocols: route.protocols,
    ...(route.regexPaths.length > 0 ? { regexPaths: route.regexPaths } : {}),
    ...(route.paths.length > 0 && !http ? { paths: route.paths } : {}),
    reason: http ? "regex paths have no OpenAPI form" : "not an HTTP route",
  };
}
