import { App } from "cdktf";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { build as singleModel } from "../../examples/single-model";
import { build as managedPostgres } from "../../examples/managed-postgres";
import { build as gpuCanary } from "../../examples/gpu-canary";
import { synthApp } from "../helpers";
import { buildPlatform as starter } from "../../examples/starter/platform";
import { buildTeamApp as modelTeam } from "../../examples/model-team/models";

const apps: [string, (app: App) => unknown][] = [
  ["default app (dev)", (app) => buildDefaultApp(app, ENVIRONMENTS.dev)],
  ["default app (prod)", (app) => buildDefaultApp(app, ENVIRONMENTS.prod)],
  ["example single-model", singleModel],
  ["example managed-postgres", managedPostgres],
  ["example gpu-canary", gpuCanary],
  ["starter (dev)", (app) => starter(app, { environment: "dev" })],
  ["starter (prod)", (app) => starter(app, { environment: "prod" })],
  ["model team (dev)", (app) => modelTeam(app, { environment: "dev" })],
  ["model team (prod)", (app) => modelTeam(app, { environment: "prod" })],
];

describe.each(apps)("%s", (_name, build) => {
  const stacks = synthApp(build);

  test("synthesizes its stacks (a platform's two, a team's one), each with resources", () => {
    expect(Object.keys(stacks).length).toBeGreaterThanOrEqual(1);
    for (const json of Object.values(stacks)) expect(Object.keys(JSON.parse(json).resource).length).toBeGreaterThan(0);
  });

  test.each(Object.keys(stacks))("stack %s matches its snapshot", (stack) => {
    expect(stacks[stack]).toMatchSnapshot();
  });
});
