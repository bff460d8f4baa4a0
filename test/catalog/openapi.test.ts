import { Authentication } from "../../lib/gateway/authentication";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { Json, resources, synth } from "../helpers";
import { catalogOf, defaultApp, gatewaySetup, openApiOf, requiredSchemes, validateOpenApi } from "./helpers";
import { openApiDocument, openApiText, proxyServers } from "../../lib/catalog/openapi";

/** A gateway using every feature the document renders: OR and AND authentication, CORS, hosts, regex and gRPC routes. */
function richGateway() {
  const { gateway } = gatewaySetup();
  gateway.addPlugin(Plugin.correlationId({ headerName: "X-Request-ID", echoDownstream: true }));
  const web = gateway.addService("web", { host: "web.local" });
  web.addPlugin(Plugin.keyAuth({ anonymous: "anon", keyInQuery: false }));
  web.addPlugin(Plugin.jwt({ anonymous: "anon", uriParamNames: [] }));
  web.addPlugin(Plugin.acl({ allow: ["web"] }));
  web.addPlugin(Plugin.cors({ origins: ["https://app.example.com"], credentials: true, maxAgeSeconds: 600 }));
  web.addPlugin(Plugin.rateLimiting({ minute: 100, errorCode: 503, hideClientHeaders: true }));
  web.addPlugin(Plugin.requestSizeLimiting({ allowedPayloadSize: 512, sizeUnit: "kilobytes", requireContentLength: true }));
  web.addRoute("api", { paths: ["/web", "/web2"], methods: ["GET", "POST", "OPTIONS"] });
  web.addRoute("any", { paths: ["/any"] });
  web.addRoute("host", { paths: ["/h"], hosts: ["*.example.com"], protocols: ["https"], headers: { "x-version": ["2"] }, methods: ["PUT", "OPTIONS"] });
  web.addRoute("tls", { paths: ["/tls"], protocols: ["https"], methods: ["GET", "OPTIONS"] });
  web.addRoute("regex", { paths: ["~/items/\\d+$"], methods: ["GET", "OPTIONS"] });
  gateway.addService("grpc", { host: "grpc.local", protocol: "grpc" }).addRoute("g", { paths: ["/pkg.Service"], protocols: ["grpc"] });
  const both = gateway.addService("both", { host: "both.local" });
  // both credentials together, said explicitly (the gateway refuses an implicit AND); the JWT also in ?jwt=
  Authentication.allOf(Authentication.keyAuth(), Authentication.jwt({ uriParamNames: ["jwt"] })).attachTo(both, { allow: ["web"] });
  both.addRoute("both", { paths: ["/both"], methods: ["POST"] });
  gateway.addService("pub", { host: "pub.local" }).addRoute("pub", { paths: ["/pub"], methods: ["GET"] });
  gateway.addConsumer("anonymous", { username: "anon" });
  gateway.addConsumer("web-app", { username: "web", aclGroups: ["web"], keyAuth: true });
  return gateway;
}

/** The object a `$ref` of the document points at. */
function deref(doc: Json, ref: Json): Json {
  return (ref.$ref as string).split("/").slice(1).reduce((x: Json, key: string) => x[key], doc);
}

const dev = defaultApp("dev");
const prod = defaultApp("prod");
const docs: Record<string, Json> = {
  dev: openApiDocument(dev.platform.catalog!.data()),
  prod: openApiDocument(prod.platform.catalog!.data()),
  rich: openApiOf(richGateway()),
};
const validation = validateOpenApi(docs);

