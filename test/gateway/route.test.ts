import { Plugin } from "../../lib/gateway/plugins/plugin";
import { resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("GatewayRoute", () => {
  test("defaults: http+https, strip_path, 426 redirect, v0, buffering on; name <service>-<id>", () => {
    // GIVEN only paths WHEN synthesized THEN Kong's defaults are explicit and service_id is a reference
    const { stack, svc } = setup();
    svc.addRoute("v1", { paths: ["/v1/face"] });
    const r = resources(synth(stack), "kong_route")[0];
    expect(r).toEqual({
      name: "svc-v1",
      service_id: expect.stringMatching(/^\$\{kong_service\.[\w-]+\.id\}$/),
      protocols: ["http", "https"],
      paths: ["/v1/face"],
      strip_path: true,
      preserve_host: false,
      https_redirect_status_code: 426,
      regex_priority: 0,
      path_handling: "v0",
      request_buffering: true,
      response_buffering: true,
      tags: ["managed-by:kong-ai-platform"],
      lifecycle: { replace_triggered_by: ["terraform_data.gw_svc_v1_ClearableFields_B94B7420", "kong_service.gw_svc_36812A42.id"] },
    });
  });

  test("typical: methods, wildcard hosts and headers", () => {
    const { stack, svc } = setup();
    svc.addRoute("r", { paths: ["~/v1/face/\\d+$"], methods: ["POST", "POST"], hosts: ["*.example.com"], headers: { "x-version": ["2"] }, regexPriority: 5 });
    expect(resources(synth(stack), "kong_route")[0]).toMatchObject({
      paths: ["~/v1/face/\\d+$"],
      methods: ["POST"],
      hosts: ["*.example.com"],
      header: [{ name: "x-version", values: ["2"] }],
      regex_priority: 5,
    });
  });

  test("grpc: strip_path defaults to false", () => {
    const { stack, gw } = setup();
    gw.addService("g", { host: "g", protocol: "grpc" }).addRoute("r", { protocols: ["grpc", "grpcs"], paths: ["/pkg.Svc/"] });
    expect(resources(synth(stack), "kong_route")[0]).toMatchObject({ protocols: ["grpc", "grpcs"], strip_path: false });
  });

  test("route ACL behind service key-auth", () => {
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.keyAuth());
    svc.addRoute("r", { paths: ["/a"] }).addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).not.toThrow();
  });

  test("rejects a route ACL without any authentication", () => {
    const { stack, svc } = setup();
    svc.addRoute("r", { paths: ["/a"] }).addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).toThrow(
      '[stack/gw/svc/r] plugins ("acl") needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on this route, its service or the gateway (globally): without one Kong cannot identify the consumer and the ACL refuses every request',
    );
  });

  const bad: Array<[string, object, string]> = [
    ["an http route without matchers", {}, "[stack/gw/svc/r] paths (undefined) or methods, hosts or headers must be set: an http route needs at least one matcher"],
    ["mixed protocol groups", { paths: ["/a"], protocols: ["http", "grpc"] }, '[stack/gw/svc/r] protocols (["http","grpc"]) mixes protocol groups: use only one of http/https, grpc/grpcs, tcp/tls/udp or tls_passthrough'],
    ["an unknown protocol", { paths: ["/a"], protocols: ["ws"] }, '[stack/gw/svc/r] protocols[0] ("ws") must be one of "grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"'],
    ["an empty protocol list", { paths: ["/a"], protocols: [] }, '[stack/gw/svc/r] protocols ([]) must be a non-empty list of "grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"'],
    ["a path with //", { paths: ["/v1//face"] }, '[stack/gw/svc/r] paths[0] ("/v1//face") must not have empty segments ("//")'],
    ["a path with ..", { paths: ["/v1/../admin"] }, '[stack/gw/svc/r] paths[0] ("/v1/../admin") is not normalized: remove "." and ".." segments'],
    ["a path without leading /", { paths: ["v1"] }, '[stack/gw/svc/r] paths[0] ("v1") must start with "/" (prefix path) or "~/" (regex path)'],
    ["a regex path that does not compile", { paths: ["~/v1/(face"] }, "[stack/gw/svc/r] paths[0] (\"~/v1/(face\") is not a valid regular expression after '~'"],
    ["a lowercase method", { paths: ["/a"], methods: ["post"] }, '[stack/gw/svc/r] methods[0] ("post") must be an HTTP method in uppercase letters, e.g. POST'],
    ["two wildcards in a host", { hosts: ["*.a.*"] }, "[stack/gw/svc/r] hosts[0] (\"*.a.*\") must have at most one '*' wildcard"],
    ["a wildcard in the middle", { hosts: ["a.*.com"] }, "[stack/gw/svc/r] hosts[0] (\"a.*.com\") must place the '*' wildcard as the whole leftmost or rightmost label"],
    ["an invalid host", { hosts: ["exa mple.com"] }, '[stack/gw/svc/r] hosts[0] ("exa mple.com") must be a hostname (optionally with a port and one leading or trailing \'*\' label)'],
    ["a host header", { headers: { Host: ["a"] } }, '[stack/gw/svc/r] headers.Host ("Host") cannot match the host header: put host names in hosts'],
    ["a bad header name", { headers: { "x model": ["a"] } }, "[stack/gw/svc/r] headers.x model (\"x model\") must be an HTTP header name made of A-Z, a-z, 0-9, '-' and '_'"],
    ["empty header values", { headers: { "x-a": [] } }, "[stack/gw/svc/r] headers.x-a ([]) must be a non-empty list of non-empty strings"],
    ["an invalid redirect code", { paths: ["/a"], httpsRedirectStatusCode: 303 }, "[stack/gw/svc/r] httpsRedirectStatusCode (303) must be one of 426, 301, 302, 307, 308"],
    ["an unknown path handling", { paths: ["/a"], pathHandling: "v2" }, '[stack/gw/svc/r] pathHandling ("v2") must be one of "v0"'],
    [
      "path handling v1 (Kong 3.9's default router ignores it)",
      { paths: ["/a"], pathHandling: "v1" },
      `[stack/gw/svc/r] pathHandling ("v1") is not supported: Kong 3.9's default router (router_flavor "traditional_compatible") ignores it and joins paths as "v0" (Kong only logs that "path_handling='v1' is deprecated and will not work under 'expressions' or 'traditional_compatible' router_flavor"). Use "v0" (the default): strip the prefix with stripPath and set the service's path`,
    ],
    ["snis on an http-only route", { paths: ["/a"], protocols: ["http"], snis: ["a.example.com"] }, '[stack/gw/svc/r] snis (["a.example.com"]) can only be set when protocols include "https", "grpcs", "tls" or "tls_passthrough"'],
    ["methods on a grpc route", { protocols: ["grpc"], paths: ["/a"], methods: ["POST"] }, '[stack/gw/svc/r] methods (["POST"]) cannot be set when protocols are grpc/grpcs'],
    ["strip_path on a grpc route", { protocols: ["grpc"], paths: ["/a"], stripPath: true }, "[stack/gw/svc/r] stripPath (true) must be false when protocols are grpc/grpcs"],
    ["a grpc route without matchers", { protocols: ["grpc"] }, "[stack/gw/svc/r] paths (undefined) or hosts or headers must be set: a grpc route needs at least one matcher"],
    ["paths on a tcp route", { protocols: ["tcp"], paths: ["/a"], snis: ["a.b"] }, '[stack/gw/svc/r] paths (["/a"]) cannot be set when protocols are tcp'],
    ["a tls_passthrough route without snis", { protocols: ["tls_passthrough"] }, "[stack/gw/svc/r] snis (undefined) must be set when protocols are tls_passthrough (this library does not model sources/destinations)"],
    ["an invalid name", { paths: ["/a"], name: "a/b" }, `[stack/gw/svc/r] name ("a/b") must be a Kong name: ASCII letters, digits, '.', '-', '_' and '~' (non-ASCII UTF-8 is also allowed)`],
    ["props that are not an object", null as any, '[stack/gw/svc/r] props (null) must be an object, e.g. { paths: ["/v1/model"] }\n[stack/gw/svc/r] paths (undefined) or methods, hosts or headers must be set: an http route needs at least one matcher'],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    // GIVEN a route prop Kong rejects WHEN added THEN the exact message names the route and the field
    const { svc } = setup();
    expect(() => svc.addRoute("r", props as any)).toThrow(message);
  });

  test("rejects a duplicate route name", () => {
    const { gw, svc } = setup();
    svc.addRoute("a", { name: "face", paths: ["/a"] });
    expect(() => gw.addService("other", { host: "o" }).addRoute("b", { name: "face", paths: ["/b"] })).toThrow(
      '[stack/gw/other/b] name ("face") is already the name of the route stack/gw/svc/a: Kong route names are unique',
    );
  });

  test("rejects the same path, host and method on two services", () => {
    const { gw, svc } = setup();
    svc.addRoute("a", { paths: ["/v1/face", "/v1/x"], methods: ["POST"] });
    expect(() => gw.addService("other", { host: "o" }).addRoute("b", { paths: ["/v1/face"], methods: ["POST", "GET"] })).toThrow(
      '[stack/gw/other/b] paths ("/v1/face") with host "*" and method "POST" is already routed by stack/gw/svc/a: Kong would send these requests to only one of them; change the paths, hosts, methods or headers',
    );
  });

  test("the same path with different hosts or headers is not a duplicate", () => {
    const { stack, svc } = setup();
    svc.addRoute("a", { paths: ["/v1"], hosts: ["a.example.com"] });
    svc.addRoute("b", { paths: ["/v1"], hosts: ["b.example.com"] });
    svc.addRoute("c", { paths: ["/v1"], headers: { "x-v": ["2"] } });
    expect(resources(synth(stack), "kong_route")).toHaveLength(3);
  });
});
