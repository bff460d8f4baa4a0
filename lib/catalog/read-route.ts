import { IConstruct } from "constructs";
import { PluginHost } from "../gateway/plugin-host";
import { GatewayRoute } from "../gateway/route";
import { authenticationOf, ConsumerGroups } from "./authentication";
import { AttachedPlugin, flag, numberOf, PluginReader, stringList, textOf } from "./plugins";
import { shown } from "./read-kubernetes";
import type { AclInfo, CacheInfo, CorsInfo, RateLimitInfo, RequestSizeInfo, RouteEntry } from "./types";

/** Kong's rate-limiting windows, shortest first (`kong/plugins/rate-limiting/schema.lua`). */
const WINDOWS = ["second", "minute", "hour", "day", "month", "year"] as const;

/** Bytes per `size_unit` of request-size-limiting (`kong/plugins/request-size-limiting/handler.lua`). */
const UNIT_BYTES: Readonly<Record<string, number>> = { bytes: 1, kilobytes: 1024, megabytes: 1048576 };

/** Every method the cors plugin allows by default (`kong/plugins/cors/schema.lua`). */
const CORS_METHODS = ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"];

/** One route as the catalog shows it: what it matches and every policy Kong applies to it, from the attached plugins. */
export function routeEntry(route: GatewayRoute, global: PluginHost, reader: PluginReader, groupsOf: ConsumerGroups): RouteEntry {
  const r = route.resource;
  const plugins = reader.effective(route._plugins, route.service._plugins, global);
  const acl = aclOf(plugins.get("acl"));
  const paths = listOf(route, r.pathsInput);
  const methods = r.methodsInput === undefined ? undefined : listOf(route, r.methodsInput);
  const entry: RouteEntry = {
    name: String(shown(route, r.nameInput ?? route.name)),
    protocols: listOf(route, r.protocolsInput ?? ["http", "https"]),
    paths: paths.filter((p) => !p.startsWith("~")),
    regexPaths: paths.filter((p) => p.startsWith("~")),
    ...(methods !== undefined && methods.length > 0 ? { methods } : {}),
    hosts: listOf(route, r.hostsInput),
    headers: headersOf(route, r.headerInput),
    stripPath: r.stripPathInput !== false,
    authentication: authenticationOf(plugins, acl, groupsOf),
    plugins: [...plugins.values()].map((p) => ({ name: p.name, scope: p.scope })),
  };
  const rateLimit = rateLimitOf(plugins.get("rate-limiting"));
  const requestSizeLimit = requestSizeOf(plugins.get("request-size-limiting"));
  const cors = corsOf(plugins.get("cors"), methods === undefined || methods.length === 0 || methods.includes("OPTIONS"));
  const cache = cacheOf(plugins.get("proxy-cache"));
  const correlation = plugins.get("correlation-id")?.config;
  const requestIdHeader = correlation && flag(correlation, "echo_downstream", false) ? textOf(correlation, "header_name", "Kong-Request-ID") : undefined;
  return {
    ...entry,
    ...(acl ? { acl } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(requestSizeLimit ? { requestSizeLimit } : {}),
    ...(cors ? { cors } : {}),
    ...(cache ? { cache } : {}),
    ...(requestIdHeader ? { requestIdHeader } : {}),
  };
}

/** A list input of a resource: literal strings, or the expression of a Terraform reference. */
export function listOf(scope: IConstruct, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = shown(scope, value);
  if (!Array.isArray(list)) return [String(list)];
  return list.map((x) => String(shown(scope, x)));
}

function headersOf(scope: IConstruct, value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!Array.isArray(value)) return out;
  for (const h of value as Array<{ name?: unknown; values?: unknown }>) out[String(shown(scope, h.name))] = listOf(scope, h.values);
  return out;
}

export function aclOf(plugin: AttachedPlugin | undefined): AclInfo | undefined {
  if (plugin === undefined) return undefined;
  const c = plugin.config;
  return {
    scope: plugin.scope,
    ...(Array.isArray(c.allow) ? { allow: stringList(c, "allow") } : {}),
    ...(Array.isArray(c.deny) ? { deny: stringList(c, "deny") } : {}),
  };
}

/** A rate-limiting plugin's limits and behaviour, Kong's defaults filled in. */
export function rateLimitOf(plugin: AttachedPlugin | undefined): RateLimitInfo | undefined {
  if (plugin === undefined) return undefined;
  const c = plugin.config;
  return {
    scope: plugin.scope,
    windows: WINDOWS.filter((w) => typeof c[w] === "number").map((w) => ({ window: w, limit: c[w] as number })),
    limitBy: textOf(c, "limit_by", "consumer"),
    policy: textOf(c, "policy", "local"),
    errorCode: numberOf(c, "error_code", 429),
    errorMessage: textOf(c, "error_message", "API rate limit exceeded"),
    clientHeaders: !flag(c, "hide_client_headers", false),
  };
}

function requestSizeOf(plugin: AttachedPlugin | undefined): RequestSizeInfo | undefined {
  if (plugin === undefined) return undefined;
  const c = plugin.config;
  const size = numberOf(c, "allowed_payload_size", 128);
  const unit = textOf(c, "size_unit", "megabytes");
  return {
    scope: plugin.scope,
    bytes: size * (UNIT_BYTES[unit] ?? 1),
    size,
    unit,
    requireContentLength: flag(c, "require_content_length", false),
  };
}

/** Kong 3.9 proxy-cache's defaults (`kong/plugins/proxy-cache/schema.lua`) where the config leaves a field out. */
function cacheOf(plugin: AttachedPlugin | undefined): CacheInfo | undefined {
  if (plugin === undefined) return undefined;
  const c = plugin.config;
  const codes = Array.isArray(c.response_code) ? c.response_code.filter((x): x is number => typeof x === "number") : [200, 301, 404];
  const headers = c.response_headers !== null && typeof c.response_headers === "object" ? (c.response_headers as Record<string, unknown>) : {};
  const query = c.vary_query_params;
  return {
    scope: plugin.scope,
    methods: stringList(c, "request_method", ["GET", "HEAD"]),
    responseCodes: codes,
    contentTypes: stringList(c, "content_type", ["text/plain", "application/json"]),
    ttlSeconds: numberOf(c, "cache_ttl", 300),
    cacheControl: flag(c, "cache_control", false),
    varyHeaders: stringList(c, "vary_headers"),
    ...(Array.isArray(query) ? { varyQueryParams: stringList(c, "vary_query_params") } : {}),
    responseHeaders: ["X-Cache-Status", "X-Cache-Key", "age"].filter((h) => headers[h] !== false).map((h) => (h === "age" ? "Age" : h)),
  };
}

function corsOf(plugin: AttachedPlugin | undefined, preflightRouted: boolean): CorsInfo | undefined {
  if (plugin === undefined) return undefined;
  const c = plugin.config;
  const maxAge = c.max_age;
  return {
    scope: plugin.scope,
    origins: stringList(c, "origins"),
    methods: stringList(c, "methods", CORS_METHODS),
    headers: stringList(c, "headers"),
    exposedHeaders: stringList(c, "exposed_headers"),
    credentials: flag(c, "credentials", false),
    ...(typeof maxAge === "number" ? { maxAgeSeconds: maxAge } : {}),
    preflightContinue: flag(c, "preflight_continue", false),
    preflightRouted,
  };
}
