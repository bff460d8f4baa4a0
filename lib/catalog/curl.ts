import { alternatives, Presented } from "./authentication";
import type { ApiEntry, CatalogData, ConsumerEntry, ProxyInfo, RouteEntry } from "./types";

/** The variable each kind of credential goes in, in the generated commands. */
const VARIABLES: Readonly<Record<string, string>> = { "key-auth": "API_KEY", jwt: "JWT", "basic-auth": "KONG_PASSWORD" };

/** Methods tried first when a route allows several: the one a model is usually called with. */
const PREFERRED = ["POST", "GET", "PUT", "PATCH", "DELETE", "HEAD"];

/**
 * A shell session that calls every HTTP route of the catalog once with curl: how to get the proxy's address and a
 * credential, then one command per route with the method, path, host, matching headers and credential the route
 * needs. Secret values are never written: they are read from the Secrets or outputs that hold them.
 */
export function curlSession(data: CatalogData): string {
  const commands: string[] = [];
  const used = new Set<string>();
  const bound = new Set(data.apis.flatMap((api) => api.routes.flatMap((r) => r.hosts.map((h) => h.toLowerCase()))));
  // HTTPS through a certificate: call a host name it is for (not one a route of its own is bound to)
  const certified = (data.proxy?.tlsHosts ?? []).find((h) => !bound.has(h) && !h.includes("*"));
  for (const api of data.apis) {
    if (api.kind === "admin") continue; // the operators' Admin API: not a call for client teams
    for (const route of api.routes) {
      const command = curlOf(api, route, { proxy: data.proxy, certified }, used);
      if (command) commands.push(command);
    }
  }
  return [...setupLines(data, used), "", ...commands].join("\n");
}

/** Where a command sends a request that names no host: Kong's proxy, or a host name of its certificate for HTTPS. */
interface Target {
  readonly proxy?: ProxyInfo;
  readonly certified?: string;
}

function curlOf(api: ApiEntry, route: RouteEntry, { proxy, certified }: Target, used: Set<string>): string | undefined {
  if (!route.protocols.every((p) => p === "http" || p === "https")) return undefined;
  const path = route.paths[0] ?? (route.regexPaths.length > 0 ? undefined : "/");
  if (path === undefined) return undefined;
  const methods = route.methods ?? PREFERRED;
  const method = PREFERRED.find((m) => methods.includes(m)) ?? methods[0];
  const scheme = route.protocols.includes("http") ? "http" : "https";
  const viaProxy = scheme === "https" && certified !== undefined ? `${certified}${portSuffix(proxy, scheme)}` : undefined;
  if (route.hosts.length === 0 && viaProxy === undefined) used.add("proxy");
  const host = route.hosts[0]?.replace("*", "api") ?? viaProxy ?? `$KONG_PROXY${portSuffix(proxy, scheme)}`;
  const way = chooseWay(alternatives(route.authentication, method));
  const query: string[] = [];
  const args: string[] = [];
  for (const p of way) {
    const variable = VARIABLES[p.method.plugin] ?? "CREDENTIAL";
    used.add(p.method.plugin);
    const loc = p.location;
    if (loc.scheme === "basic") args.push(`-u "$KONG_USERNAME:$KONG_PASSWORD"`);
    else if (loc.scheme === "bearer") args.push(`-H "Authorization: Bearer $${variable}"`);
    else if (loc.in === "header") args.push(`-H "${loc.name}: ${p.method.plugin === "jwt" ? "Bearer " : ""}$${variable}"`);
    else if (loc.in === "query") query.push(`${loc.name}=$${variable}`);
    else if (loc.in === "cookie") args.push(`-b "${loc.name}=$${variable}"`);
  }
  for (const [name, values] of Object.entries(route.headers)) args.push(`-H "${name}: ${values[0]}"`);
  if (["POST", "PUT", "PATCH"].includes(method)) args.push("--data-binary @input");
  const url = `${scheme}://${host}${path}${query.length > 0 ? `?${query.join("&")}` : ""}`;
  const head = `# ${api.name}: route ${route.name}, ${method} ${path}${route.hosts.length > 0 ? ` on ${route.hosts[0]}` : ""}`;
  return [head, `curl -X ${method} "${url}"${args.map((a) => ` ${a}`).join("")}`].join("\n");
}

