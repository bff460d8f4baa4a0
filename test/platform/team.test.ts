import { Testing } from "cdktf";
import { AiPlatform, AiPlatformProps, PlatformTeamProps, ProxyEndpoint } from "../../lib";
import { byName, expectValidationError, Json, resources, synth, synthProblems } from "../helpers";

const MINIMAL: AiPlatformProps = { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } };

/** A platform "acme" with the model "ocr" and whatever `build` adds. */
function platformWith(build: (platform: AiPlatform) => void = () => undefined): AiPlatform {
  const platform = new AiPlatform(Testing.app(), "acme", MINIMAL);
  platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
  build(platform);
  return platform;
}

function teamJson(props: PlatformTeamProps = {}): Json {
  return synth(platformWith((p) => p.addTeam("vision", props)).platformStack);
}

const addTeam = (props: PlatformTeamProps, name = "vision") => () => platformWith((p) => p.addTeam(name, props));

describe("a team with the defaults", () => {
  const platform = platformWith((p) => p.addTeam("vision"));
  const team = platform.teams.get("vision")!;
  const k8s = synth(platform.platformStack);

  test("its namespace team-<name> enforces the restricted Pod Security Standard and names the team", () => {
    expect(byName(k8s, "kubernetes_namespace_v1", "team-vision").metadata.labels).toEqual({
      "ai-platform/team": "vision",
      "app.kubernetes.io/managed-by": "kong-ai-platform",
      "app.kubernetes.io/part-of": "ai-platform",
      "pod-security.kubernetes.io/enforce": "restricted",
    });
  });

  test("a ResourceQuota: 16 CPUs, 64Gi, 50 pods, no load balancer and no GPU until the platform grants some", () => {
    expect(byName(k8s, "kubernetes_resource_quota_v1", "team-quota")).toMatchObject({
      metadata: { namespace: "team-vision" },
      spec: {
        hard: {
          "requests.cpu": "16",
          "requests.memory": "64Gi",
          "limits.memory": "64Gi",
          "requests.nvidia.com/gpu": "0",
          pods: "50",
          "services.loadbalancers": "0",
        },
      },
    });
  });

  test("a LimitRange: a model's requests for containers without their own, GPUs 0 by default and at most the quota's", () => {
    expect(byName(k8s, "kubernetes_limit_range_v1", "team-limits").spec.limit).toEqual([
      {
        type: "Container",
        default: { memory: "1Gi", "nvidia.com/gpu": "0" },
        default_request: { cpu: "500m", memory: "1Gi", "nvidia.com/gpu": "0" },
        max: { "nvidia.com/gpu": "0" },
      },
    ]);
  });

  test("ingress to every pod of the namespace is denied unless a model's own policy admits it", () => {
    const policies = resources(k8s, "kubernetes_network_policy_v1").filter((p) => p.metadata.namespace === "team-vision");
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ metadata: { name: "default-deny-ingress" }, spec: { pod_selector: {}, policy_types: ["Ingress"] } });
    expect(policies[0].spec.ingress).toBeUndefined();
  });

  test("every object waits for the namespace; no RoleBinding without deployerGroups", () => {
    for (const type of ["kubernetes_resource_quota_v1", "kubernetes_limit_range_v1", "kubernetes_network_policy_v1"]) {
      const inTeam = resources(k8s, type).filter((r) => r.metadata.namespace === "team-vision");
      for (const r of inTeam) expect(r.depends_on).toEqual(["kubernetes_namespace_v1.team-vision_Namespace_5BD22FDB"]);
    }
    expect(resources(k8s, "kubernetes_role_binding_v1")).toEqual([]);
  });

  test("the group <name>, the path prefix /v1/<name>/, published in the output team_<name> with Kong's Admin API and proxy pods", () => {
    expect(team.aclGroups).toEqual(["vision"]);
    expect(team.pathPrefix).toBe("/v1/vision/");
    expect(k8s.output.team_vision.value).toEqual({
      formatVersion: 1,
      platform: "acme",
      environment: "dev",
      team: "vision",
      namespace: "team-vision",
      namePrefix: "vision-",
      pathPrefix: "/v1/vision/",
      aclGroups: ["vision"],
      kongAdminUrl: "http://kong-admin.kong.svc.cluster.local:8001",
      kongAdminPortForward: "kubectl -n kong port-forward svc/kong-admin 8001",
      kongAdminCredentials: { kind: "none" },
      kongProxy: { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } },
      clientTransport: { httpsOnly: false, httpsRedirectStatusCode: 426 },
      rateLimitCounters: { policy: "cluster" },
    });
    expect(k8s.output.team_vision.sensitive).toBeUndefined();
  });

  test("consumers may be granted the team's groups", () => {
    const withConsumer = platformWith((p) => {
      p.addTeam("vision");
      p.addConsumer("gallery", { username: "gallery", aclGroups: ["vision"], keyAuth: true });
    });
    expect(() => synth(withConsumer.gatewayStack)).not.toThrow();
  });
});

