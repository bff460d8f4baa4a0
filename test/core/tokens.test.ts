import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { isListToken, isMapToken, isNumberToken, isScalarToken, isStringToken, isToken } from "../../lib/core/tokens";
import { AiPlatform, DefaultDenyIngress, DetectionService, KongCluster, InClusterPostgres, Plugin, ProxyEndpoint, Scaling, Vip } from "../../lib";
import { byName, errorOf, Json, kubernetesStack, resources, synth } from "../helpers";
import { KONG } from "../models/helpers";
import { KongGateway } from "../../lib/gateway/gateway";
/* eslint-disable @typescript-eslint/no-explicit-any -- references of the wrong type are passed on purpose */

/** A stack with a gateway, and a variable of each type in it. */
function refs() {
  const stack = kubernetesStack("refs");
  const gateway = new KongGateway(stack, "gw", { adminUrl: "http://kong-admin:8001" });
  return {
    stack,
    gateway,
    str: new TerraformVariable(stack, "text", { type: "string" }).stringValue,
    num: new TerraformVariable(stack, "count", { type: "number" }).numberValue,
    list: new TerraformVariable(stack, "items", { type: "list(string)" }).listValue,
    map: Token.asStringMap(new TerraformVariable(stack, "pairs", { type: "map(string)" }).value),
  };
}

/** A model "face" of the stack, with overrides. */
function face(r: ReturnType<typeof refs>, overrides: Record<string, unknown> = {}): DetectionService {
  return new DetectionService(r.stack, "face", { name: "face", namespace: "models", image: "registry.local/face:1.0.0", gateway: r.gateway, kong: KONG, ...overrides } as any);
}

const plugin = (json: Json, name: string) => resources(json, "kong_plugin").find((p) => p.name === name);

describe("references of every type are recognised", () => {
  test("a string, a number, a list and a map reference, each by its own test", () => {
    const r = refs();
    expect([isStringToken(r.str), isNumberToken(r.num), isListToken(r.list), isMapToken(r.map)]).toEqual([true, true, true, true]);
    expect([isStringToken(r.num), isNumberToken(r.str), isListToken(r.map), isMapToken(r.list)]).toEqual([false, false, false, false]);
    expect([isScalarToken(r.str), isScalarToken(r.num), isScalarToken(r.list)]).toEqual([true, true, false]);
    expect([r.str, r.num, r.list, r.map].every(isToken)).toBe(true);
    // the element of a list reference is not a reference on its own: checks must look at the list
    expect(isToken(r.list[0])).toBe(false);
    expect(["text", 5, ["a"], { a: "b" }, undefined, null].some(isToken)).toBe(false);
  });
});

describe("string references are accepted where a string is, and rendered as interpolations", () => {
  test("a Kong service's host, a route's path element and a consumer's username", () => {
    const r = refs();
    const svc = r.gateway.addService("svc", { host: r.str });
    svc.addRoute("r", { paths: ["/v1/a", r.str] });
    r.gateway.addConsumer("c", { username: r.str });
    const json = synth(r.stack);
    expect(resources(json, "kong_service")[0].host).toBe("${var.text}");
    expect(resources(json, "kong_route")[0].paths).toEqual(["/v1/a", "${var.text}"]);
    expect(resources(json, "kong_consumer")[0].username).toBe("${var.text}");
  });

  test("a model's image and a Kong cluster's image", () => {
    const r = refs();
    face(r, { image: r.str });
    new KongCluster(r.stack, "kong", { namespace: "kong", database: new InClusterPostgres(r.stack, "db", { namespace: "kong" }), image: r.str });
    const json = synth(r.stack);
    expect(byName(json, "kubernetes_deployment_v1", "face").spec.template.spec.container[0].image).toBe("${var.text}");
    expect(byName(json, "kubernetes_deployment_v1", "kong").spec.template.spec.container[0].image).toBe("${var.text}");
  });
});