/** The way to authenticate a command shows: credentials in headers first, then the fewest credentials. */
function chooseWay(ways: Presented[][]): Presented[] {
  const score = (w: Presented[]) => w.filter((p) => p.location.in !== "header").length * 10 + w.length;
  return [...ways].filter((w) => w.every((p) => p.location.in !== "body")).sort((a, b) => score(a) - score(b))[0] ?? [];
}

function portSuffix(proxy: ProxyInfo | undefined, scheme: string): string {
  const port = scheme === "http" ? proxy?.httpPort ?? 80 : proxy?.httpsPort ?? 443;
  return port === (scheme === "http" ? 80 : 443) ? "" : `:${port}`;
}

function setupLines(data: CatalogData, used: ReadonlySet<string>): string[] {
  const proxy = data.proxy;
  const lines: string[] = [];
  if (!used.has("proxy")) {
    // every command names its host
  } else if (proxy?.address !== undefined) {
    lines.push(`export KONG_PROXY=${proxy.address}   # Kong's proxy (${proxy.type})`);
  } else if (proxy?.type === "ClusterIP") {
    lines.push(`export KONG_PROXY=${proxy.inClusterHost}   # Kong's proxy, reachable from inside the cluster`);
  } else if (proxy) {
    lines.push(`# Kong's proxy: its ${proxy.type === "LoadBalancer" ? "load balancer's" : "node"} address, the output ${proxy.addressOutput.name} of stack ${proxy.addressOutput.stack}`);
    lines.push(`export KONG_PROXY="$(terraform -chdir=cdktf.out/stacks/${proxy.addressOutput.stack} output -raw ${proxy.addressOutput.name})"`);
  } else {
    lines.push(`export KONG_PROXY=<address of Kong's proxy>`);
  }
  for (const plugin of [...used].sort()) if (plugin !== "proxy") lines.push(...credentialLines(plugin, data.consumers));
  return lines;
}

function credentialLines(plugin: string, consumers: readonly ConsumerEntry[]): string[] {
  // an example whose groups let it call something here, else any consumer with such a credential
  const holds = (c: ConsumerEntry) => c.credentials.some((cr) => cr.kind === plugin && cr.published.length > 0);
  const holder = consumers.find((c) => holds(c) && c.apis.length > 0) ?? consumers.find(holds);
  const credential = holder?.credentials.find((cr) => cr.kind === plugin && cr.published.length > 0);
  const read = (key: string) => {
    const p = credential?.published.find((x) => x.key === key) ?? credential?.published[0];
    if (p?.secret) return `$(kubectl -n ${p.secret.namespace} get secret ${p.secret.name} -o jsonpath='{.data.${p.key}}' | base64 -d)`;
    if (p?.output) return `$(terraform -chdir=cdktf.out/stacks/${p.output.stack} output -raw ${p.output.name})`;
    return undefined;
  };
  const whose = holder ? `, e.g. consumer ${holder.name}'s` : "";
  if (plugin === "key-auth") return [`export API_KEY="${read("key-auth") ?? "<your key>"}"   # your key-auth key${whose}`];
  if (plugin === "jwt") {
    return [`export JWT=<a JWT signed with your jwt-secret (algorithm jwt-algorithm), its iss claim your jwt-key>   # your JWT credential${whose}`];
  }
  if (plugin === "basic-auth") return ["export KONG_USERNAME=<username> KONG_PASSWORD=<password>   # your basic-auth credential"];
  return [`export ${VARIABLES[plugin] ?? "CREDENTIAL"}=<your ${plugin} credential>`];
}
