import { Route as KongRouteResource } from "../../.gen/providers/kong/route";
import { bool, integerIn, isToken, oneOf, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { clearableFields, idAddress, tagsOf } from "./clearable";
import { GatewayEntity, IGatewayEntity } from "./entity";
import { PluginHost } from "./plugin-host";
import { dedupe } from "./plugins/render";
import { isHeaderName, kongName, routeHost, routerPath, sni } from "./validation";

const ROUTE_PROTOCOLS = Object.freeze(["grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"] as const);
export type RouteProtocol = (typeof ROUTE_PROTOCOLS)[number];

/** Protocol groups a route cannot mix (`routes.lua` mutually_exclusive_subsets). */
const PROTOCOL_GROUPS: ReadonlyArray<readonly RouteProtocol[]> = Object.freeze([["http", "https"], ["tcp", "tls", "udp"], ["tls_passthrough"], ["grpc", "grpcs"]]);

export interface GatewayRouteProps {
  /** Kong route name (letters, digits, `.-_~`), unique in the gateway. @default "<service name>-<construct id>" */
  readonly name?: string;
  /** Protocols, all from one group: http/https, grpc/grpcs, tcp/tls/udp or tls_passthrough. @default ["http", "https"] */
  readonly protocols?: RouteProtocol[];
  /** Path prefixes ("/v1/face") or regexes ("~/v1/face/\\d+$"), normalized. @default none */
  readonly paths?: string[];
  /** Uppercase HTTP methods (not for grpc). @default none: any method */
  readonly methods?: string[];
  /** Host names, optionally with port and one leading or trailing "*" label. @default none: any host */
  readonly hosts?: string[];
  /** Request headers to match (name -> accepted values); "host" must go in `hosts`. @default none */
  readonly headers?: Record<string, string[]>;
  /** TLS server names (only with https, grpcs, tls or tls_passthrough). @default none */
  readonly snis?: string[];
  /** Remove the matched path prefix before proxying (must be false for grpc). @default true (false for grpc/grpcs) */
  readonly stripPath?: boolean;
  /** Send the client's Host header to the backend. @default false */
  readonly preserveHost?: boolean;
  /** Status used to redirect http to https when the route only accepts https: 426, 301, 302, 307 or 308. @default 426 */
  readonly httpsRedirectStatusCode?: number;
  /** Priority among regex paths (higher first). @default 0 */
  readonly regexPriority?: number;
  /**
   * How the matched path joins the service's path: "v0" only. "v1" is refused: Kong 3.9's default router
   * (traditional_compatible) ignores it and always joins as v0. @default "v0"
   */
  readonly pathHandling?: "v0";
  /** Buffer request bodies. @default true */
  readonly requestBuffering?: boolean;
  /** Buffer response bodies. @default true */
  readonly responseBuffering?: boolean;
  /** Tags. The library's tag `managed-by:kong-ai-platform` is always added (see `clearable.ts`). @default none */
  readonly tags?: string[];
}

/** A Kong route (kong_route) of a service, with route-scoped plugins. */
export class GatewayRoute extends GatewayEntity {
  /** The kong_route resource. */
  public readonly resource: KongRouteResource;
  /** The service this route sends requests to. */
  public readonly service: IGatewayEntity;
  /** The Kong route name. */
  public readonly name: string;

  constructor(service: IGatewayEntity, id: string, props: GatewayRouteProps) {
    super(service, id, service.gateway, "route");
    this.service = service;
    const p: GatewayRouteProps = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    if (props === null || typeof props !== "object") v.add("props", props, "must be an object, e.g. { paths: [\"/v1/model\"] }");
    const name = p.name ?? `${service.name}-${id}`;
    const nameOk = kongName(v, "name", name);
    const { protocols, group } = checkProtocols(v, p.protocols);
    const m = checkMatchers(v, p, protocols, group);
    bool(v, "stripPath", p.stripPath);
    bool(v, "preserveHost", p.preserveHost);
    bool(v, "requestBuffering", p.requestBuffering);
    bool(v, "responseBuffering", p.responseBuffering);
    oneOf(v, "httpsRedirectStatusCode", p.httpsRedirectStatusCode, [426, 301, 302, 307, 308]);
    integerIn(v, "regexPriority", p.regexPriority, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if ((p.pathHandling as string) === "v1") {
      v.add(
        "pathHandling",
        "v1",
        `is not supported: Kong 3.9's default router (router_flavor "traditional_compatible") ignores it and joins paths as "v0" (Kong only logs that "path_handling='v1' is deprecated and will not work under 'expressions' or 'traditional_compatible' router_flavor"). Use "v0" (the default): strip the prefix with stripPath and set the service's path`,
      );
    } else {
      oneOf(v, "pathHandling", p.pathHandling, ["v0"]);
    }
    stringArray(v, "tags", p.tags);
    // uniqueness across the gateway (only when the route itself is valid, so one mistake gives one message)
    if (v.count === 0) {
      if (nameOk && !isToken(name)) {
        const holder = this.gateway.names.claim("route", name, this.node.path);
        if (holder) v.add("name", name, `is already the name of the route ${holder}: Kong route names are unique`);
      }
      this.claimMatchers(v, group, m);
      this._plugins.setRouteMethods(v, m.has.methods ? m.methods : undefined);
    }
    v.throwIfAny();
    this.name = name;
    const has = m.has;
    // Fields the provider's PATCH cannot clear: a flip of one replaces the route (and its plugins); so does a
    // replacement of its service.
    const clearable = clearableFields(this, {
      paths: has.paths,
      methods: has.methods,
      hosts: has.hosts,
      headers: has.headers,
      snis: has.snis,
      regex_priority: (p.regexPriority ?? 0) !== 0,
    });
    const withService = service instanceof GatewayEntity ? service._replacedWith() : [];
    this.resource = new KongRouteResource(this, "Resource", {
      serviceId: service.id,
      name,
      protocols,
      paths: has.paths ? m.paths : undefined,
      methods: has.methods ? m.methods : undefined,
      hosts: has.hosts ? m.hosts : undefined,
      snis: has.snis ? m.snis : undefined,
      header: has.headers ? m.headers.map(([hn, values]) => ({ name: hn, values })) : undefined,
      stripPath: p.stripPath ?? group !== PROTOCOL_GROUPS[3],
      preserveHost: p.preserveHost ?? false,
      httpsRedirectStatusCode: p.httpsRedirectStatusCode ?? 426,
      regexPriority: p.regexPriority ?? 0,
      pathHandling: p.pathHandling ?? "v0",
      requestBuffering: p.requestBuffering ?? true,
      responseBuffering: p.responseBuffering ?? true,
      tags: tagsOf(p.tags),
      lifecycle: { replaceTriggeredBy: [clearable, ...withService] },
    });
  }

  /** @internal Its plugins are replaced with the route: Kong deletes them with it. */
  public _replacedWith(): readonly string[] {
    return (this.replacedWith ??= Object.freeze([idAddress(this.resource)]));
  }
  private replacedWith?: readonly string[];

  protected kongId(): string {
    return this.resource.id;
  }

  /** An ACL on a route is fed by authentication on the route, its service or the gateway. */
  protected enclosingPlugins(): readonly PluginHost[] {
    return [this.service._plugins, this.gateway._plugins];
  }

  /**
   * Claims every (protocol group, path, host, method, headers, snis) combination of this route in the gateway, so a
   * second route (in any service) matching the same requests is reported. Linear in the size of the combination.
   */
  private claimMatchers(v: Problems, group: readonly RouteProtocol[] | undefined, matchers: Matchers): void {
    const { paths, hosts, methods, headers, snis } = matchers;
    const extra = `${group?.join("+") ?? "?"}|${headers.map(([h, vals]) => `${h.toLowerCase()}=${[...vals].sort().join(",")}`).sort().join(";")}|${[...snis].sort().join(",")}`;
    const anyOf = (xs: string[]) => (xs.length > 0 ? xs : ["*"]);
    const seen = new Set<string>();
    for (const pth of anyOf(paths)) {
      for (const h of anyOf(hosts.map((x) => x.toLowerCase()))) {
        for (const m of anyOf(methods)) {
          const key = `${pth}|${h}|${m}|${extra}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const holder = this.gateway.names.claim("route-match", key, this.node.path);
          if (holder) {
            v.add(
              "paths",
              pth === "*" ? undefined : pth,
              `with host ${describeValue(h)} and method ${describeValue(m)} is already routed by ${holder}: Kong would send these requests to only one of them; change the paths, hosts, methods or headers`,
            );
            return;
          }
        }
      }
    }
  }
}

/** The matchers of a route, checked and deduplicated ([] when absent or wrong), and which of them are set. */
interface Matchers {
  readonly paths: string[];
  readonly methods: string[];
  readonly hosts: string[];
  readonly headers: Array<[string, string[]]>;
  readonly snis: string[];
  readonly has: { readonly paths: boolean; readonly methods: boolean; readonly hosts: boolean; readonly headers: boolean; readonly snis: boolean };
}

/** The route's protocols (default http + https) and the one group they belong to (undefined when they are wrong). */
function checkProtocols(v: Problems, value: RouteProtocol[] | undefined): { protocols: RouteProtocol[]; group?: readonly RouteProtocol[] } {
  if (value === undefined || isToken(value)) return { protocols: ["http", "https"], group: PROTOCOL_GROUPS[0] };
  if (!Array.isArray(value) || value.length === 0) {
    v.add("protocols", value, `must be a non-empty list of ${ROUTE_PROTOCOLS.map((x) => JSON.stringify(x)).join(", ")}`);
    return { protocols: ["http", "https"] };
  }
  let ok = true;
  value.forEach((x, i) => (ok = oneOf(v, `protocols[${i}]`, x, ROUTE_PROTOCOLS) && ok));
  if (!ok) return { protocols: ["http", "https"] };
  const protocols = dedupe(value);
  const group = PROTOCOL_GROUPS.find((g) => protocols.every((x) => g.includes(x)));
  if (!group) v.add("protocols", value, "mixes protocol groups: use only one of http/https, grpc/grpcs, tcp/tls/udp or tls_passthrough");
  return { protocols, group };
}

/** Checks each matcher, then what the protocol group requires of them (`routes.lua` entity checks). */
function checkMatchers(v: Problems, p: GatewayRouteProps, protocols: RouteProtocol[], group: readonly RouteProtocol[] | undefined): Matchers {
  const paths = listOf(v, "paths", p.paths, routerPath);
  const methods = listOf(v, "methods", p.methods, (vv, f, m) => {
    if (typeof m !== "string" || !/^[A-Z]+$/.test(m)) {
      vv.add(f, m, "must be an HTTP method in uppercase letters, e.g. POST");
      return false;
    }
    return true;
  });
  const hosts = listOf(v, "hosts", p.hosts, routeHost);
  const snis = listOf(v, "snis", p.snis, (vv, f, s) => sni(vv, f, typeof s === "string" ? s.replace(/^\*\./, "").replace(/\.\*$/, "") : s));
  const headers = headersOf(v, p.headers);
  const has = { paths: paths.length > 0, methods: methods.length > 0, hosts: hosts.length > 0, headers: headers.length > 0, snis: snis.length > 0 };
  if (group) checkGroupRules(v, p, protocols, group, has);
  return { paths, methods, hosts, headers, snis, has };
}

function checkGroupRules(v: Problems, p: GatewayRouteProps, protocols: RouteProtocol[], group: readonly RouteProtocol[], has: Matchers["has"]): void {
  if (has.snis && !protocols.some((x) => ["grpcs", "https", "tls", "tls_passthrough"].includes(x))) {
    v.add("snis", p.snis, "can only be set when protocols include \"https\", \"grpcs\", \"tls\" or \"tls_passthrough\"");
  }
  if (group === PROTOCOL_GROUPS[0] && !(has.paths || has.methods || has.hosts || has.headers || (protocols.includes("https") && has.snis))) {
    v.add("paths", p.paths, "or methods, hosts or headers must be set: an http route needs at least one matcher");
  }
  if (group === PROTOCOL_GROUPS[3]) {
    if (has.methods) v.add("methods", p.methods, "cannot be set when protocols are grpc/grpcs");
    if (p.stripPath === true) v.add("stripPath", true, "must be false when protocols are grpc/grpcs");
    if (!(has.paths || has.hosts || has.headers || (protocols.includes("grpcs") && has.snis))) {
      v.add("paths", p.paths, "or hosts or headers must be set: a grpc route needs at least one matcher");
    }
  }
  if (group === PROTOCOL_GROUPS[1] || group === PROTOCOL_GROUPS[2]) {
    for (const f of ["paths", "methods", "hosts", "headers"] as const) {
      if (has[f]) v.add(f, p[f], `cannot be set when protocols are ${protocols.join("/")}`);
    }
    if (!has.snis) {
      v.add("snis", p.snis, `must be set when protocols are ${protocols.join("/")} (this library does not model sources/destinations)`);
    }
  }
}

type ElementCheck = (v: Problems, field: string, value: unknown) => boolean;

/** A list prop: checks each element, drops duplicates (Kong sets); returns [] for absent or bad input. */
function listOf(v: Problems, field: string, value: unknown, check: ElementCheck): string[] {
  if (value === undefined) return [];
  if (isToken(value)) return value as string[];
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of strings");
    return [];
  }
  let ok = true;
  value.forEach((item, i) => (ok = check(v, `${field}[${i}]`, item) && ok));
  return ok ? dedupe(value as string[]) : [];
}

function headersOf(v: Problems, value: unknown): Array<[string, string[]]> {
  if (value === undefined) return [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add("headers", value, "must map header names to lists of values, e.g. { \"x-model-version\": [\"2\"] }");
    return [];
  }
  const out: Array<[string, string[]]> = [];
  for (const [name, values] of Object.entries(value as Record<string, unknown>)) {
    if (!isHeaderName(name)) {
      v.add(`headers.${name}`, name, "must be an HTTP header name made of A-Z, a-z, 0-9, '-' and '_'");
    } else if (name.toLowerCase() === "host") {
      v.add(`headers.${name}`, name, "cannot match the host header: put host names in hosts");
    } else if (!Array.isArray(values) || values.length === 0 || values.some((x) => typeof x !== "string" || x.length === 0)) {
      v.add(`headers.${name}`, values, "must be a non-empty list of non-empty strings");
    } else {
      out.push([name, dedupe(values as string[])]);
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