describe("a team's GPUs", () => {
  test("each team namespace has its own GPU quota, so one team cannot take every GPU", () => {
    const k8s = synth(
      platformWith((p) => {
        p.addTeam("vision", { quota: { gpus: 4 } });
        p.addTeam("speech", { quota: { gpus: 2, gpusPerContainer: 1 } });
      }).platformStack,
    );
    const quotas = resources(k8s, "kubernetes_resource_quota_v1").map((q) => [q.metadata.namespace, q.spec.hard["requests.nvidia.com/gpu"]]);
    expect(Object.fromEntries(quotas)).toEqual({ "team-vision": "4", "team-speech": "2" });
    const maxima = resources(k8s, "kubernetes_limit_range_v1").map((l) => [l.metadata.namespace, l.spec.limit[0].max["nvidia.com/gpu"]]);
    expect(Object.fromEntries(maxima)).toEqual({ "team-vision": "4", "team-speech": "1" });
  });

  test("another extended resource, CPU, memory, pods and load balancers as given", () => {
    const k8s = teamJson({ quota: { gpus: 1, gpuResourceName: "amd.com/gpu", cpu: "8", memory: "32Gi", pods: 10, loadBalancers: 1 } });
    expect(byName(k8s, "kubernetes_resource_quota_v1", "team-quota").spec.hard).toEqual({
      "requests.cpu": "8",
      "requests.memory": "32Gi",
      "limits.memory": "32Gi",
      "requests.amd.com/gpu": "1",
      pods: "10",
      "services.loadbalancers": "1",
    });
    expect(byName(k8s, "kubernetes_limit_range_v1", "team-limits").spec.limit[0].max).toEqual({ "amd.com/gpu": "1" });
  });
});

