import { bool, listOf, stringArray, subsetOf } from "../../core/checks";
import { isToken } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { knownKeys } from "../../core/keys";
import { compiles } from "../validation";
import { compact, optionsOf, PolicySpec } from "./render";
import { isNumberToken } from "../../core/tokens";

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

const CORS_OPTION_KEYS = knownKeys<CorsOptions>()([
  "origins", "headers", "exposedHeaders", "methods", "maxAgeSeconds", "credentials", "privateNetwork",
  "preflightContinue",
]);

export function cors(options?: CorsOptions): PolicySpec {
  const v = new ProblemRecorder("cors");
  const o = optionsOf(v, options, CORS_OPTION_KEYS);
  listOf(v, "origins", o.origins, 'must be a list of "*" or regexes', (f, origin) => {
    if (typeof origin === "string" && origin.length > 0 && (origin === "*" || compiles(origin))) return true;
    v.add(f, origin, 'must be "*" or a valid regular expression');
    return false;
  });
  stringArray(v, "headers", o.headers);
  stringArray(v, "exposedHeaders", o.exposedHeaders);
  subsetOf(v, "methods", o.methods, CORS_METHODS);
  // Access-Control-Max-Age is a whole number of seconds (Fetch standard); browsers ignore a negative one and cap it
  // (Firefox at 86400, Chromium at 7200). Kong's schema takes any number.
  if (o.maxAgeSeconds !== undefined && !isNumberToken(o.maxAgeSeconds)) {
    const age = o.maxAgeSeconds;
    if (typeof age !== "number" || !Number.isInteger(age) || age < 0 || age > 86400) {
      v.add("maxAgeSeconds", age, "must be a whole number of seconds from 0 to 86400 (browsers ignore a negative one and cap it at 86400 or less)");
    }
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
  for (let i = 0; i < origins.length; i++) {
    const origin: unknown = origins[i];
    if (typeof origin !== "string" || isToken(origin)) continue;
    if (origin === "*" || matchesAnyOrigin(origin)) {
      v.add(`origins[${i}]`, origin, `matches any origin, which cannot be combined with credentials: true: ${ANY_ORIGIN}`);
    }
  }
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