describe("number references are accepted where a number is", () => {
  test("a service's port and a rate limit window, whose order check skips it", () => {
    const r = refs();
    const svc = r.gateway.addService("svc", { host: "a.local", port: r.num });
    svc.addPlugin(Plugin.rateLimiting({ second: 5, minute: r.num }));
    const json = synth(r.stack);
    expect(resources(json, "kong_service")[0].port).toBe("${var.count}");
    expect(JSON.parse(plugin(json, "rate-limiting").config_json.replace("${var.count}", "0")).minute).toBe(0);
    expect(plugin(json, "rate-limiting").config_json).toContain('"minute":${var.count}');
  });

  test("a model's port and a VIP's port", () => {
    const r = refs();
    face(r, { port: r.num, vip: Vip.clusterIp({ port: r.num }) });
    const json = synth(r.stack);
    expect(byName(json, "kubernetes_service_v1", "face").spec.port[0].port).toBe("${var.count}");
  });
});

describe("list references (a list variable's listValue) are accepted where a list is", () => {
  test("plugin list options: Kong's config gets ${jsonencode(<list>)} in their place", () => {
    const r = refs();
    const svc = r.gateway.addService("svc", { host: "a.local" });
    svc.addPlugin(Plugin.keyAuth({ keyNames: r.list }));
    svc.addPlugin(Plugin.acl({ allow: r.list }));
    svc.addPlugin(Plugin.cors({ origins: r.list }));
    svc.addPlugin(Plugin.ipRestriction({ allow: r.list }));
    svc.addPlugin(Plugin.proxyCache({ responseCode: r.list as any }));
    const json = synth(r.stack);
    for (const [name, key] of [["key-auth", "key_names"], ["acl", "allow"], ["cors", "origins"], ["ip-restriction", "allow"], ["proxy-cache", "response_code"]]) {
      expect(plugin(json, name).config_json).toContain(`"${key}":\${jsonencode(var.items)}`);
    }
  });

  test("a model's allowedGroups: the model's ACL", () => {
    const r = refs();
    face(r, { allowedGroups: r.list });
    expect(plugin(synth(r.stack), "acl").config_json).toContain('"allow":${jsonencode(var.items)}');
  });

  test("a VIP's sourceRanges: the Service's ranges, and one NetworkPolicy per range (for_each)", () => {
    const r = refs();
    face(r, { vip: Vip.loadBalancer({ sourceRanges: r.list }) });
    const json = synth(r.stack);
    expect(byName(json, "kubernetes_service_v1", "face").spec.load_balancer_source_ranges).toBe("${var.items}");
    const perRange = resources(json, "kubernetes_network_policy_v1").find((p) => p.for_each !== undefined);
    expect(perRange).toMatchObject({
      for_each: "${toset(var.items)}",
      metadata: { name: '${join("-", ["face", "allow-range", substr(sha1(each.value), 0, 8)])}', namespace: "models" },
      spec: { ingress: [{ from: [{ ip_block: { cidr: "${each.value}" } }], ports: [{ port: "8080", protocol: "TCP" }] }] },
    });
  });

  test("a consumer's aclGroups: one kong_consumer_acl with for_each", () => {
    const r = refs();
    r.gateway.addConsumer("c", { username: "c", aclGroups: r.list });
    const acl = resources(synth(r.stack), "kong_consumer_acl");
    expect(acl).toHaveLength(1);
    expect(acl[0]).toMatchObject({ for_each: "${toset(var.items)}", group: "${each.value}" });
  });

  test("a route's matchers and a service's tags", () => {
    const r = refs();
    const svc = r.gateway.addService("svc", { host: "a.local", tags: r.list });
    svc.addRoute("r", { paths: r.list, hosts: r.list, methods: r.list });
    const json = synth(r.stack);
    expect(resources(json, "kong_route")[0]).toMatchObject({ paths: "${var.items}", hosts: "${var.items}", methods: "${var.items}" });
    expect(resources(json, "kong_service")[0].tags).toBe('${concat(var.items, ["managed-by:kong-ai-platform"])}');
  });

  test("a model route's paths, when the route has a name (a name must be known at synth)", () => {
    const r = refs();
    face(r, { routes: [{ name: "v1", paths: r.list }] });
    expect(resources(synth(r.stack), "kong_route")[0].paths).toBe("${var.items}");
    const other = refs();
    expect(errorOf(() => face(other, { routes: [{ paths: other.list }] }))).toBe(
      "[refs/face] routes[0].name (undefined) is required when paths (or paths[0]) is a Terraform reference: a route's name must be known at synth",
    );
  });
});

