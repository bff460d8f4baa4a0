import childProcess from "child_process";
import { DataResource, TerraformVariable } from "cdktf";
import { LIBRARY_TAG, tagsOf } from "../../lib/gateway/clearable";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { GatewayService } from "../../lib/gateway/service";
import { Json, newStack } from "../helpers";
import { resources, setup, synth } from "./helpers";

/** The terraform_data inputs of a synthesized stack, by address. */
function clearable(json: Json): Record<string, Json> {
  return Object.fromEntries(Object.entries<Json>(json.resource.terraform_data ?? {}).map(([id, d]) => [`terraform_data.${id}`, d.input]));
}

/** The address of the one resource of `type` in `json`. */
function addressOf(json: Json, type: string): string {
  const ids = Object.keys(json.resource[type] ?? {});
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return `${type}.${ids[0]}`;
}

describe("tags", () => {
  test("the library's tag is always there, after the given ones, never twice", () => {
    expect(tagsOf(undefined)).toEqual(["managed-by:kong-ai-platform"]);
    expect(tagsOf(["team-a", "team-a"])).toEqual(["team-a", LIBRARY_TAG]);
    expect(tagsOf([LIBRARY_TAG, "x"])).toEqual([LIBRARY_TAG, "x"]);
  });

  test("every entity that takes tags carries it: removing the last own tag is still a non-empty list, so it applies", () => {
    const { stack, gw, svc } = setup();
    svc.addRoute("r", { paths: ["/a"], tags: ["beta"] });
    gw.addUpstream("u", { name: "u.local" });
    gw.addConsumer("c", { username: "c" });
    const json = synth(stack);
    for (const type of ["kong_service", "kong_route", "kong_upstream", "kong_consumer"]) {
      expect([type, resources(json, type)[0].tags.at(-1)]).toEqual([type, LIBRARY_TAG]);
    }
    expect(resources(json, "kong_route")[0].tags).toEqual(["beta", LIBRARY_TAG]);
  });

  test("tags from a Terraform reference are concatenated with the library's at apply time", () => {
    const { stack, svc } = setup();
    const tags = new TerraformVariable(stack, "tags", { type: "list(string)" });
    svc.addRoute("r", { paths: ["/a"], tags: tags.listValue });
    expect(resources(synth(stack), "kong_route")[0].tags).toBe('${concat(var.tags, ["managed-by:kong-ai-platform"])}');
  });
});

