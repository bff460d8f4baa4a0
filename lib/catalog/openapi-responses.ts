import type { RouteEntry } from "./types";

type Json = Record<string, unknown>;

const INTEGER = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };

/** Response headers Kong's plugins send (Kong 3.9 `rate-limiting/handler.lua`, `cors/handler.lua`, the auth handlers). */
const HEADER_DESCRIPTIONS: Readonly<Record<string, [string, Json]>> = {
  "RateLimit-Limit": ["The limit of the window closest to being exhausted (Kong rate-limiting)", INTEGER],
  "RateLimit-Remaining": ["Requests left in that window", INTEGER],
  "RateLimit-Reset": ["Seconds until that window resets", INTEGER],
  "Retry-After": ["Seconds until the exhausted window resets: retry after them", INTEGER],
  "WWW-Authenticate": ["The scheme Kong expects: Key (key-auth), Bearer (jwt), Basic (basic-auth)", TEXT],
  "Access-Control-Allow-Origin": ["The calling origin, when the route's cors policy allows it", TEXT],
  "Access-Control-Allow-Credentials": ["true when the cors policy allows credentials", TEXT],
  "Access-Control-Expose-Headers": ["Response headers a browser script may read", TEXT],
  "Access-Control-Allow-Methods": ["Methods the cors policy allows", TEXT],
  "Access-Control-Allow-Headers": ["Request headers the cors policy allows (the requested ones when it names none)", TEXT],
  "Access-Control-Max-Age": ["Seconds a browser may cache this preflight answer", INTEGER],
  "X-Cache-Status": ["Kong proxy-cache: Hit (served from Kong's cache), Miss, Bypass (not cacheable) or Refresh", TEXT],
  "X-Cache-Key": ["Kong proxy-cache: the key the answer is cached under", TEXT],
  Age: ["Seconds the answer has been in Kong's cache", INTEGER],
};

const ERRORS: Readonly<Record<string, string>> = {
  Unauthorized: "No valid credential: an authentication plugin of the route refused the request",
  Forbidden: "The consumer is not allowed: its ACL groups do not match the route's (Kong acl)",
  LengthRequired: "The request has neither Content-Length nor chunked encoding (Kong request-size-limiting)",
  PayloadTooLarge: "The body is larger than the route allows (Kong request-size-limiting; 417 instead with Expect: 100-continue)",
};

/** Response and header components of a document, collected as operations use them. */
export class ResponseComponents {
  private readonly headers = new Map<string, Json>();
  private readonly responses = new Map<string, Json>();
  /** `$ref` objects already made, by what they list: operations share them (a thousand routes, a handful of shapes). */
  private readonly made = new Map<string, Json>();

  /** `components.headers`, `components.responses` and `components.schemas`, sorted by name. */
  public components(): Json {
    return {
      headers: sorted(this.headers),
      responses: sorted(this.responses),
      schemas: {
        KongError: {
          type: "object",
          description: "The body of a response Kong itself sends (JSON when the request accepts it)",
          required: ["message"],
          properties: { message: TEXT, request_id: TEXT },
        },
      },
    };
  }

  /**
   * The responses of one operation of a route: the backend's answer (a shared component per set of headers Kong adds:
   * `Proxied`, `Proxied-2`, ...) and what Kong's plugins may answer instead.
   */
  public forOperation(route: RouteEntry, method: string): Json {
    const out: Json = { "2XX": this.proxied(this.successHeaders(route, method)) };
    const auth = route.authentication;
    if (auth.methods.some((m) => !m.anonymous)) out["401"] = this.error("Unauthorized", ["WWW-Authenticate"]);
    if (route.acl !== undefined || route.plugins.some((p) => p.name === "ip-restriction" || p.name === "bot-detection")) {
      out["403"] = this.error("Forbidden", []);
    }
    if (route.requestSizeLimit?.requireContentLength) out["411"] = this.error("LengthRequired", []);
    if (route.requestSizeLimit) out["413"] = this.error("PayloadTooLarge", []);
    const rl = route.rateLimit;
    if (rl) {
      const windows = rl.windows.map((w) => w.window);
      const name = rl.clientHeaders ? `RateLimited-${windows.join("-")}` : "RateLimited";
      const description = `A rate limit of the route (windows: ${windows.join(", ")}) or of the consumer was reached (Kong rate-limiting)`;
      const headers = rl.clientHeaders ? ["Retry-After", ...this.rateLimitHeaders(windows)] : [];
      out[String(rl.errorCode)] = this.error(name, headers, description);
    }
    return out;
  }

