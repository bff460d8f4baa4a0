import { Testing } from "cdktf";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildTeamApp } from "../../examples/model-team/models";
import dev from "../../examples/model-team/platform/dev";
import prod from "../../examples/model-team/platform/prod";
import { validationProblems } from "../../lib/testing";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { synth } from "../helpers";

const ROOT = resolve(__dirname, "../..");

// The model-team starter attaches to the default app's platform with the values it publishes for team vision: the
// copies in examples/model-team/platform/ must be what the platform's stack outputs, or the starter lies.
describe("the model-team starter's published values", () => {
  test.each([
    ["dev", dev],
    ["prod", prod],
  ] as const)("platform/%s.ts is the default app's output team_vision", (env, copy) => {
    const platform = buildDefaultApp(Testing.app(), ENVIRONMENTS[env]);
    expect(copy).toEqual(synth(platform.platformStack).output.team_vision.value);
  });
});

describe("the messages the READMEs show are the library's", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const teamReadme = readFileSync(join(ROOT, "examples/model-team/README.md"), "utf8");
  const outsideShare = validationProblems((app) =>
    buildTeamApp(app, { environment: "dev" }).addModel("ocr", { name: "ocr", image: "registry.internal/vision/ocr:1.0.0", routes: [{ paths: ["/v1/ocr"] }] }),
  );

  test("a team's model outside its share", () => {
    expect(outsideShare).toHaveLength(2);
    for (const line of outsideShare) {
      expect(readme).toContain(line);
      expect(teamReadme).toContain(line);
    }
  });

  test("a group that is not the team's, a consumer in a team's app", () => {
    const lines = [
      ...validationProblems((app) =>
        buildTeamApp(app, { environment: "dev" }).addModel("ocr", { name: "vision-ocr", image: "registry.internal/vision/ocr:1.0.0", allowedGroups: ["face-detection"] }),
      ),
      ...validationProblems((app) => buildTeamApp(app, { environment: "dev" }).gateway.addConsumer("web", { username: "web", aclGroups: ["vision"], keyAuth: true })),
    ];
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(readme).toContain(line);
  });

  test("a team whose Kong names would collide with another's, a platform model in a team's share", () => {
    const lines = [
      ...validationProblems((app) => buildDefaultApp(app, ENVIRONMENTS.dev).addTeam("vision-x")),
      ...validationProblems((app) => buildDefaultApp(app, ENVIRONMENTS.dev).addModel("vision-ocr", { name: "vision-ocr", image: "registry.internal/ai/ocr:1.0.0" })),
    ];
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(0, 2)) expect(readme).toContain(line);
  });
});
