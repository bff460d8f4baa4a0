import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Lazy, Testing } from "cdktf";
import { Certificate as KongCertificateResource } from "../../.gen/providers/kong/certificate";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { AiPlatform, PlatformAttachment, PlatformRedis, PlatformTeamProps, ProxyEndpoint, ProxyTls, RateLimitCounters, StateBackend, TeamApp, TeamAppProps, TeamModelDefinition } from "../../lib";
import { byName, expectValidationError, resources, synth, synthProblems } from "../helpers";

/** What a platform "acme" (dev) publishes for the team vision: the output's value, as `terraform output -json` gives it. */
function published(props: PlatformTeamProps = {}): unknown {
  const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
  platform.addTeam("vision", props);
  return synth(platform.platformStack).output.team_vision.value;
}

const DEV = PlatformAttachment.fromOutput(published());

function teamApp(props: Partial<TeamAppProps> = {}): TeamApp {
  return new TeamApp(Testing.app(), "vision", { platform: DEV, ...props });
}

/** What a team's models are made of: their workloads, their Kong entities (and the bookkeeping of those). */
const TEAM_RESOURCE_TYPES = [
  "kubernetes_deployment_v1",
  "kubernetes_service_v1",
  "kubernetes_horizontal_pod_autoscaler_v2",
  "kubernetes_pod_disruption_budget_v1",
  "kubernetes_network_policy_v1",
  "kong_service",
  "kong_route",
  "kong_plugin",
  "kong_upstream",
  "kong_target",
  "terraform_data",
];

const SEGMENTATION: TeamModelDefinition = { name: "vision-segmentation", image: "r/segmentation:1.0.0" };

describe("a team's app", () => {
  const team = teamApp();
  team.addModel("segmentation", SEGMENTATION);
  const json = synth(team.stack);

  test("one stack <platform>-team-<team>-<environment>, with its own local state", () => {
    expect(team.stack.node.id).toBe("acme-team-vision-dev");
    expect(json.terraform.backend).toEqual({ local: { path: "../../../terraform-state/acme-team-vision-dev.tfstate" } });
  });

  test("the Kubernetes provider reads the same variables as the platform's; Kong's the published Admin API URL by default", () => {
    expect(json.provider.kubernetes).toEqual([{ config_context: "${var.kube_context}", config_path: "${var.kubeconfig_path}" }]);
    expect(json.provider.kong[0].kong_admin_uri).toBe("${var.kong_admin_url}");
    expect(json.variable.kong_admin_url).toEqual({
      type: "string",
      default: "http://kong-admin.kong.svc.cluster.local:8001",
      description:
        "Kong Admin API URL as seen from where Terraform runs: the platform's in-cluster URL by default; elsewhere run `kubectl -n kong port-forward svc/kong-admin 8001` and set TF_VAR_kong_admin_url=http://localhost:8001",
    });
  });

  test("no credential variable when the platform publishes none", () => {
    expect(Object.keys(json.variable).sort()).toEqual(["kong_admin_url", "kube_context", "kubeconfig_path"]);
  });

  test("a model in the team's namespace, admitting the published Kong proxy pods", () => {
    expect(byName(json, "kubernetes_deployment_v1", "vision-segmentation").metadata.namespace).toBe("team-vision");
    expect(byName(json, "kubernetes_network_policy_v1", "vision-segmentation-allow-kong").spec.ingress[0].from[0]).toEqual({
      namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } },
      pod_selector: { match_labels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } },
    });
    expect(byName(json, "kong_service", "vision-segmentation").host).toBe("vision-segmentation.team-vision.svc.cluster.local");
  });

  test("by default one route <pathPrefix><name without the team prefix>, and the team's groups allowed", () => {
    expect(byName(json, "kong_route", "vision-segmentation").paths).toEqual(["/v1/vision/segmentation"]);
    const acl = resources(json, "kong_plugin").find((p) => p.name === "acl");
    expect(JSON.parse(acl?.config_json).allow).toEqual(["vision"]);
    expect(json.output.vision_segmentation_routes.value).toEqual(["/v1/vision/segmentation"]);
  });

  test("only the team's own resources: no namespace, no Kong consumer, no global plugin, no Kong cluster", () => {
    const types = Object.keys(json.resource);
    expect(types.filter((t) => !TEAM_RESOURCE_TYPES.includes(t))).toEqual([]);
    expect(types).toEqual(expect.arrayContaining(["kong_service", "kong_route", "kong_plugin", "kubernetes_deployment_v1", "kubernetes_network_policy_v1"]));
    expect(resources(json, "kong_plugin").filter((p) => p.service_id === undefined && p.route_id === undefined)).toEqual([]);
    expect(resources(json, "kubernetes_deployment_v1").map((d) => d.metadata.name)).toEqual(["vision-segmentation"]);
  });
});

