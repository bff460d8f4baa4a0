import { StateBackend } from "kong-ai-platform";
import { kubernetesObject, resources, synthStacks, validationProblems } from "kong-ai-platform/testing";
import { buildTeamApp } from "../models";

const dev = synthStacks((app) => buildTeamApp(app, { environment: "dev" }));
const stack = dev["ai-team-vision-dev"];

test("one stack per environment, named after the platform, the team and the environment", () => {
  expect(Object.keys(dev)).toEqual(["ai-team-vision-dev"]);
  expect(Object.keys(synthStacks((app) => buildTeamApp(app, { environment: "prod" })))).toEqual(["ai-team-vision-prod"]);
});

test("only the team's own resources: its models' workloads in team-vision and their Kong entities", () => {
  // no namespace, no Kong consumer or credential, no Kong cluster, nothing of the platform's
  const own = ["kubernetes_deployment_v1", "kubernetes_service_v1", "kubernetes_horizontal_pod_autoscaler_v2", "kubernetes_pod_disruption_budget_v1", "kubernetes_network_policy_v1", "kong_service", "kong_route", "kong_plugin", "terraform_data"];
  expect(Object.keys(stack.resource).filter((t) => !own.includes(t))).toEqual([]);
  expect(resources(stack, "kubernetes_deployment_v1").map((d) => d.metadata.name).sort()).toEqual(["vision-caption", "vision-segmentation"]);
  const kubernetes = Object.keys(stack.resource).filter((t) => t.startsWith("kubernetes_")).flatMap((t) => resources(stack, t));
  expect(new Set(kubernetes.map((r) => r.metadata.namespace))).toEqual(new Set(["team-vision"]));
  const names = ["kong_service", "kong_route"].flatMap((t) => resources(stack, t)).map((r) => r.name);
  expect(names.filter((n) => !n.startsWith("vision-"))).toEqual([]);
  const paths = resources(stack, "kong_route").flatMap((r) => r.paths);
  expect(paths.sort()).toEqual(["/v1/vision/caption", "/v1/vision/caption/batch", "/v1/vision/segmentation"]);
  // every plugin is on one of the team's services or routes: no global plugin
  expect(resources(stack, "kong_plugin").filter((p) => !p.service_id && !p.route_id)).toEqual([]);
});

test("the models admit only Kong's proxy pods, published by the platform", () => {
  const policy = kubernetesObject(stack, "kubernetes_network_policy_v1", "vision-segmentation-allow-kong");
  expect(policy.spec.ingress[0].from[0]).toEqual({
    namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } },
    pod_selector: { match_labels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } },
  });
});

test("Kong is reached at the Admin API URL the platform published, unless TF_VAR_kong_admin_url says otherwise", () => {
  expect(stack.variable.kong_admin_url.default).toBe("http://kong-admin.kong.svc.cluster.local:8001");
  expect(stack.provider.kong[0].kong_admin_uri).toBe("${var.kong_admin_url}");
});

test("state stays in ./terraform-state by default, or where the backend says", () => {
  expect(stack.terraform.backend).toEqual({ local: { path: "../../../terraform-state/ai-team-vision-dev.tfstate" } });
  const s3 = synthStacks((app) => buildTeamApp(app, { environment: "dev", backend: StateBackend.s3({ bucket: "vision-tf", region: "eu-west-1" }) }));
  expect(s3["ai-team-vision-dev"].terraform.backend.s3.key).toBe("kong-ai-platform/ai-team-vision-dev.tfstate");
});

test("the app is valid; a name or a path outside the team's share is one line each", () => {
  expect(validationProblems((app) => buildTeamApp(app, { environment: "dev" }))).toEqual([]);
  const problems = validationProblems((app) =>
    buildTeamApp(app, { environment: "dev" }).addModel("ocr", { name: "ocr", image: "registry.internal/vision/ocr:1.0.0", routes: [{ paths: ["/v1/ocr"] }] }),
  );
  expect(problems).toEqual([
    '[ai-team-vision-dev/ocr] name ("ocr") must start with "vision-", the prefix of team "vision": Kong service, route and upstream names are shared by every team on the platform\'s Kong (e.g. "vision-ocr")',
    '[ai-team-vision-dev/ocr] routes[0].paths[0] ("/v1/ocr") must start with "/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team\'s routes on the shared Kong proxy',
  ]);
});
