import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { Json, resources, synthApp } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** The default app's stacks of one environment, parsed: "platform" and "gateway". */
function defaultApp(env: "dev" | "prod"): { platform: Json; gateway: Json } {
  const stacks = synthApp((app) => buildDefaultApp(app, ENVIRONMENTS[env]));
  return { platform: JSON.parse(stacks[`ai-platform-${env}`]), gateway: JSON.parse(stacks[`ai-gateway-${env}`]) };
}

describe.each(["dev", "prod"] as const)("the default app (%s) shows the gateway's policies at work", (env) => {
  const { gateway } = defaultApp(env);
  const plugins = resources(gateway, "kong_plugin");
  const routeAddress = (route: any) => `\${kong_route.${Object.entries<any>(gateway.resource.kong_route).find(([, r]) => r === route)?.[0]}.id}`;

  test("every route under a cors plugin answers preflights: it matches OPTIONS", () => {
    const cors = plugins.filter((p) => p.name === "cors");
    expect(cors.length).toBeGreaterThan(0);
    const covered = resources(gateway, "kong_route").filter((r) => cors.some((c) => c.service_id === r.service_id || c.route_id === routeAddress(r)));
    expect(covered.map((r) => r.name)).toEqual(["content-moderation"]);
    for (const route of covered) expect(route.methods).toContain("OPTIONS");
  });
});