describe("a team's app: other defaults and props", () => {
  test("a public model gets no ACL and no groups", () => {
    const team = teamApp();
    team.addModel("demo", { name: "vision-demo", image: "r/demo:1.0.0", public: { reason: "the public demo page calls it without a key" } });
    expect(resources(synth(team.stack), "kong_plugin").map((p) => p.name)).not.toContain("acl");
  });

  test("a published credential kind declares its sensitive variables for the Kong provider", () => {
    const platform = PlatformAttachment.fromOutput(published({ adminCredentials: { kind: "apiKey", source: "vault:secret/kong/vision" } }));
    const json = synth(teamApp({ platform }).stack);
    expect(json.variable.kong_api_key).toMatchObject({ type: "string", sensitive: true });
    expect(json.provider.kong[0].kong_api_key).toBe("${var.kong_api_key}");
  });

  test("the stack name and the backend can be chosen", () => {
    const team = teamApp({ stackName: "vision-face", backend: StateBackend.s3({ bucket: "vision-tf", region: "eu-west-1" }) });
    expect(team.stack.node.id).toBe("vision-face");
    team.addModel("segmentation", SEGMENTATION);
    expect(synth(team.stack).terraform.backend.s3.key).toBe("kong-ai-platform/vision-face.tfstate");
  });
});

describe("what a team's model may not claim", () => {
  const at = "[acme-team-vision-dev/ocr]";
  const add = (model: Partial<TeamModelDefinition>) => () => teamApp().addModel("ocr", { name: "vision-ocr", image: "r/ocr:1.0.0", ...model });

  test("a Kong name outside the team's share", () => {
    expectValidationError(
      add({ name: "ocr" }),
      `${at} name ("ocr") must start with "vision-", the prefix of team "vision": Kong service, route and upstream names are shared by every team on the platform's Kong (e.g. "vision-ocr")`,
    );
  });

  test("paths outside the team's prefix, regex alternatives, paths not known at synth", () => {
    expectValidationError(
      add({ routes: [{ paths: ["/v1/visionary", "~/v1/ocr/\\d+$", "~/v1/vision/ocr|/v1/other", Lazy.stringValue({ produce: () => "/v1/vision/ocr" })] }] }),
      [
        `${at} routes[0].paths[0] ("/v1/visionary") must start with "/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team's routes on the shared Kong proxy`,
        `${at} routes[0].paths[1] ("~/v1/ocr/\\\\d+$") must start with "~/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team's routes on the shared Kong proxy`,
        `${at} routes[0].paths[2] ("~/v1/vision/ocr|/v1/other") must not have an alternative ("|") outside parentheses in a team's app: it could match paths outside the path prefix "/v1/vision/" of team "vision"; give each alternative as a path of its own`,
        `${at} routes[0].paths[3] (<reference>) must be a literal path under "/v1/vision/" in a team's app: the prefix cannot be checked on a Terraform reference`,
      ].join("\n"),
    );
  });

  test("a group the platform did not assign to the team", () => {
    expectValidationError(
      add({ allowedGroups: ["vision", "face-detection"] }),
      `${at} allowedGroups[1] ("face-detection") is not an ACL group of team "vision" ("vision"): the platform grants consumers only these groups for the team's models; use one of them, or ask the platform team to add it to addTeam("vision", { aclGroups })`,
    );
  });

  test("the model's own rules still apply after the team's", () => {
    expectValidationError(add({ image: "r/ocr:latest" }), `${at} image ("r/ocr:latest") must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev`);
  });
});

