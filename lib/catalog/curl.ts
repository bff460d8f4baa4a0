import { alternatives, Presented } from "./authentication";
import { capturedHosts } from "./captured-hosts";
import type { ApiEntry, CatalogData, ConsumerEntry, ProxyInfo, RouteEntry } from "./types";

/** The variable each kind of credential goes in, in the generated commands (after the consumer's prefix). */
const VARIABLES: Readonly<Record<string, string>> = { "key-auth": "API_KEY", jwt: "JWT", "basic-auth": "KONG_PASSWORD" };

/** Methods tried first when a route allows several: the one a model is usually called with. */
const PREFERRED = ["POST", "GET", "PUT", "PATCH", "DELETE", "HEAD"];

/** A credential the commands use: whose (none: the reader's own), of which plugin, and the claims its routes verify. */
interface UsedCredential {
  readonly consumer?: ConsumerEntry;
  readonly plugin: string;
  readonly claims: Set<string>;
}

/** What the commands need set up before them: the proxy's address, host names to resolve, credentials by variable. */
interface Needs {
  proxy: boolean;
  readonly hosts: Set<string>;
  readonly credentials: Map<string, UsedCredential>;
}

/**
 * A shell session that calls every HTTP route of the catalog once with curl: how to get the proxy's address and a
 * credential, then one command per route with the method, path, host, matching headers and credential the route
 * needs, as a consumer of the app that may call it (its groups pass the route's ACL). Secret values are never
 * written: they are read from the Secrets or outputs that hold them.
 */
export function curlSession(data: CatalogData): string {
  const commands: string[] = [];
  const needs: Needs = { proxy: false, hosts: new Set(), credentials: new Map() };
  const captured = capturedHosts(data.apis);
  // HTTPS through a certificate: call a host name it is for (not one a route bound to it would take the request on)
  const certified = (data.proxy?.tlsHosts ?? []).find((h) => !captured.has(h) && !h.includes("*"));
  for (const api of data.apis) {
    if (api.kind === "admin") continue; // the operators' Admin API: not a call for client teams
    for (const route of api.routes) {
      const command = curlOf(api, route, { proxy: data.proxy, certified, consumers: data.consumers }, needs);
      if (command) commands.push(command);
    }
  }
  return [...setupLines(data, needs), "", ...commands].join("\n");
}

/** Where a command sends a request that names no host, and who may send it. */
interface Target {
  readonly proxy?: ProxyInfo;
  readonly certified?: string;
  readonly consumers: readonly ConsumerEntry[];
}

function curlOf(api: ApiEntry, route: RouteEntry, target: Target, needs: Needs): string | undefined {
  if (!route.protocols.every((p) => p === "http" || p === "https")) return undefined;
  const path = route.paths[0] ?? (route.regexPaths.length > 0 ? undefined : "/");
  if (path === undefined) return undefined;
  const { proxy, certified } = target;
  const methods = route.methods ?? PREFERRED;
  const method = PREFERRED.find((m) => methods.includes(m)) ?? methods[0];
  const scheme = route.protocols.includes("http") ? "http" : "https";
  const viaProxy = scheme === "https" && certified !== undefined ? `${certified}${portSuffix(proxy, scheme)}` : undefined;
  if (route.hosts.length === 0 && viaProxy === undefined) needs.proxy = true;
  const host = route.hosts[0]?.replace("*", "api") ?? viaProxy ?? `$KONG_PROXY${portSuffix(proxy, scheme)}`;
  if (!host.startsWith("$")) needs.hosts.add(host);
  const ways = usableWays(alternatives(route.authentication, method));
  const { way, consumer } = callerOf(api, ways, target.consumers);
  const query: string[] = [];
  const args: string[] = [];
  for (const p of way) {
    const variable = use(needs, consumer, p);
    const loc = p.location;
    if (loc.scheme === "basic") args.push(`-u "$${variable.replace(/KONG_PASSWORD$/, "KONG_USERNAME")}:$${variable}"`);
    else if (loc.scheme === "bearer") args.push(`-H "Authorization: Bearer $${variable}"`);
    else if (loc.in === "header") args.push(`-H "${loc.name}: ${p.method.plugin === "jwt" ? "Bearer " : ""}$${variable}"`);
    else if (loc.in === "query") query.push(`${loc.name}=$${variable}`);
    else if (loc.in === "cookie") args.push(`-b "${loc.name}=$${variable}"`);
  }
  for (const [name, values] of Object.entries(route.headers)) args.push(`-H "${name}: ${values[0]}"`);
  if (["POST", "PUT", "PATCH"].includes(method)) args.push("--data-binary @input");
  const url = `${scheme}://${host}${path}${query.length > 0 ? `?${query.join("&")}` : ""}`;
  const as = way.length === 0 ? "" : consumer ? `, as consumer ${consumer.name}` : ", with your own credential (no consumer of this app holds one that may call it)";
  const head = `# ${api.name}: route ${route.name}, ${method} ${path}${route.hosts.length > 0 ? ` on ${route.hosts[0]}` : ""}${as}`;
  return [head, `curl -X ${method} "${url}"${args.map((a) => ` ${a}`).join("")}`].join("\n");
}

/** The ways to authenticate a command may show, best first: credentials in headers first, then the fewest credentials. */
function usableWays(ways: Presented[][]): Presented[][] {
  const score = (w: Presented[]) => w.filter((p) => p.location.in !== "header").length * 10 + w.length;
  return [...ways].filter((w) => w.every((p) => p.location.in !== "body")).sort((a, b) => score(a) - score(b));
}

