import { Testing } from "cdktf";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildPlatform } from "../../examples/starter/platform";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";

const ROOT = resolve(__dirname, "../..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const starterReadme = readFileSync(join(ROOT, "examples/starter/README.md"), "utf8");

// The deploy commands of the READMEs name stacks and a port-forward: they must be those the apps produce.
describe("deploy instructions", () => {
  test("the default app: its stack names and its port-forward", () => {
    const platform = buildDefaultApp(Testing.app(), ENVIRONMENTS.dev);
    expect(readme).toContain(`npx cdktf deploy ${platform.platformStack.node.id} `);
    expect(readme).toContain(`npx cdktf deploy ${platform.gatewayStack.node.id} --ignore-missing-stack-dependencies`);
    expect(readme).toContain(`${platform.adminPortForward} &`);
  });

  test("the starter: its stack names and its port-forward, in both READMEs", () => {
    const platform = buildPlatform(Testing.app(), { environment: "dev" });
    for (const text of [readme, starterReadme]) {
      expect(text).toContain(`npx cdktf deploy ${platform.platformStack.node.id}`);
      expect(text).toContain(`npx cdktf deploy ${platform.gatewayStack.node.id} --ignore-missing-stack-dependencies`);
      expect(text).toContain(`${platform.adminPortForward} &`);
    }
    expect(platform.adminPortForward).toBe("kubectl -n acme-kong port-forward svc/kong-admin 8001");
  });
});
