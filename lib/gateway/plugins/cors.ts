import { bool, stringArray, subsetOf } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { compiles } from "../validation";
import { compact, optionsOf, PolicySpec } from "./render";

const CORS_METHODS = Object.freeze(["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"] as const);
export type CorsMethod = (typeof CORS_METHODS)[number];

/**
 * Options of Kong's cors plugin (Kong/kong 3.9.1 `kong/plugins/cors/schema.lua`).
 * https://developer.konghq.com/plugins/cors/
 */
export interface CorsOptions {
  /** Allowed origins: "*" or regexes such as "https://app\\.example\\.com". @default none: any origin ("*") */
  readonly origins?: string[];
  /** Access-Control-Allow-Headers. @default none: the request's Access-Control-Request-Headers are echoed */
  readonly headers?: string[];
  /** Access-Control-Expose-Headers. @default none */
  readonly exposedHeaders?: string[];
  /** Access-Control-Allow-Methods. @default all nine: GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS, TRACE, CONNECT */
  readonly methods?: CorsMethod[];
  /** Seconds a preflight result may be cached (Access-Control-Max-Age). @default none */
  readonly maxAgeSeconds?: number;
  /**
   * Access-Control-Allow-Credentials. When true, `origins` must list the allowed origins: with no origins, "*" or a
   * pattern matching any origin, Kong echoes every request's Origin with credentials allowed. @default false
   */
  readonly credentials?: boolean;
  /** Access-Control-Allow-Private-Network. @default false */
  readonly privateNetwork?: boolean;
  /** Pass OPTIONS preflight requests on to the upstream. @default false */
  readonly preflightContinue?: boolean;
}

export function cors(options?: CorsOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("cors");
  if (o.origins !== undefined && !isToken(o.origins)) {
    if (!Array.isArray(o.origins)) {
      v.add("origins", o.origins, 'must be a list of "*" or regexes');
    } else {
      o.origins.forEach((origin, i) => {
        if (isToken(origin)) return;
        if (typeof origin !== "string" || origin.length === 0 || (origin !== "*" && !compiles(origin))) {
          v.add(`origins[${i}]`, origin, 'must be "*" or a valid regular expression');
        }
      });
    }
  }
  stringArray(v, "headers", o.headers);
  stringArray(v, "exposedHeaders", o.exposedHeaders);
  subsetOf(v, "methods", o.methods, CORS_METHODS);
  if (o.maxAgeSeconds !== undefined && !isToken(o.maxAgeSeconds) && (typeof o.maxAgeSeconds !== "number" || !Number.isFinite(o.maxAgeSeconds))) {
    v.add("maxAgeSeconds", o.maxAgeSeconds, "must be a number of seconds");
  }
  if (bool(v, "credentials", o.credentials) && o.credentials === true) checkCredentialedOrigins(v, o.origins);
  bool(v, "privateNetwork", o.privateNetwork);
  bool(v, "preflightContinue", o.preflightContinue);
  const config = v.isEmpty
    ? compact({
        origins: o.origins,
        headers: o.headers,
        exposed_headers: o.exposedHeaders,
        methods: o.methods ?? [...CORS_METHODS],
        max_age: o.maxAgeSeconds,
        credentials: o.credentials ?? false,
        private_network: o.privateNetwork ?? false,
        preflight_continue: o.preflightContinue ?? false,
      })
    : {};
  return { name: "cors", label: "cors", config, problems: v.items };
}

const ANY_ORIGIN =
  "Kong would echo any request's Origin together with Access-Control-Allow-Credentials, so every website could call the API with its visitors' credentials. List the allowed origins, e.g. origins: [\"https://app\\\\.example\\\\.com\"]";

/** With credentials, origins must be explicit: not absent, not empty, no "*" and no pattern matching any origin. */
function checkCredentialedOrigins(v: ProblemRecorder, origins: unknown): void {
  if (isToken(origins)) return;
  if (origins === undefined || (Array.isArray(origins) && origins.length === 0)) {
    v.add("credentials", true, `requires explicit origins: with no origins, ${ANY_ORIGIN}`);
    return;
  }
  if (!Array.isArray(origins)) return;
  origins.forEach((origin, i) => {
    if (typeof origin !== "string" || isToken(origin)) return;
    if (origin === "*" || matchesAnyOrigin(origin)) {
      v.add(`origins[${i}]`, origin, `matches any origin, which cannot be combined with credentials: true: ${ANY_ORIGIN}`);
    }
  });
}

/** Whether an origin pattern (anchored, as Kong matches it) also matches unrelated origins such as an attacker's. */
function matchesAnyOrigin(pattern: string): boolean {
  const translated = pattern.replace(/^\(\?[imsx]+\)/, "").replace(/\(\?P</g, "(?<");
  try {
    const re = new RegExp(`^(?:${translated})$`, "i");
    return ["https://attacker.invalid", "http://attacker.invalid"].some((o) => re.test(o));
  } catch {
    return false;
  }
}
