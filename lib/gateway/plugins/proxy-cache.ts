import { bool, integerIn, nonEmptyString, oneOf, plainObject, stringArray, subsetOf } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { compact, optionsOf, PolicySpec } from "./render";

export type CacheableMethod = "HEAD" | "GET" | "POST" | "PATCH" | "PUT";

/** The methods whose requests carry a body that Kong's cache key leaves out. */
const BODY_METHODS: readonly string[] = ["POST", "PUT", "PATCH"];

/** The statement that lets a policy cache requests with a body. */
export interface ResponsesIgnoreBody {
  /**
   * Why the upstream's answer depends only on the method, path, query and `varyHeaders`, never on the body (e.g. "the
   * body only carries a client trace id; the model's answer is selected by the query"): a sentence for reviewers.
   */
  readonly reason: string;
}

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
  /**
   * Request methods that are cached. POST, PUT and PATCH also need `responsesIgnoreBody`: Kong's cache key does not
   * include the request body.
   * @default ["GET", "HEAD"]
   */
  readonly requestMethod?: CacheableMethod[];
  /**
   * The explicit statement, with its reason, that the upstream's responses do not depend on the request body: required
   * to cache POST, PUT or PATCH, refused otherwise. Not sent to Kong.
   * @default none: requests with a body are never cached
   */
  readonly responsesIgnoreBody?: ResponsesIgnoreBody;
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
  checkBodyMethods(v, o.requestMethod, o.responsesIgnoreBody);
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

/**
 * Kong's proxy-cache key is built from the consumer and route ids, the method, the path, the query arguments (or
 * `vary_query_params`) and the `vary_headers`, and nothing else: the request body is never read (Kong 3.9
 * `kong/plugins/proxy-cache/cache_key.lua` `build_cache_key`, called from `handler.lua` with `get_method()`, the
 * request line without its query, `get_query()` and `get_headers()`). Cached POSTs of two different images to
 * `/v1/face-detection` would therefore get one and the same answer. Caching a method with a body needs the user's
 * explicit statement, with a reason, that the answer does not depend on the body.
 */
const BODY_NOT_IN_KEY =
  "Kong's proxy-cache key is the method, the path, the query and the varyHeaders (per consumer and route), never the request body " +
  "(kong/plugins/proxy-cache/cache_key.lua), so requests with different bodies to one URL, such as two images posted to a model, would get the same cached answer";

function checkBodyMethods(v: ProblemRecorder, methods: unknown, statement: unknown): void {
  const known = !isToken(methods);
  const listed = methods === undefined ? ["GET", "HEAD"] : Array.isArray(methods) && known ? methods : [];
  const withBody = BODY_METHODS.filter((m) => listed.includes(m));
  if (statement === undefined) {
    if (withBody.length > 0) {
      v.add(
        "requestMethod",
        methods,
        `caches ${withBody.join(", ")}, requests that carry a body: ${BODY_NOT_IN_KEY}. Cache GET and HEAD only, or, if the responses truly do not depend on the body, say why with responsesIgnoreBody: { reason: "..." }`,
      );
    }
    return;
  }
  if (!plainObject(v, "responsesIgnoreBody", statement, 'must be { reason: "..." }: why the responses do not depend on the request body')) return;
  const reason = (statement as Partial<ResponsesIgnoreBody>).reason;
  if (!isToken(reason) && (typeof reason !== "string" || reason.trim().length < 10)) {
    v.add("responsesIgnoreBody.reason", reason, "must explain in a sentence why the upstream's answer does not depend on the request body");
  }
  if (known && (methods === undefined || Array.isArray(methods)) && withBody.length === 0) {
    v.add("responsesIgnoreBody", statement, "has no effect: requestMethod caches no POST, PUT or PATCH. Remove it");
  }
}