describe("what a team's app may not create, however it is made (checked at synth)", () => {
  function problems(build: (team: TeamApp) => void): string[] {
    const team = teamApp();
    build(team);
    return synthProblems(team.stack);
  }

  test("Kong services and upstreams outside the team's share, routes without paths or outside the prefix", () => {
    expect(
      problems((team) => {
        const api = team.gateway.addService("api", { host: "api.team-vision.svc.cluster.local" });
        api.addRoute("by-host", { name: "vision-by-host", hosts: ["vision.example.com"] });
        api.addRoute("root", { name: "vision-root", paths: ["/"] });
        team.gateway.addUpstream("pool", { name: "pool.team-vision" });
      }),
    ).toEqual([
      '[acme-team-vision-dev/kong/api] name ("api") must start with "vision-", the prefix of team "vision": Kong service, route and upstream names are shared by every team on the platform\'s Kong (e.g. "vision-api")',
      '[acme-team-vision-dev/kong/api/by-host] paths (undefined) must be set in a team\'s app, under "/v1/vision/": a route matched by host, method or header alone would take requests of every team',
      '[acme-team-vision-dev/kong/api/root] paths[0] ("/") must start with "/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team\'s routes on the shared Kong proxy',
      '[acme-team-vision-dev/kong/pool] name ("pool.team-vision") must start with "vision-", the prefix of team "vision": Kong service, route and upstream names are shared by every team on the platform\'s Kong (e.g. "vision-pool.team-vision")',
    ]);
  });

  test("consumers and their credentials: they belong to the platform", () => {
    expect(problems((team) => team.gateway.addConsumer("web", { username: "web", aclGroups: ["vision"], keyAuth: true }))).toEqual([
      '[acme-team-vision-dev/kong/web] kong_consumer ("web") cannot be created by a team\'s app: consumers and their credentials belong to the platform team, which grants consumers the team\'s ACL groups ("vision") with addConsumer',
    ]);
  });

  test("global plugins (raw bindings too; the imported gateway refuses addPlugin) and SNIs", () => {
    expect(
      problems((team) => {
        new KongPluginResource(team.stack, "global-cors", { name: "cors" });
        new KongCertificateResource(team.stack, "cert", { certificate: "${var.cert}", snis: ["vision.example.com"] });
      }),
    ).toEqual([
      "[acme-team-vision-dev/global-cors] plugins (\"cors\") must be attached to a service or route of the team's app: a global or consumer-only plugin applies to other teams' services",
      "[acme-team-vision-dev/cert] snis ([\"vision.example.com\"]) cannot be set in a team's app: Kong's SNIs are shared by every route of the gateway; ask the platform team",
    ]);
  });

  test("Kubernetes objects outside the team's namespace, cluster-wide objects", () => {
    expect(
      problems((team) => {
        new ConfigMapV1(team.stack, "settings", { metadata: { name: "settings", namespace: "kong" } });
        new NamespaceV1(team.stack, "extra", { metadata: { name: "vision-extra" } });
        new ConfigMapV1(team.stack, "own", { metadata: { name: "own", namespace: "team-vision" } });
      }),
    ).toEqual([
      '[acme-team-vision-dev/settings] metadata.namespace ("kong") must be the team\'s namespace "team-vision": a team\'s app creates Kubernetes objects there only; cluster-wide objects and other namespaces belong to the platform',
      '[acme-team-vision-dev/extra] metadata.namespace (undefined) must be the team\'s namespace "team-vision": a team\'s app creates Kubernetes objects there only; cluster-wide objects and other namespaces belong to the platform',
    ]);
  });
});

