import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { GatewayService } from "../../lib/gateway/service";
import { errorOf, resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("GatewayService", () => {
  test("defaults: name from the id, http, port 80, 5 retries, 60 s timeouts", () => {
    // GIVEN only a host WHEN synthesized THEN Kong's defaults are explicit, path "/" included (Kong's no path)
    const { stack } = setup();
    expect(resources(synth(stack), "kong_service")[0]).toEqual({
      name: "svc",
      host: "models.local",
      protocol: "http",
      port: 80,
      path: "/",
      retries: 5,
      connect_timeout: 60000,
      read_timeout: 60000,
      write_timeout: 60000,
      tags: ["managed-by:kong-ai-platform"],
      lifecycle: { replace_triggered_by: ["terraform_data.gw_svc_ClearableFields_5C10FE43"] },
    });
  });

  test("typical: https with TLS verification", () => {
    const { stack, gw } = setup();
    gw.addService("secure", { host: "10.0.0.5", port: 8443, protocol: "https", path: "/api", tlsVerify: true, tlsVerifyDepth: 2, readTimeoutMs: 120000 });
    expect(resources(synth(stack), "kong_service").find((x) => x.name === "secure")).toMatchObject({ protocol: "https", port: 8443, path: "/api", tls_verify: true, tls_verify_depth: 2, read_timeout: 120000 });
  });

  test("upstream: host is the upstream's name and the service waits for the upstream", () => {
    const { stack, gw } = setup();
    const up = gw.addUpstream("up", { name: "face.upstream" });
    gw.addService("face", { upstream: up });
    const svc = resources(synth(stack), "kong_service").find((x) => x.name === "face");
    expect(svc.host).toBe("face.upstream");
    expect(svc.depends_on).toEqual([expect.stringMatching(/^kong_upstream\./)]);
  });

  test("an ACL on the service is satisfied by key-auth on every one of its routes", () => {
    const { stack, svc } = setup();
    svc.addRoute("r", { paths: ["/a"] }).addPlugin(Plugin.keyAuth());
    svc.addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).not.toThrow();
  });

  test("rejects an ACL without authentication (at synth, so plugin order does not matter)", () => {
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).toThrow(
      '[stack/gw/svc] plugins ("acl") needs an authentication plugin (key-auth, jwt, basic-auth, hmac-auth, oauth2 or ldap-auth) on this service, each of its routes, or the gateway (globally): without one Kong cannot identify the consumer and the ACL refuses every request',
    );
  });

  test("rejects a duplicate service name", () => {
    const { gw } = setup();
    expect(() => gw.addService("other", { name: "svc", host: "a" })).toThrow(
      '[stack/gw/other] name ("svc") is already the name of the service stack/gw/svc: Kong service names are unique',
    );
  });

  test("rejects a name Kong refuses", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { name: "face detection", host: "a" })).toThrow(
      `[stack/gw/x] name ("face detection") must be a Kong name: ASCII letters, digits, '.', '-', '_' and '~' (non-ASCII UTF-8 is also allowed)`,
    );
  });

  test("rejects a missing host, and host together with upstream", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", {})).toThrow('[stack/gw/x] host (undefined) is required (or set upstream)');
    const up = gw.addUpstream("up", { name: "u.local" });
    expect(() => gw.addService("y", { host: "a", upstream: up })).toThrow(
      '[stack/gw/y] host ("a") cannot be combined with upstream: the service\'s host is the upstream\'s name',
    );
  });

  test("rejects a host with a port", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { host: "a.local:8080" })).toThrow('[stack/gw/x] host ("a.local:8080") must not have a port: set the port separately');
  });

  test("rejects out-of-range port, retries and timeouts, all at once", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { host: "a", port: 65536, retries: 40000, connectTimeoutMs: 0 })).toThrow(
      [
        "[stack/gw/x] port (65536) must be an integer between 0 and 65535",
        "[stack/gw/x] retries (40000) must be an integer between 0 and 32767",
        "[stack/gw/x] connectTimeoutMs (0) must be an integer between 1 and 2147483646",
      ].join("\n"),
    );
  });

  test("rejects a path with grpc", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { host: "a", protocol: "grpc", path: "/v1" })).toThrow(
      '[stack/gw/x] path ("/v1") must not be set when protocol is "grpc": Kong only forwards a path over http and https',
    );
  });

  test("rejects TLS fields with plain http", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { host: "a", tlsVerify: true })).toThrow(
      '[stack/gw/x] tlsVerify (true) is only allowed when protocol is "https" or "tls" (it is "http")',
    );
  });

  test("rejects tlsVerifyDepth above 64 and an unknown protocol", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", { host: "a", protocol: "ws" as any })).toThrow(
      '[stack/gw/x] protocol ("ws") must be one of "grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"',
    );
    expect(() => gw.addService("y", { host: "a", protocol: "https", tlsVerifyDepth: 65 })).toThrow(
      "[stack/gw/y] tlsVerifyDepth (65) must be an integer between 0 and 64",
    );
  });

  test("rejects missing props without a TypeError", () => {
    const { gw } = setup();
    expect(() => gw.addService("x", undefined as any)).toThrow("[stack/gw/x] props (undefined) must be an object with at least host or upstream");
  });

  test("rejects certificate ids of the wrong type or form", () => {
    // GIVEN a number and a non-UUID as certificate ids WHEN added THEN both are reported, nothing reaches the JSON
    const { gw } = setup();
    expect(errorOf(() => gw.addService("tls", { host: "a", protocol: "https", clientCertificateId: 5 as any, caCertificateIds: ["my-ca"] }))).toBe(
      [
        '[stack/gw/tls] caCertificateIds[0] ("my-ca") must be the id of a Kong CA certificate: a UUID, or a Terraform reference to one',
        "[stack/gw/tls] clientCertificateId (5) must be the id of a Kong certificate (e.g. a kong_certificate resource's id): a UUID, or a Terraform reference to one",
      ].join("\n"),
    );
  });

  test("renders certificate UUIDs", () => {
    const { stack, gw } = setup();
    const id = "0b4a6f3e-4c1d-4b7a-9f59-2c1e5d0a7b11";
    gw.addService("tls", { host: "a", protocol: "https", clientCertificateId: id, caCertificateIds: [id] });
    expect(resources(synth(stack), "kong_service").find((x) => x.name === "tls")).toMatchObject({ client_certificate_id: id, ca_certificate_ids: [id] });
  });
});