describe.each([
  ["dev", dev],
  ["prod", prod],
])("the default app's %s", (env, { platform }) => {
  const doc = docs[env];

  test("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", () => {
    expect(validation[env]).toEqual({ valid: true, errors: null });
    expect(doc.openapi).toBe("3.1.0");
  });

  test("every Kong route, path and method is an operation with the authentication its service enforces", () => {
    const json = synth(platform.gatewayStack);
    const all = resources(json, "kong_route");
    // prod publishes the Admin API through the proxy: a route of the gateway for its operators, not its clients
    const routes = all.filter((r) => r.name !== "kong-admin-api");
    expect(all.length - routes.length).toBe(env === "prod" ? 1 : 0);
    expect(routes.length).toBe(3);
    for (const route of routes) {
      // the key-auth of the route's service, read from the Terraform JSON: one requirement per key name and location
      const service = Object.entries<Json>(json.resource.kong_service).find(([id]) => route.service_id === `\${kong_service.${id}.id}`)![0];
      const plugin = (name: string) => {
        const found = resources(json, "kong_plugin").find((p) => p.name === name && p.service_id === `\${kong_service.${service}.id}`);
        return found && JSON.parse(found.config_json);
      };
      // key-auth's key names in a header or the query string; jwt's Authorization: Bearer and query parameters
      const keyAuth = plugin("key-auth");
      const where = [keyAuth.key_in_header && "header", keyAuth.key_in_query && "query"].filter(Boolean);
      const keys = where.flatMap((w) => keyAuth.key_names.map((k: string) => ({ [`keyAuth-${w}-${k}`]: [] })));
      const jwt = plugin("jwt");
      const tokens = jwt ? [{ "jwt-bearer": [] }, ...jwt.uri_param_names.map((q: string) => ({ [`jwt-query-${q}`]: [] }))] : [];
      // both with anonymous (Kong's anyOf pattern, the ACL refusing the anonymous consumer): any one suffices
      if (jwt) expect([keyAuth.anonymous, jwt.anonymous].every((a) => typeof a === "string" && a !== "")).toBe(true);
      const expected = [...keys, ...tokens];
      for (const path of route.paths) {
        for (const method of route.methods) {
          const op = doc.paths[path][method.toLowerCase()];
          // a preflight is answered by the route's cors plugin, before any authentication
          const preflight = method === "OPTIONS" && plugin("cors") !== undefined;
          expect({ route: op["x-kong"].route, security: op.security }).toEqual({ route: route.name, security: preflight ? [] : expected });
        }
      }
    }
    expect(Object.keys(doc.paths).sort()).toEqual(["/v1/content-moderation", "/v1/face-detection", "/v1/pet-detection"]);
    if (env === "prod") {
      expect(doc["x-kong-unlisted-routes"]).toEqual([
        { route: "kong-admin-api", api: "kong-admin-api", reason: "Kong's Admin API: for the platform's operators, not its clients" },
      ]);
    }
  });

  test("declares the API key scheme with its header name, the JWT ones, and only the schemes operations use", () => {
    expect(doc.components.securitySchemes).toEqual({
      "jwt-bearer": {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description: "Authorization: Bearer <token>: a JWT signed with the consumer's JWT credential (Kong jwt)",
      },
      "keyAuth-header-apikey": { type: "apiKey", in: "header", name: "apikey", description: "header apikey: <key>, the consumer's API key (Kong key-auth)" },
    });
    expect(new Set(requiredSchemes(doc).map(([, name]) => name))).toEqual(new Set(Object.keys(doc.components.securitySchemes)));
  });

  test("one tag per model", () => {
    expect(doc.tags.map((t: Json) => t.name)).toEqual(["content-moderation", "face-detection", "pet-detection"]);
  });

  test("401, 403, 413 and 429 with Kong's rate-limit headers; the limits in the description", () => {
    const op = doc.paths["/v1/face-detection"].post;
    expect(Object.keys(op.responses).sort()).toEqual(["2XX", "401", "403", "413", "429"]);
    expect(op.responses["429"]).toEqual({ $ref: "#/components/responses/RateLimited-second-minute" });
    expect(Object.keys(doc.components.responses["RateLimited-second-minute"].headers)).toEqual([
      "Retry-After",
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset",
      "X-RateLimit-Limit-Second",
      "X-RateLimit-Remaining-Second",
      "X-RateLimit-Limit-Minute",
      "X-RateLimit-Remaining-Minute",
    ]);
    expect(op.description).toContain("Rate limit: 10/second, 300/minute per consumer (policy redis: counted across Kong pods in Redis); beyond it 429.");
    expect(op.description).toContain("Consumers with a rate limit of their own get it instead (Kong prefers a consumer's plugin): mobile-app (5/second, 120/minute).");
    expect(op.requestBody.description).toBe("The input of face-detection, at most 10 megabytes (10485760 bytes): Kong answers 413 beyond");
    expect(op["x-kong"].requestSizeLimit).toEqual({ bytes: 10485760, size: 10, unit: "megabytes", requireContentLength: false });
  });

  test("content-moderation: any one of an API key or a JWT (OR); CORS with its preflight answered by Kong", () => {
    const op = doc.paths["/v1/content-moderation"].post;
    expect(op.description).toContain("Authentication: any one of: key-auth (header apikey); jwt (Authorization: Bearer <token>; the token must carry exp).");
    expect(op.description).toContain("CORS: https://console.example.com (POST, OPTIONS; preflights answered by Kong).");
    expect(doc.paths["/v1/content-moderation"].options.summary).toBe("CORS preflight of /v1/content-moderation, answered by Kong");
    expect(deref(doc, op.responses["2XX"]).headers["Access-Control-Allow-Origin"]).toEqual({ $ref: "#/components/headers/Access-Control-Allow-Origin" });
  });
});