describe("what TeamApp refuses", () => {
  test("values that were not read with PlatformAttachment.fromOutput, a backend or stack name of another kind", () => {
    expectValidationError(
      () => new TeamApp(Testing.app(), "vision", { platform: published() as PlatformAttachment, backend: "s3" as unknown as StateBackend, stackName: "Vision" }),
      [
        "[vision] platform (\"<value>\") must be made with PlatformAttachment.fromOutput(<the platform's output team_<name>>)",
        '[vision] backend ("s3") must be made with StateBackend.local(), StateBackend.s3(), StateBackend.pg() or StateBackend.fromEnv()',
        "[vision] stackName (\"Vision\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});

describe("a team's models follow the platform's published transport and rate-limit counters", () => {
  // A platform with a certificate (routes https only) and a Redis for its counters: what it publishes, then a team's app.
  const platform = new AiPlatform(Testing.app(), "acme", {
    environment: "prod",
    redis: PlatformRedis.inCluster(),
    kong: { proxy: ProxyEndpoint.clusterIp(), tls: ProxyTls.fromSecret({ secretName: "acme-tls", hosts: ["ai.acme.example"] }) },
  });
  platform.addTeam("vision");
  const attachment = PlatformAttachment.fromOutput(synth(platform.platformStack).output.team_vision.value);
  const app = new TeamApp(Testing.app(), "vision", { platform: attachment });
  app.addModel("segmentation", SEGMENTATION);
  app.addModel("legacy", { name: "vision-legacy", image: "r/legacy:1.0.0", httpsOnly: false, rateLimit: { minute: 60, counters: RateLimitCounters.local() } });
  app.addModel("stream", { name: "vision-stream", image: "r/stream:1.0.0", protocol: "grpc" });
  const json = synth(app.stack);
  const route = (name: string) => byName(json, "kong_route", name);
  const limit = (service: string) =>
    resources(json, "kong_plugin")
      .filter((p) => p.name === "rate-limiting" && p.service_id === `\${kong_service.${Object.entries<{ name: string }>(json.resource.kong_service).find(([, s]) => s.name === service)?.[0]}.id}`)
      .map((p) => JSON.parse(p.config_json))[0];

  test("published: https only, and the platform's Redis with its password as Kong's vault reference", () => {
    expect(attachment.clientTransport).toEqual({ httpsOnly: true, httpsRedirectStatusCode: 426 });
    expect(attachment.rateLimitCounters).toEqual({
      policy: "redis",
      redis: { host: "kong-redis.kong.svc.cluster.local", port: 6379, password: "{vault://env/kong-rate-limiting-redis-password}" },
      syncRateSeconds: -1,
    });
  });

  test("a model that sets nothing accepts HTTPS only (426 to plain HTTP) and counts in the platform's Redis", () => {
    expect(route("vision-segmentation")).toMatchObject({ protocols: ["https"], https_redirect_status_code: 426 });
    expect(limit("vision-segmentation")).toMatchObject({ policy: "redis", redis: { host: "kong-redis.kong.svc.cluster.local", port: 6379 } });
  });

  test("a model's own choices win; a gRPC model gets grpcs only and no redirect status", () => {
    expect(route("vision-legacy").protocols).toEqual(["http", "https"]);
    expect(limit("vision-legacy").policy).toBe("local");
    expect(route("vision-stream").protocols).toEqual(["grpcs"]);
    expect(route("vision-stream").https_redirect_status_code).toBe(426);
  });

  test("a published transport or counters that is not the platform's form is refused", () => {
    const values = synth(platform.platformStack).output.team_vision.value;
    expectValidationError(
      () => PlatformAttachment.fromOutput({ ...values, clientTransport: { httpsOnly: "yes", httpsRedirectStatusCode: 200 }, rateLimitCounters: { policy: "redis", redis: { host: "" } } }),
      [
        '[PlatformAttachment.fromOutput] clientTransport.httpsOnly ("yes") must be true or false',
        "[PlatformAttachment.fromOutput] clientTransport.httpsRedirectStatusCode (200) must be one of 426, 301, 302, 307, 308",
        '[PlatformAttachment.fromOutput] rateLimitCounters.redis.host ("") is required when policy is "redis"',
      ].join("\n"),
    );
  });
});