describe("map references are accepted where a map reaches an attribute, and refused where it must be expanded", () => {
  test("a VIP's annotations and a default-deny policy's labels", () => {
    const r = refs();
    face(r, { vip: Vip.loadBalancer({ sourceRanges: ["10.0.0.0/8"], annotations: r.map }) });
    new DefaultDenyIngress(r.stack, "deny", { namespace: "models", labels: r.map });
    const json = synth(r.stack);
    expect(byName(json, "kubernetes_service_v1", "face").metadata.annotations).toBe("${var.pairs}");
    expect(byName(json, "kubernetes_network_policy_v1", "default-deny-ingress").metadata.labels).toBe("${var.pairs}");
  });

  test.each([
    ["a model's env: each variable is an env entry", (r: ReturnType<typeof refs>) => face(r, { env: r.map }), "[refs/face] env (<reference>) must be a literal map (its values may be Terraform references): each variable becomes an env entry of the container"],
    [
      "a route's headers: each header is a block of the route",
      (r: ReturnType<typeof refs>) => r.gateway.addService("svc", { host: "a.local" }).addRoute("r", { paths: ["/a"], headers: r.map as any }),
      "[refs/gw/svc/r] headers (<reference>) must be a literal map (its lists of values may be references): each header becomes a block of the route",
    ],
    [
      "response-ratelimiting limits: each counter's config is written in full",
      (r: ReturnType<typeof refs>) => r.gateway.addService("svc", { host: "a.local" }).addPlugin(Plugin.responseRateLimiting({ limits: r.map as any })),
      "[refs/gw/svc] responseRateLimiting.limits (<reference>) must be a literal map (its limits may be references): each counter's config is written in full, as Kong echoes it",
    ],
  ])("%s", (_what, build, message) => {
    expect(errorOf(() => build(refs()))).toBe(message);
  });
});

describe("a reference of the wrong type, or where a literal is needed, is refused with the field", () => {
  test.each([
    [
      "a map as a string",
      (r: ReturnType<typeof refs>) => new KongGateway(new TerraformStack(r.stack.node.scope!, "other"), "gw", { workspace: r.map as any }),
      "[other/gw] workspace (<reference>) must be a non-empty string",
    ],
    ["a list as a string", (r: ReturnType<typeof refs>) => r.gateway.addService("svc", { host: r.list as any }), "[refs/gw/svc] host (<reference>) must be a hostname or IP address"],
    ["a string as a number", (r: ReturnType<typeof refs>) => r.gateway.addService("svc", { host: "a.local", port: r.str as any }), "[refs/gw/svc] port (<reference>) must be an integer between 0 and 65535"],
    [
      "a model's name (it names objects and outputs)",
      (r: ReturnType<typeof refs>) => face(r, { name: r.str, routes: [{ paths: ["/v1/face"] }] }),
      "[refs/face] name (<reference>) must be a literal value, not a Terraform reference: it names the model's Kubernetes objects, Kong entities and outputs",
    ],
    [
      "a canary's weight (it splits the traffic at synth)",
      (r: ReturnType<typeof refs>) => face(r, { canary: { image: "registry.local/face:2.0.0", weightPercent: r.num } }),
      "[refs/face] canary.weightPercent (<reference>) must be a literal value, not a Terraform reference: it splits the traffic between the two versions at synth",
    ],
    [
      "a replica count (it decides the disruption budget and the rollout's wait)",
      (r: ReturnType<typeof refs>) => face(r, { scaling: Scaling.cpu({ minReplicas: r.num }) }),
      "[refs/face] scaling.minReplicas (<reference>) must be a literal value, not a Terraform reference: it decides whether a disruption budget is made and how long Terraform waits for a rollout",
    ],
    [
      "a team's deployerGroups (each becomes a subject of the RoleBinding)",
      () => {
        // the team's RoleBinding is in the platform stack: the reference is a variable of that stack
        const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
        const groups = new TerraformVariable(platform.platformStack, "groups", { type: "list(string)" }).listValue;
        platform.addTeam("vision", { deployerGroups: groups });
      },
      "[acme-platform-dev/team-vision] deployerGroups (<reference>) must be a literal value, not a Terraform reference: each group becomes a subject of the team's RoleBinding",
    ],
  ])("%s", (_what, build, message) => {
    expect(errorOf(() => build(refs()))).toBe(message);
  });
});
