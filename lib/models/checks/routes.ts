import { bool, isToken, plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";
import { routeHost, routerPath } from "../../gateway/validation";
import { dns1123Label, DNS1123_LABEL_MAX } from "../../kubernetes/names";
import type { DetectionServiceProps, ModelProtocol, ModelRoute } from "../props";
import type { ResolvedRoute } from "../resolved";
import { PluginPolicy } from "../../gateway/plugins/plugin";
import { checkPlugins } from "./gateway-policy";

/**
 * The model's Kong routes, checked here so that their problems carry the model's path and prop names
 * (`routes[0].paths[0]`). Element rules (paths, hosts) are the gateway's own checks; the rest of what Kong requires
 * of a route is checked again, and reported under the same names, when the route is created.
 */
export function checkRoutes(v: Problems, props: DetectionServiceProps, protocol: ModelProtocol): ResolvedRoute[] {
  const given = props.routes ?? [{ paths: [`/v1/${props.name}`] }];
  if (!Array.isArray(given) || given.length === 0) {
    v.add("routes", given, "must hold at least one route: a model Kong cannot reach is unreachable");
    return [];
  }
  const holders = new Map<string, number>();
  const routes: ResolvedRoute[] = [];
  const modelCors = corsField(props.plugins, "plugins");
  given.forEach((route, i) => {
    const r = checkRoute(v, `routes[${i}]`, route, protocol, modelCors);
    if (r === undefined) return;
    const holder = holders.get(r.name);
    if (holder !== undefined) {
      v.add(
        `routes[${i}].name`,
        r.name,
        `is already the name of routes[${holder}]: route names are unique within a model (a route without a name is named after its first path); give one of them another name`,
      );
      return;
    }
    holders.set(r.name, i);
    // a model's only route, unnamed, keeps the model's name in Kong; any other is `<model>-<route name>`
    const kongName = given.length === 1 && route.name === undefined ? props.name : `${props.name}-${r.name}`;
    routes.push({ ...r, kongName });
  });
  return routes;
}

type CheckedRoute = Omit<ResolvedRoute, "kongName">;

function checkRoute(v: Problems, field: string, route: ModelRoute, protocol: ModelProtocol, modelCors?: string): CheckedRoute | undefined {
  if (!plainObject(v, field, route ?? null, "must be { paths, name?, methods?, hosts?, stripPath?, plugins? }")) return undefined;
  const before = v.count;
  const paths = route.paths;
  const pathsOk = checkPaths(v, `${field}.paths`, paths);
  const name = route.name ?? (pathsOk ? nameFromPath(v, field, paths[0]) : undefined);
  if (route.name !== undefined) dns1123Label(v, `${field}.name`, route.name);
  if (route.hosts !== undefined) {
    if (!Array.isArray(route.hosts)) v.add(`${field}.hosts`, route.hosts, "must be a list of host names");
    else route.hosts.forEach((h, j) => routeHost(v, `${field}.hosts[${j}]`, h));
  }
  bool(v, `${field}.stripPath`, route.stripPath);
  if (protocol === "grpc") checkGrpcRoute(v, field, route);
  const plugins = checkPlugins(v, route.plugins, `${field}.plugins`);
  const cors = protocol === "http" ? (corsField(route.plugins, `${field}.plugins`) ?? modelCors) : undefined;
  if (cors !== undefined) checkPreflight(v, `${field}.methods`, route.methods, cors);
  if (v.count > before || name === undefined) return undefined;
  const grpc = protocol === "grpc";
  return {
    name,
    paths,
    methods: grpc ? undefined : (route.methods ?? (cors === undefined ? ["POST"] : ["POST", "OPTIONS"])),
    hosts: route.hosts,
    stripPath: grpc ? false : (route.stripPath ?? true),
    plugins,
  };
}

function checkPaths(v: Problems, field: string, paths: unknown): paths is string[] {
  if (!Array.isArray(paths) || paths.length === 0) {
    v.add(field, paths, "must hold at least one path, e.g. [\"/v1/face-detection\"]");
    return false;
  }
  let ok = true;
  paths.forEach((p, j) => (ok = routerPath(v, `${field}[${j}]`, p) && ok));
  return ok;
}

/**
 * The default name of a route: its first path in lowercase letters, digits and '-' ("/v1/face-detection" ->
 * "v1-face-detection", "~/v1/ocr/\d+$" -> "v1-ocr-d"), at most 63 characters; "root" for "/".
 */
export function routeNameFromPath(path: string): string {
  const name = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, DNS1123_LABEL_MAX)
    .replace(/-+$/, "");
  return name === "" ? "root" : name;
}

function nameFromPath(v: Problems, field: string, path: string): string | undefined {
  if (!isToken(path)) return routeNameFromPath(path);
  v.add(`${field}.name`, undefined, "is required when paths[0] is a Terraform reference: a route's name must be known at synth");
  return undefined;
}

/**
 * A gRPC route matches on its path (`/<package>.<Service>/<Method>`), which the server needs intact; every call is a
 * POST. Methods and path stripping are refused rather than silently dropped.
 */
function checkGrpcRoute(v: Problems, field: string, route: ModelRoute): void {
  if (route.methods !== undefined) {
    v.add(
      `${field}.methods`,
      route.methods,
      "cannot be set on a gRPC model: Kong matches gRPC routes by path, host and headers only (every gRPC call is a POST); remove methods",
    );
  }
  if (route.stripPath === true) {
    v.add(
      `${field}.stripPath`,
      true,
      "must be false on a gRPC model: the path names the gRPC service and method, so a stripped path breaks every call; remove stripPath",
    );
  }
}

/** Where a list of policies holds a cors policy (`plugins[2]`), if it does. */
function corsField(plugins: unknown, field: string): string | undefined {
  if (!Array.isArray(plugins)) return undefined;
  const i = plugins.findIndex((policy) => policy instanceof PluginPolicy && policy.name === "cors");
  return i < 0 ? undefined : `${field}[${i}]`;
}

/**
 * A route under a cors policy must match the browser's preflight: Kong runs plugins only on a route that matched, so a
 * route limited to POST answers a preflight (OPTIONS) with 404 "no Route matched" and the cors plugin never runs.
 * Unless given, a model's methods then default to POST and OPTIONS (the cors plugin answers the preflight itself,
 * before authentication); given methods without OPTIONS are refused.
 */
function checkPreflight(v: Problems, field: string, methods: unknown, cors: string): void {
  if (!Array.isArray(methods) || isToken(methods) || methods.includes("OPTIONS")) return;
  v.add(
    field,
    methods,
    `must include "OPTIONS": the cors policy (${cors}) answers a browser's preflight only on routes that match it; Kong would answer the preflight with 404 "no Route matched" and the browser refuse the call. Add "OPTIONS", or leave methods out (the default is then POST and OPTIONS)`,
  );
}