describe("a team with every prop", () => {
  const k8s = teamJson({
    namespace: "vision-models",
    createNamespace: false,
    aclGroups: ["vision-face", "vision-pets"],
    pathPrefix: "/vision/",
    deployerGroups: ["oidc:vision-deployers"],
    adminCredentials: { kind: "apiKey", source: "vault:secret/kong/teams/vision" },
  });

  test("an existing namespace: only what goes in it is created, waiting for nothing", () => {
    expect(resources(k8s, "kubernetes_namespace_v1").map((n) => n.metadata.name)).not.toContain("vision-models");
    expect(byName(k8s, "kubernetes_resource_quota_v1", "team-quota").metadata.namespace).toBe("vision-models");
    expect(byName(k8s, "kubernetes_resource_quota_v1", "team-quota").depends_on).toBeUndefined();
  });

  test("the deployers are bound to the ClusterRole edit in the namespace only", () => {
    expect(byName(k8s, "kubernetes_role_binding_v1", "team-deployers")).toMatchObject({
      metadata: { namespace: "vision-models" },
      role_ref: { api_group: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subject: [{ api_group: "rbac.authorization.k8s.io", kind: "Group", name: "oidc:vision-deployers" }],
    });
  });

  test("the groups, the prefix and the credential reference (never a value) are published", () => {
    expect(k8s.output.team_vision.value).toMatchObject({
      namespace: "vision-models",
      aclGroups: ["vision-face", "vision-pets"],
      pathPrefix: "/vision/",
      kongAdminCredentials: { kind: "apiKey", variables: ["kong_api_key"], source: "vault:secret/kong/teams/vision" },
    });
  });
});

describe("what addTeam refuses", () => {
  const at = "[acme-platform-dev/team-vision]";

  test("a name that is not a short DNS label", () => {
    expectValidationError(
      () => platformWith((p) => p.addTeam("Vision")),
      `[acme-platform-dev/team-Vision] name ("Vision") must be a DNS-1123 label: at most 20 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  });

  test("a name that is not a string, even an object without toString, is a ValidationError (it was a TypeError)", () => {
    expectValidationError(
      () => platformWith((p) => p.addTeam(Object.create(null) as never)),
      "[acme-platform-dev/team-{}] name ({}) must be a literal DNS-1123 label of at most 20 characters",
    );
    expectValidationError(() => platformWith((p) => p.addTeam(7 as never)), "[acme-platform-dev/team-7] name (7) must be a literal DNS-1123 label of at most 20 characters");
  });

  test("a team twice, and a name that is another team's name followed by '-' (their Kong names would collide)", () => {
    expectValidationError(
      () => platformWith((p) => [p.addTeam("vision"), p.addTeam("vision", { namespace: "other" })]),
      `${at} name ("vision") is already a team of this platform (acme-platform-dev/team-vision): team names are unique`,
    );
    expectValidationError(
      () => platformWith((p) => [p.addTeam("vision"), p.addTeam("vision-x")]),
      `[acme-platform-dev/team-vision-x] name ("vision-x") and the team "vision" would share Kong names: "vision-x" starts with "vision-", the name prefix of team "vision"; choose a name that does not start with another team's name and "-"`,
    );
  });

  test("a namespace of the platform or of another team", () => {
    expectValidationError(addTeam({ namespace: "kong" }), `${at} namespace ("kong") is the platform's kong namespace: a team gets a namespace of its own`);
    expectValidationError(
      () => platformWith((p) => [p.addTeam("speech", { namespace: "shared" }), p.addTeam("vision", { namespace: "shared" })]),
      `${at} namespace ("shared") is already the namespace of team "speech": a team gets a namespace of its own`,
    );
  });

  test("groups outside the team's share, twice the same group", () => {
    expectValidationError(
      addTeam({ aclGroups: ["ocr", "vision", "vision"] }),
      [
        `${at} aclGroups[0] ("ocr") must be "vision" or start with "vision-": a team's groups are its own, so that granting one to a consumer never opens another team's models`,
        `${at} aclGroups[2] ("vision") is listed twice`,
      ].join("\n"),
    );
  });

  test("a path prefix that is not lowercase segments, or that overlaps another team's", () => {
    expectValidationError(
      addTeam({ pathPrefix: "/v1/vision" }),
      `${at} pathPrefix ("/v1/vision") must be lowercase path segments (letters, digits, '-'), each followed by "/", starting with "/", e.g. "/vision/"`,
    );
    expectValidationError(
      () => platformWith((p) => [p.addTeam("speech"), p.addTeam("vision", { pathPrefix: "/v1/" })]),
      `${at} pathPrefix ("/v1/") overlaps the path prefix "/v1/speech/" of team "speech": one team's routes could take the other's requests; give each team a prefix that does not contain another's`,
    );
  });

  test("a quota Kubernetes would refuse, a container with more GPUs than the team", () => {
    expectValidationError(
      addTeam({ quota: { gpus: 2, gpusPerContainer: 3, cpu: "lots", pods: 0, gpuResourceName: "nvidia gpu" } }),
      [
        `${at} quota.gpusPerContainer (3) must be at most quota.gpus (2): a container cannot take more GPUs than the team has`,
        `${at} quota.gpuResourceName ("nvidia gpu") must be an extended resource name: a domain prefix outside kubernetes.io, '/', then a name, e.g. nvidia.com/gpu or amd.com/gpu`,
        `${at} quota.cpu ("lots") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi`,
        `${at} quota.pods (0) must be an integer between 1 and 100000`,
      ].join("\n"),
    );
  });

  test("a credential reference without a known kind or a source", () => {
    expectValidationError(
      addTeam({ adminCredentials: { kind: "password" as "token", source: "" } }),
      [
        `${at} adminCredentials.kind ("password") must be one of "token", "apiKey", "basicAuth"`,
        `${at} adminCredentials.source ("") must say, as literal text, where the team's pipeline reads the credential, e.g. "vault:secret/kong/teams/vision" (never the credential itself)`,
      ].join("\n"),
    );
  });
});

describe("the platform's own Kong entities stay out of every team's share", () => {
  test("a platform model named in a team's share, or routed under its path prefix, fails the synth", () => {
    const platform = platformWith((p) => {
      p.addModel("vision-ocr", { name: "vision-ocr", image: "r/ocr:1.0.0", routes: [{ paths: ["/v1/ocr-2"] }] });
      p.addModel("tagger", { name: "tagger", image: "r/tagger:1.0.0", routes: [{ paths: ["/v1/vision/tags", "/v1/vision"] }] });
      p.addTeam("vision");
    });
    expect(synthProblems(platform.gatewayStack)).toEqual([
      '[acme-gateway-dev/gateway/vision-ocr/Service] name ("vision-ocr") is in the share of team "vision" (Kong names starting with "vision-"): the team\'s app may create the same name, and Kong would refuse one of the two at apply; rename it',
      '[acme-gateway-dev/gateway/vision-ocr/Service/v1-ocr-2] name ("vision-ocr") is in the share of team "vision" (Kong names starting with "vision-"): the team\'s app may create the same name, and Kong would refuse one of the two at apply; rename it',
      '[acme-gateway-dev/gateway/tagger/Service/v1-vision-tags] paths[0] ("/v1/vision/tags") reaches under the path prefix "/v1/vision/" of team "vision": Kong could send the team\'s requests to this route; move it out of the prefix',
      '[acme-gateway-dev/gateway/tagger/Service/v1-vision-tags] paths[1] ("/v1/vision") reaches under the path prefix "/v1/vision/" of team "vision": Kong could send the team\'s requests to this route; move it out of the prefix',
    ]);
  });

  test("a platform without teams is not checked (no aspect on its gateway stack)", () => {
    const platform = platformWith((p) => p.addModel("vision-ocr", { name: "vision-ocr", image: "r/ocr:1.0.0" }));
    expect(() => synth(platform.gatewayStack)).not.toThrow();
  });
});

describe("a team of a platform whose Admin API takes a key (AdminEndpoint.throughProxy)", () => {
  test("must be published an apiKey reference: without one its Terraform would get 401", () => {
    // GIVEN the default app's prod platform, whose Admin API is a key-auth route on the proxy
    const { ENVIRONMENTS } = jest.requireActual("../../stacks/environments");
    const platform = new AiPlatform(Testing.app(), "ai", ENVIRONMENTS.prod);
    const at = "[ai-platform-prod/team-vision]";
    const rule =
      'must be { kind: "apiKey", source } on this platform: its Admin API is published through the proxy behind key-auth (AdminEndpoint.throughProxy), so the team\'s Terraform sends kong_api_key; say where its pipeline reads it, e.g. { kind: "apiKey", source: "vault:secret/kong/teams/vision" }';
    // WHEN a team is added without credentials, or with another kind THEN the platform refuses it, saying which
    expectValidationError(() => platform.addTeam("vision"), `${at} adminCredentials (undefined) ${rule}`);
    expectValidationError(
      () => platform.addTeam("vision", { adminCredentials: { kind: "token", source: "vault:x" } }),
      `${at} adminCredentials ({"kind":"token","source":"vault:x"}) ${rule}`,
    );
    // AND with the key's reference it publishes it, with the variable the team's app declares
    const team = platform.addTeam("vision", { adminCredentials: { kind: "apiKey", source: "vault:secret/kong/teams/vision" } });
    expect(team.published.kongAdminCredentials).toEqual({ kind: "apiKey", source: "vault:secret/kong/teams/vision", variables: ["kong_api_key"] });
    expect(team.published.kongAdminUrl).toBe("https://kong-admin.prod.internal");
  });
});
