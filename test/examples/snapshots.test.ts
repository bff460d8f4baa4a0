import { App, TerraformStack, Testing } from "cdktf";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { build as singleModel } from "../../examples/single-model";
import { build as managedPostgres } from "../../examples/managed-postgres";
import { build as gpuCanary } from "../../examples/gpu-canary";
import { buildPlatform as starter } from "../../examples/starter/platform";

/** Every stack of an app, synthesized with validations, as a name -> JSON text map (stable: stubbed version). */
function stacksOf(build: (app: App) => unknown): Record<string, string> {
  const app = Testing.app();
  build(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(stacks.map((s) => [s.node.id, Testing.synth(s, true)]));
}

const apps: [string, (app: App) => unknown][] = [
  ["default app (dev)", (app) => buildDefaultApp(app, ENVIRONMENTS.dev)],
  ["default app (prod)", (app) => buildDefaultApp(app, ENVIRONMENTS.prod)],
  ["example single-model", singleModel],
  ["example managed-postgres", managedPostgres],
  ["example gpu-canary", gpuCanary],
  ["starter (dev)", (app) => starter(app, { environment: "dev" })],
  ["starter (prod)", (app) => starter(app, { environment: "prod" })],
];

describe.each(apps)("%s", (_name, build) => {
  const stacks = stacksOf(build);

  test("synthesizes at least two stacks, each with resources", () => {
    expect(Object.keys(stacks).length).toBeGreaterThanOrEqual(2);
    for (const json of Object.values(stacks)) expect(Object.keys(JSON.parse(json).resource).length).toBeGreaterThan(0);
  });

  test.each(Object.keys(stacks))("stack %s matches its snapshot", (stack) => {
    expect(stacks[stack]).toMatchSnapshot();
  });
});
