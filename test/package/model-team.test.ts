import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installOffline, NPM, npmEnv, packedLibrary, ROOT, run } from "./offline-npm";

// GIVEN the model-team starter copied out of the repository, as a model team would, with the packed library installed:
// it knows the platform only by the values the platform published (platform/<env>.ts), no platform state, no platform code
const work = mkdtempSync(join(tmpdir(), "kong-ai-platform-model-team-"));
const team = join(work, "vision-models");

beforeAll(() => {
  const tarball = packedLibrary(work);
  cpSync(join(ROOT, "examples/model-team"), team, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|cdktf\.out|terraform-state)$/.test(src),
  });
  installOffline(team, tarball);
}, 300_000);

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */
const stackJson = (name: string): any => JSON.parse(readFileSync(join(team, `cdktf.out/stacks/${name}/cdk.tf.json`), "utf8"));

describe("the model-team starter, copied out of the repository", () => {
  test("npm run synth writes the team's one stack, holding only the team's own resources", () => {
    run(NPM, ["run", "synth"], team);
    expect(readdirSync(join(team, "cdktf.out/stacks"))).toEqual(["ai-team-vision-dev"]);
    const json = stackJson("ai-team-vision-dev");
    // the models' workloads and Kong entities (with their bookkeeping), nothing else
    const own = ["kubernetes_deployment_v1", "kubernetes_service_v1", "kubernetes_horizontal_pod_autoscaler_v2", "kubernetes_pod_disruption_budget_v1", "kubernetes_network_policy_v1", "kong_service", "kong_route", "kong_plugin", "terraform_data"];
    expect(Object.keys(json.resource).filter((t) => !own.includes(t))).toEqual([]);
    // no namespace, no Kong consumer, no global plugin, no Kong cluster: everything is the team's, in its namespace
    const kubernetes = Object.keys(json.resource).filter((t) => t.startsWith("kubernetes_")).flatMap((t) => Object.values<any>(json.resource[t]));
    expect([...new Set(kubernetes.map((r) => r.metadata.namespace))]).toEqual(["team-vision"]);
    expect(Object.values<any>(json.resource.kubernetes_deployment_v1).map((d) => d.metadata.name).sort()).toEqual(["vision-caption", "vision-segmentation"]);
    expect(Object.values<any>(json.resource.kong_plugin).filter((p) => !p.service_id && !p.route_id)).toEqual([]);
    expect(Object.values<any>(json.resource.kong_service).map((s) => s.name).sort()).toEqual(["vision-caption", "vision-segmentation"]);
    expect(json.terraform.backend.local.path).toBe("../../../terraform-state/ai-team-vision-dev.tfstate");
  });

  test("ENV=prod attaches to the prod platform; an environment without published values is one line and exit status 1", () => {
    run(NPM, ["run", "synth"], team, npmEnv({ ENV: "prod" }));
    expect(readdirSync(join(team, "cdktf.out/stacks"))).toEqual(expect.arrayContaining(["ai-team-vision-prod"]));
    const r = spawnSync(NPM, ["run", "--silent", "synth"], { cwd: team, env: npmEnv({ ENV: "staging" }), encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('[vision] environment ("staging") must be one of "dev", "prod": the environments the platform published values for\n');
  });

  test("npm run check type-checks the app against the package's declarations", () => {
    run(NPM, ["run", "check"], team);
  });

  test("npm test runs the team's own tests with the library's test helpers", () => {
    const r = run(NPM, ["test", "--", "--ci"], team);
    expect(r.stderr).toMatch(/Tests:\s+6 passed, 6 total/);
  });

  test("cdktf synth runs the app of cdktf.json", () => {
    rmSync(join(team, "cdktf.out"), { recursive: true, force: true });
    run(join(team, "node_modules/.bin/cdktf"), ["synth"], team);
    expect(readdirSync(join(team, "cdktf.out/stacks"))).toEqual(["ai-team-vision-dev"]);
  });
});