describe("a removal the provider cannot send replaces the entity", () => {
  test("a route records which matchers are set; clearing one flips its terraform_data, which replaces the route", () => {
    // GIVEN the same route with hosts, then without WHEN synthesized THEN the recorded hosts flag flips
    const withHosts = setup();
    withHosts.svc.addRoute("r", { paths: ["/a"], hosts: ["a.example.com"], regexPriority: 2 });
    const without = setup();
    without.svc.addRoute("r", { paths: ["/a"] });
    const [a, b] = [synth(withHosts.stack), synth(without.stack)];
    const flags = { paths: true, methods: false, headers: false, snis: false };
    expect(Object.values(clearable(a))).toContainEqual({ ...flags, hosts: true, regex_priority: true });
    expect(Object.values(clearable(b))).toContainEqual({ ...flags, hosts: false, regex_priority: false });
    // THEN the route is replaced when its data changes, and when its service is replaced
    const data = Object.keys(clearable(b)).find((k) => k.includes("_r_"));
    expect(resources(b, "kong_route")[0].lifecycle).toEqual({ replace_triggered_by: [data, `${addressOf(b, "kong_service")}.id`] });
  });

  test("a service records its path and TLS fields; its routes and plugins are replaced with it", () => {
    const { stack, gw } = setup();
    const secure = gw.addService("secure", { host: "10.0.0.5", protocol: "https", tlsVerify: true, caCertificateIds: ["0b4a6f3e-4c1d-4b7a-9f59-2c1e5d0a7b11"] });
    const route = secure.addRoute("r", { paths: ["/s"] });
    secure.addPlugin(Plugin.keyAuth());
    route.addPlugin(Plugin.correlationId());
    const json = synth(stack);
    const [serviceId, service] = Object.entries<Json>(json.resource.kong_service).find(([, s]) => s.name === "secure") as [string, Json];
    const [data] = service.lifecycle.replace_triggered_by;
    expect(service.lifecycle).toEqual({ replace_triggered_by: [expect.stringMatching(/^terraform_data\.gw_secure_ClearableFields_\w+$/)] });
    expect(clearable(json)[data]).toEqual({ path: true, tls_verify: true, tls_verify_depth: false, ca_certificate_ids: true, client_certificate_id: false });
    const routeId = Object.keys(json.resource.kong_route)[0];
    expect(json.resource.kong_route[routeId].lifecycle.replace_triggered_by).toContain(`kong_service.${serviceId}.id`);
    const plugins = Object.fromEntries(resources(json, "kong_plugin").map((p) => [p.name, p.lifecycle]));
    expect(plugins).toEqual({
      "key-auth": { replace_triggered_by: [`kong_service.${serviceId}.id`] },
      "correlation-id": { replace_triggered_by: [`kong_route.${routeId}.id`] },
    });
  });

  test("a service path: '/' when none is given over http and https (Kong's no path), none over other protocols", () => {
    const { stack, gw } = setup();
    gw.addService("api", { host: "a", path: "/api" });
    gw.addService("tls", { host: "t", protocol: "https" });
    gw.addService("grpc", { host: "g", protocol: "grpc" });
    gw.addService("tcp", { host: "p", protocol: "tcp" });
    const paths = Object.fromEntries(resources(synth(stack), "kong_service").map((s) => [s.name, s.path]));
    expect(paths).toEqual({ svc: "/", api: "/api", tls: "/", grpc: undefined, tcp: undefined });
  });

  test("an upstream records the fields PATCH cannot clear", () => {
    const { stack, gw } = setup();
    gw.addUpstream("u", { name: "u.local", hostHeader: "face.example.com", hashOn: "header", hashOnHeader: "x-user", healthchecks: { active: { type: "https", httpsSni: "face.example.com" } } });
    expect(Object.values(clearable(synth(stack)))).toContainEqual(
      {
        host_header: true,
        hash_on_header: true,
        hash_fallback_header: false,
        hash_on_cookie: false,
        client_certificate_id: false,
        "healthchecks.active.https_sni": true,
      },
    );
  });

  test("consumers are never replaced, and a service configured elsewhere is not replaced from here", () => {
    // GIVEN a consumer plugin and a route on an imported service WHEN synthesized THEN no trigger from either
    const { stack, gw } = setup();
    gw.addConsumer("c", { username: "c", plugins: [Plugin.rateLimiting({ minute: 1 })] });
    const imported = GatewayService.fromServiceAttributes(stack, "platform", { serviceId: "6f1c3a9e-0c1d-4b7a-9f59-2c1e5d0a7b11", name: "platform" });
    imported.addRoute("r", { paths: ["/p"] }).addPlugin(Plugin.correlationId());
    imported.addPlugin(Plugin.prometheus());
    const json = synth(stack);
    const plugins = Object.fromEntries(resources(json, "kong_plugin").map((p) => [p.name, p.lifecycle]));
    expect(plugins["rate-limiting"]).toBeUndefined();
    expect(plugins.prometheus).toBeUndefined();
    expect(plugins["correlation-id"]).toEqual({ replace_triggered_by: [expect.stringMatching(/^kong_route\.platform_r_\w+\.id$/)] });
    const route = resources(json, "kong_route").find((r) => r.name === "platform-r");
    expect(route?.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.platform_r_ClearableFields_\w+$/)]);
  });
});

describe("the record of clearable fields costs no child process", () => {
  // cdktf's own DataResource validates the Terraform binary's version by running `terraform version` (twice per synth,
  // per resource): minutes at 1000 models, and a failed synth where Terraform is not installed. Ours renders the same
  // terraform_data without it.
  const execSync = jest.spyOn(childProcess, "execSync");
  afterEach(() => execSync.mockClear());
  afterAll(() => execSync.mockRestore());

  test("a synth with validations of services, routes and upstreams runs no command", () => {
    const { stack, gw, svc } = setup();
    svc.addRoute("r", { paths: ["/a"] });
    gw.addUpstream("u", { name: "u.local" });
    const json = synth(stack);
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(3);
    expect(execSync).not.toHaveBeenCalled();
  });

  test("the spy sees cdktf's DataResource run its version check (the check above can fail)", () => {
    const stack = newStack();
    new DataResource(stack, "d", { input: { a: true } });
    synth(stack);
    expect(execSync).toHaveBeenCalledWith("terraform version", expect.anything());
  });

  test("the JSON is the one DataResource renders", () => {
    const ours = setup();
    ours.svc.addRoute("r", { paths: ["/a"] });
    const json = synth(ours.stack);
    const raw = newStack();
    for (const [address, input] of Object.entries(clearable(json))) {
      new DataResource(raw, address.split(".")[1], { input });
    }
    const expected = synth(raw).resource.terraform_data;
    expect(json.resource.terraform_data).toEqual(expected);
  });
});