describe("GatewayService.fromServiceAttributes", () => {
  const ID = "6f1c3a9e-2b7d-4c1e-9a55-0d3e8b7f4a21";

  test("routes and plugins of a service configured elsewhere point at its id; the service itself is not created", () => {
    // GIVEN the platform's face service imported by id into a team's stack WHEN a route and a plugin are added
    const stack = new TerraformStack(Testing.app(), "team");
    const kong = KongGateway.fromAdminUrl(stack, "kong", { adminUrl: "http://kong-admin:8001" });
    const face = GatewayService.fromServiceAttributes(stack, "face", { serviceId: ID, name: "face-detection" });
    const route = face.addRoute("v2", { paths: ["/v2/face"] });
    const plugin = face.addPlugin(Plugin.rateLimiting({ minute: 60 }));
    const json = synth(stack);
    // THEN the route and plugin reference the literal id, and nothing else of the service is synthesized
    expect(json.resource.kong_service).toBeUndefined();
    expect(resources(json, "kong_route")).toEqual([expect.objectContaining({ service_id: ID, name: "face-detection-v2", paths: ["/v2/face"] })]);
    expect(resources(json, "kong_plugin")[0].service_id).toBe(ID);
    expect([face.id, face.name, face.gateway, route.service, plugin.node.path]).toEqual([ID, "face-detection", kong, face, "team/face/Plugins/rate-limiting"]);
  });

  test("the id may be a Terraform reference (e.g. from the platform's remote state)", () => {
    const stack = new TerraformStack(Testing.app(), "team");
    KongGateway.fromAdminUrl(stack, "kong", { adminUrl: "http://kong-admin:8001" });
    const id = new TerraformVariable(stack, "face_service_id", { type: "string" });
    GatewayService.fromServiceAttributes(stack, "face", { serviceId: id.stringValue, name: "face" }).addRoute("v2", { paths: ["/v2"] });
    expect(resources(synth(stack), "kong_route")[0].service_id).toBe("${var.face_service_id}");
  });

  test("route names are claimed in the stack's gateway", () => {
    const { gw, svc } = setup();
    svc.addRoute("r", { name: "shared", paths: ["/a"] });
    const imported = GatewayService.fromServiceAttributes(gw, "other", { serviceId: ID, name: "other" });
    expect(errorOf(() => imported.addRoute("r", { name: "shared", paths: ["/b"] }))).toBe(
      '[stack/gw/other/r] name ("shared") is already the name of the route stack/gw/svc/r: Kong route names are unique',
    );
  });

  test("an ACL on it needs authentication added here: plugins attached elsewhere are unknown", () => {
    const { stack, gw } = setup();
    const imported = GatewayService.fromServiceAttributes(gw, "face", { serviceId: ID, name: "face" });
    imported.addPlugin(Plugin.acl({ allow: ["g"] }));
    expect(() => synth(stack)).toThrow('[stack/gw/face] plugins ("acl") needs an authentication plugin');
    imported.addPlugin(Plugin.keyAuth());
    expect(() => synth(stack)).not.toThrow();
  });

  test("rejects a stack without a gateway, a service id that is not a UUID and a missing name, all at once", () => {
    const stack = new TerraformStack(Testing.app(), "team");
    expect(errorOf(() => GatewayService.fromServiceAttributes(stack, "face", { serviceId: "face-detection" } as any))).toBe(
      [
        '[team/face] scope ("team") is in a stack without a Kong gateway: create a KongGateway, or KongGateway.fromAdminUrl(...), in this stack first; its kong provider creates the service\'s routes and plugins',
        '[team/face] serviceId ("face-detection") must be the id of a Kong service: a UUID, or a Terraform reference to one',
        "[team/face] name (undefined) is required",
      ].join("\n"),
    );
  });

  test("rejects a name Kong refuses and attributes that are not an object", () => {
    const { gw } = setup();
    expect(errorOf(() => GatewayService.fromServiceAttributes(gw, "x", { serviceId: ID, name: "face detection" }))).toBe(
      `[stack/gw/x] name ("face detection") must be a Kong name: ASCII letters, digits, '.', '-', '_' and '~' (non-ASCII UTF-8 is also allowed)`,
    );
    expect(errorOf(() => GatewayService.fromServiceAttributes(gw, "y", null as any))).toBe(
      ["[stack/gw/y] serviceId (undefined) is required", "[stack/gw/y] name (undefined) is required"].join("\n"),
    );
  });
});