describe("servers", () => {
  test("a load balancer without a fixed address: a variable whose default is the proxy's in-cluster name", () => {
    expect(docs.dev.servers.map((s: Json) => s.url)).toEqual(["http://{proxyAddress}", "https://{proxyAddress}"]);
    expect(docs.dev.servers[0].variables.proxyAddress.default).toBe("kong-proxy.kong.svc.cluster.local");
    expect(docs.dev.servers[0].variables.proxyAddress.description).toContain("output kong_proxy_address of stack ai-platform-dev");
  });

  test("HTTPS-only routes behind a certificate: its host names, but the one the Admin API's route is bound to", () => {
    expect(docs.prod.servers).toEqual([{ url: "https://ai.prod.internal", description: "Kong's proxy (https), a host name of its certificate" }]);
  });

  test("a load balancer with a fixed address and no certificate: that address", () => {
    const proxy = { ...dev.platform.catalog!.data().proxy!, address: "10.20.0.10" };
    expect(proxyServers(proxy, ["http", "https"]).map((s) => s.url)).toEqual(["http://10.20.0.10", "https://10.20.0.10"]);
  });

  test("a route with hosts or other schemes gets servers of its own", () => {
    expect(docs.rich.paths["/h"].put.servers).toEqual([
      { url: "https://{wildcard}.example.com", description: "Host *.example.com (https), through Kong's proxy", variables: { wildcard: { default: "api", description: "Any label: the route answers to *.example.com" } } },
    ]);
    expect(docs.rich.paths["/tls"].get.servers.map((s: Json) => s.url)).toEqual(["https://{proxyAddress}"]);
    expect(docs.rich.paths["/pub"].get.servers).toBeUndefined();
  });
});

describe("a gateway of every kind of route and policy", () => {
  const doc = docs.rich;

  test("is a valid OpenAPI 3.1 document", () => {
    expect(validation.rich).toEqual({ valid: true, errors: null });
  });

  test("plugins with anonymous, and an ACL refusing the anonymous consumer: any one credential (OR)", () => {
    expect(doc.paths["/web"].post.security).toEqual([{ "keyAuth-header-apikey": [] }, { "jwt-bearer": [] }]);
  });

  test("two plugins without anonymous (allOf): both credentials together (AND), the JWT in either of its places", () => {
    expect(doc.paths["/both"].post.security).toEqual([
      { "jwt-bearer": [], "keyAuth-header-apikey": [] },
      { "jwt-query-jwt": [], "keyAuth-header-apikey": [] },
    ]);
    expect(doc.components.securitySchemes["jwt-bearer"]).toEqual({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
      description: "Authorization: Bearer <token>: a JWT signed with the consumer's JWT credential (Kong jwt)",
    });
  });

  test("no authentication plugin: security [] (public)", () => {
    expect(doc.paths["/pub"].get.security).toEqual([]);
    expect(Object.keys(doc.paths["/pub"].get.responses)).toEqual(["2XX"]);
  });

  test("a CORS preflight the cors plugin answers: no security, the Access-Control headers", () => {
    const op = doc.paths["/web"].options;
    expect(op.security).toEqual([]);
    expect(op.summary).toBe("CORS preflight of /web, answered by Kong");
    expect(Object.keys(op.responses["200"].headers)).toEqual([
      "Access-Control-Allow-Origin",
      "Access-Control-Allow-Methods",
      "Access-Control-Allow-Headers",
      "Access-Control-Max-Age",
      "Access-Control-Allow-Credentials",
    ]);
  });

  test("one operation per path of a route and per method; a route without methods has every OpenAPI method", () => {
    expect(Object.keys(doc.paths["/web"])).toEqual(["get", "post", "options"]);
    expect(doc.paths["/web2"].get.operationId).toBe("web-api.get.1");
    expect(doc.paths["/web"].get.operationId).toBe("web-api.get.0");
    expect(Object.keys(doc.paths["/any"])).toEqual(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  });

  test("a custom error code, hidden rate-limit headers, 411 when Content-Length is required", () => {
    const responses = doc.paths["/web"].post.responses;
    expect(Object.keys(responses).sort()).toEqual(["2XX", "403", "411", "413", "503"]);
    expect(responses["503"]).toEqual({ $ref: "#/components/responses/RateLimited" });
    expect(doc.components.responses.RateLimited.headers).toBeUndefined();
    expect(deref(doc, responses["2XX"]).headers["X-Request-ID"]).toEqual({ $ref: "#/components/headers/X-Request-ID" });
  });

  test("header matchers are required header parameters", () => {
    expect(doc.paths["/h"].put.parameters).toEqual([
      { name: "x-version", in: "header", required: true, description: "The route matches only requests with one of these values", schema: { type: "string", enum: ["2"] } },
    ]);
  });

  test("routes OpenAPI cannot express are listed: regex paths, gRPC", () => {
    expect(doc["x-kong-unlisted-routes"]).toEqual([
      { route: "grpc-g", api: "grpc", protocols: ["grpc"], paths: ["/pkg.Service"], reason: "not an HTTP route" },
      { route: "web-regex", api: "web", protocols: ["http", "https"], regexPaths: ["~/items/\\d+$"], reason: "regex paths have no OpenAPI form" },
    ]);
  });

  test("the file's version is a hash of the document: the same app gives the same bytes, another app another version", () => {
    const text = openApiText(catalogOf(richGateway()));
    expect(JSON.parse(text).info.version).toMatch(/^[0-9a-f]{12}$/);
    expect(openApiText(catalogOf(richGateway()))).toBe(text);
    expect(JSON.parse(openApiText(dev.platform.catalog!.data())).info.version).not.toBe(JSON.parse(text).info.version);
    expect(docs.rich.info.version).toBe("unversioned");
  });
});
