import { bool, integerIn, nonEmptyString, oneOf, stringArray, subsetOf } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { compact, optionsOf, PolicySpec } from "./render";

export type CacheableMethod = "HEAD" | "GET" | "POST" | "PATCH" | "PUT";

/**
 * Options of Kong's proxy-cache plugin (Kong/kong 3.9.1 `kong/plugins/proxy-cache/schema.lua`; open source Kong
 * has the "memory" strategy only).
 * https://developer.konghq.com/plugins/proxy-cache/
 */
export interface ProxyCacheOptions {
  /** Cache storage; "memory" is the only strategy of open source Kong. @default "memory" */
  readonly strategy?: "memory";
  /** Upstream status codes that are cached, each 100..900, at least one. @default [200, 301, 404] */
  readonly responseCode?: number[];
  /** Request methods that are cached. @default ["GET", "HEAD"] */
  readonly requestMethod?: CacheableMethod[];
  /** Content types that are cached. @default ["text/plain", "application/json"] */
  readonly contentType?: string[];
  /** Seconds an entry is served (integer > 0). @default 300 */
  readonly cacheTtlSeconds?: number;
  /** Honour Cache-Control headers (RFC 7234). @default false */
  readonly cacheControl?: boolean;
  /** Ignore the case of the URI in the cache key. @default false */
  readonly ignoreUriCase?: boolean;
  /** Seconds an entry is kept in storage, beyond cacheTtlSeconds. @default none: as long as cacheTtlSeconds */
  readonly storageTtlSeconds?: number;
  /** Query parameters that are part of the cache key. @default none: all of them */
  readonly varyQueryParams?: string[];
  /** Headers that are part of the cache key. @default none */
  readonly varyHeaders?: string[];
  /** Shared dictionary of the memory strategy (must exist in Kong's nginx config). @default "kong_db_cache" */
  readonly memoryDictionaryName?: string;
}

export function proxyCache(options?: ProxyCacheOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("proxyCache");
  oneOf(v, "strategy", o.strategy, ["memory"]);
  if (o.responseCode !== undefined && !isToken(o.responseCode)) {
    if (!Array.isArray(o.responseCode) || o.responseCode.length === 0) {
      v.add("responseCode", o.responseCode, "must be a non-empty list of HTTP status codes");
    } else {
      o.responseCode.forEach((c, i) => integerIn(v, `responseCode[${i}]`, c, 100, 900));
    }
  }
  subsetOf(v, "requestMethod", o.requestMethod, ["HEAD", "GET", "POST", "PATCH", "PUT"]);
  stringArray(v, "contentType", o.contentType);
  integerIn(v, "cacheTtlSeconds", o.cacheTtlSeconds, 1, Number.MAX_SAFE_INTEGER);
  bool(v, "cacheControl", o.cacheControl);
  bool(v, "ignoreUriCase", o.ignoreUriCase);
  integerIn(v, "storageTtlSeconds", o.storageTtlSeconds, 0, Number.MAX_SAFE_INTEGER);
  stringArray(v, "varyQueryParams", o.varyQueryParams);
  stringArray(v, "varyHeaders", o.varyHeaders);
  nonEmptyString(v, "memoryDictionaryName", o.memoryDictionaryName);
  const config = v.isEmpty
    ? compact({
        strategy: o.strategy ?? "memory",
        response_code: o.responseCode ?? [200, 301, 404],
        request_method: o.requestMethod ?? ["GET", "HEAD"],
        content_type: o.contentType ?? ["text/plain", "application/json"],
        cache_ttl: o.cacheTtlSeconds ?? 300,
        cache_control: o.cacheControl ?? false,
        ignore_uri_case: o.ignoreUriCase ?? false,
        storage_ttl: o.storageTtlSeconds,
        vary_query_params: o.varyQueryParams,
        vary_headers: o.varyHeaders,
        memory: { dictionary_name: o.memoryDictionaryName ?? "kong_db_cache" },
      })
    : {};
  return { name: "proxy-cache", label: "proxyCache", config, problems: v.items };
}