  /** The answer of Kong's cors plugin to a preflight. */
  public preflight(route: RouteEntry): Json {
    const cors = route.cors;
    const names = ["Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"];
    if (cors?.maxAgeSeconds !== undefined) names.push("Access-Control-Max-Age");
    if (cors?.credentials) names.push("Access-Control-Allow-Credentials");
    return { "200": { description: "Kong's cors plugin answers the preflight; the request goes no further", headers: this.refs(names) } };
  }

  /** A `$ref` to the success response with these headers, defined on first use. */
  private proxied(headers: Json): Json {
    const key = `proxied:${Object.keys(headers).join(",")}`;
    const made = this.made.get(key);
    if (made) return made;
    const count = [...this.made.keys()].filter((k) => k.startsWith("proxied:")).length;
    const name = count === 0 ? "Proxied" : `Proxied-${count + 1}`;
    this.responses.set(name, { description: "The backend's response, proxied by Kong, with the headers Kong's plugins add", headers });
    const ref = { $ref: `#/components/responses/${name}` };
    this.made.set(key, ref);
    return ref;
  }

  private successHeaders(route: RouteEntry, method: string): Json {
    const names: string[] = [];
    if (route.cache?.methods.includes(method)) names.push(...route.cache.responseHeaders);
    if (route.rateLimit?.clientHeaders) names.push(...this.rateLimitHeaders(route.rateLimit.windows.map((w) => w.window)));
    if (route.cors) {
      names.push("Access-Control-Allow-Origin");
      if (route.cors.credentials) names.push("Access-Control-Allow-Credentials");
      if (route.cors.exposedHeaders.length > 0) names.push("Access-Control-Expose-Headers");
    }
    if (route.requestIdHeader) {
      this.define(route.requestIdHeader, "The request's id (Kong correlation-id): quote it when reporting a problem", TEXT);
      names.push(route.requestIdHeader);
    }
    return this.refs(names);
  }

  private rateLimitHeaders(windows: readonly string[]): string[] {
    const names = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];
    for (const w of windows) {
      const period = w.charAt(0).toUpperCase() + w.slice(1);
      this.define(`X-RateLimit-Limit-${period}`, `Requests allowed per ${w}`, INTEGER);
      this.define(`X-RateLimit-Remaining-${period}`, `Requests left in the current ${w}`, INTEGER);
      names.push(`X-RateLimit-Limit-${period}`, `X-RateLimit-Remaining-${period}`);
    }
    return names;
  }

  /** A `$ref` to the error response `name`, defined on first use. */
  private error(name: string, headers: readonly string[], description = ERRORS[name]): Json {
    const made = this.made.get(`response:${name}`);
    if (made) return made;
    if (!this.responses.has(name)) {
      this.responses.set(name, {
        description,
        ...(headers.length > 0 ? { headers: this.refs(headers) } : {}),
        content: { "application/json": { schema: { $ref: "#/components/schemas/KongError" } } },
      });
    }
    const ref = { $ref: `#/components/responses/${name}` };
    this.made.set(`response:${name}`, ref);
    return ref;
  }

  private refs(names: readonly string[]): Json {
    const key = `headers:${names.join(",")}`;
    const made = this.made.get(key);
    if (made) return made;
    const out: Json = {};
    this.made.set(key, out);
    for (const name of names) {
      const known = HEADER_DESCRIPTIONS[name];
      if (known) this.define(name, known[0], known[1]);
      out[name] = { $ref: `#/components/headers/${name}` };
    }
    return out;
  }

  private define(name: string, description: string, schema: Json): void {
    if (!this.headers.has(name)) this.headers.set(name, { description, schema });
  }
}

function sorted(map: ReadonlyMap<string, Json>): Json {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