/** The best way some consumer allowed on the API can take with its published credentials, and that consumer. */
function callerOf(api: ApiEntry, ways: Presented[][], consumers: readonly ConsumerEntry[]): { way: Presented[]; consumer?: ConsumerEntry } {
  for (const way of ways) {
    const consumer = consumers.find((c) => c.apis.includes(api.name) && way.every((p) => holds(c, p.method.plugin)));
    if (consumer) return { way, consumer };
  }
  return { way: ways[0] ?? [] };
}

function holds(c: ConsumerEntry, plugin: string): boolean {
  return c.credentials.some((cr) => cr.kind === plugin && cr.published.length > 0);
}

/** Records the credential a command presents and returns its variable, e.g. `MOBILE_APP_API_KEY`. */
function use(needs: Needs, consumer: ConsumerEntry | undefined, p: Presented): string {
  const variable = `${consumer ? `${consumer.name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_` : ""}${VARIABLES[p.method.plugin] ?? "CREDENTIAL"}`;
  const used = needs.credentials.get(variable) ?? { consumer, plugin: p.method.plugin, claims: new Set<string>() };
  for (const claim of p.method.claimsVerified ?? []) used.claims.add(claim);
  needs.credentials.set(variable, used);
  return variable;
}

function portSuffix(proxy: ProxyInfo | undefined, scheme: string): string {
  const port = scheme === "http" ? proxy?.httpPort ?? 80 : proxy?.httpsPort ?? 443;
  return port === (scheme === "http" ? 80 : 443) ? "" : `:${port}`;
}

function setupLines(data: CatalogData, needs: Needs): string[] {
  const proxy = data.proxy;
  const lines: string[] = [];
  if (!needs.proxy) {
    // every command names its host
  } else if (proxy?.address !== undefined) {
    lines.push(`export KONG_PROXY=${proxy.address}   # Kong's proxy (${proxy.type})`);
  } else if (proxy?.type === "ClusterIP") {
    lines.push(`export KONG_PROXY=${proxy.inClusterHost}   # Kong's proxy, reachable from inside the cluster`);
  } else if (proxy) {
    lines.push(`# Kong's proxy: its ${proxy.type === "LoadBalancer" ? "load balancer's" : "node"} address, the output ${proxy.addressOutput.name} of stack ${proxy.addressOutput.stack}`);
    lines.push(`export KONG_PROXY="$(terraform -chdir=cdktf.out/stacks/${proxy.addressOutput.stack} output -raw ${proxy.addressOutput.name})"`);
  } else {
    lines.push(`export KONG_PROXY="<address of Kong's proxy>"`);
  }
  if (needs.hosts.size > 0 && proxy) {
    const where = proxy.address ?? `the output ${proxy.addressOutput.name} of stack ${proxy.addressOutput.stack}`;
    lines.push(
      `# ${[...needs.hosts].sort().join(", ")}: DNS names that must resolve to Kong's proxy (${where}); until they do, add`,
      `#   --resolve <host>:<port>:<the proxy's IP address> to a command`,
    );
  }
  for (const [variable, used] of [...needs.credentials].sort(([a], [b]) => a.localeCompare(b))) lines.push(...credentialLines(variable, used));
  return lines;
}

function credentialLines(variable: string, { consumer, plugin, claims }: UsedCredential): string[] {
  const credential = consumer?.credentials.find((cr) => cr.kind === plugin && cr.published.length > 0);
  const read = (key: string) => {
    const p = credential?.published.find((x) => x.key === key);
    if (p?.secret) return `$(kubectl -n ${p.secret.namespace} get secret ${p.secret.name} -o jsonpath='{.data.${p.key}}' | base64 -d)`;
    if (p?.output) return `$(terraform -chdir=cdktf.out/stacks/${p.output.stack} output -raw ${p.output.name})`;
    return undefined;
  };
  const whose = consumer ? `consumer ${consumer.name}'s` : "your";
  if (plugin === "key-auth") return [`export ${variable}="${read("key-auth") ?? "<your key>"}"   # ${whose} key-auth key`];
  if (plugin === "basic-auth") {
    return [`export ${variable.replace(/KONG_PASSWORD$/, "KONG_USERNAME")}='<username>' ${variable}='<password>'   # ${whose} basic-auth credential`];
  }
  if (plugin === "jwt") return jwtLines(variable, whose, read, [...claims].sort());
  return [`export ${variable}='<${whose} ${plugin} credential>'`];
}

/**
 * How to make a JWT for Kong's jwt plugin: its `iss` (Kong's default key_claim_name) names the credential's key; HMAC
 * credentials publish their secret, the others hold a public key whose private key never leaves its owner.
 */
function jwtLines(variable: string, whose: string, read: (key: string) => string | undefined, claims: string[]): string[] {
  const key = read("jwt-key");
  const algorithm = read("jwt-algorithm");
  const secret = read("jwt-secret");
  const lines: string[] = [];
  if (key !== undefined) lines.push(`export ${variable}_KEY="${key}"   # the token's iss claim`);
  if (algorithm !== undefined) lines.push(`export ${variable}_ALGORITHM="${algorithm}"`);
  if (secret !== undefined) lines.push(`export ${variable}_SECRET="${secret}"   # HMAC: the token is signed with it`);
  const signer = secret !== undefined ? `$${variable}_SECRET` : key !== undefined ? "the private key that matches the credential's public key" : "your JWT credential's secret or private key";
  const iss = key !== undefined ? `$${variable}_KEY` : "your credential's key";
  const withClaims = claims.length > 0 ? `, with ${claims.join(" and ")}` : "";
  lines.push(`# ${whose} JWT: signed with ${signer}${algorithm !== undefined ? ` (algorithm $${variable}_ALGORITHM)` : ""}, iss = ${iss}${withClaims}`);
  lines.push(`export ${variable}='<the signed token>'`);
  return lines;
}
