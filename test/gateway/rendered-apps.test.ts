import { App } from "cdktf";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { build as gpuCanary } from "../../examples/gpu-canary";
import { build as managedPostgres } from "../../examples/managed-postgres";
import { build as singleModel } from "../../examples/single-model";
import { buildPlatform as starter } from "../../examples/starter/platform";
import { buildTeamApp as modelTeam } from "../../examples/model-team/models";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { Json, synthApp } from "../helpers";
import { LIBRARY_TAG } from "../../lib/gateway/clearable";
import { echoMismatches } from "./helpers";

// What reaches Kong from the apps this repository ships: the kevholditch/kong provider sends every string it is given
// and Kong refuses an empty one (string fields have a minimum length of 1), and with strict_plugins_match a plugin
// config converges only when it holds every field Kong echoes.

const apps: Array<[string, (app: App) => unknown]> = [
  ["default app (dev)", (app) => buildDefaultApp(app, ENVIRONMENTS.dev)],
  ["default app (prod)", (app) => buildDefaultApp(app, ENVIRONMENTS.prod)],
  ["example gpu-canary", gpuCanary],
  ["example managed-postgres", managedPostgres],
  ["example single-model", singleModel],
  ["starter (dev)", (app) => starter(app, { environment: "dev" })],
  ["starter (prod)", (app) => starter(app, { environment: "prod" })],
  ["model-team (dev)", (app) => modelTeam(app, { environment: "dev" })],
  ["model-team (prod)", (app) => modelTeam(app, { environment: "prod" })],
];

/** The paths of every empty string in a value, config_json parsed. */
function emptyStrings(value: unknown, at: string): string[] {
  if (value === "") return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => emptyStrings(item, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, item]) =>
      k === "config_json" && typeof item === "string" ? emptyStrings(JSON.parse(item), `${at}.config_json`) : emptyStrings(item, `${at}.${k}`),
    );
  }
  return [];
}

/** Every kong_* and terraform_data resource of every stack of an app: [stack/address, resource]. */
function kongResources(build: (app: App) => unknown): Array<[string, Json]> {
  return Object.entries(synthApp(build)).flatMap(([stack, text]) =>
    Object.entries<Record<string, Json>>(JSON.parse(text).resource ?? {})
      .filter(([type]) => type.startsWith("kong_") || type === "terraform_data")
      .flatMap(([type, byName]) => Object.entries(byName).map(([name, r]): [string, Json] => [`${stack}/${type}.${name}`, r])),
  );
}

/** What keeps a removal from being lost in a PATCH, for one resource: problems, none when it is covered. */
function removalProblems(address: string, r: Json, all: ReadonlyMap<string, Json>): string[] {
  const [stack, local] = address.split("/");
  const type = local.split(".")[0];
  const triggers: string[] = r.lifecycle?.replace_triggered_by ?? [];
  const exists = (ref: string) => all.has(`${stack}/${ref.replace(/\.id$/, "")}`);
  const out: string[] = [];
  if (["kong_service", "kong_route", "kong_upstream", "kong_consumer"].includes(type) && !(r.tags ?? []).includes(LIBRARY_TAG)) out.push(`${address}: no library tag`);
  if (["kong_service", "kong_route", "kong_upstream"].includes(type) && !(triggers[0]?.startsWith("terraform_data.") && exists(triggers[0]))) {
    out.push(`${address}: not replaced when a field PATCH cannot clear is cleared`);
  }
  const scope = type === "kong_plugin" ? (r.route_id ?? r.service_id) : type === "kong_route" ? r.service_id : undefined;
  const scopeRef = typeof scope === "string" ? /^\$\{(kong_(?:route|service)\.[^.}]+)\.id\}$/.exec(scope)?.[1] : undefined;
  if (scopeRef !== undefined && !triggers.includes(`${scopeRef}.id`)) out.push(`${address}: not replaced with ${scopeRef}`);
  for (const t of triggers) if (!exists(t)) out.push(`${address}: replace_triggered_by ${t} names nothing`);
  return out;
}

describe.each(apps)("%s", (_name, build) => {
  const all = kongResources(build);
  const byAddress = new Map(all);
  const kong = all.filter(([address]) => !address.includes("/terraform_data."));

  test("has Kong entities to check", () => {
    expect(kong.filter(([address]) => address.includes("kong_plugin.")).length).toBeGreaterThan(0);
  });

  test("no Kong resource holds an empty string, anywhere (Kong refuses them)", () => {
    expect(kong.flatMap(([address, r]) => emptyStrings(r, address))).toEqual([]);
  });

  test("every removal reaches Kong: tags never empty, replacement where PATCH cannot clear, plugins and routes replaced with their scope", () => {
    expect(kong.flatMap(([address, r]) => removalProblems(address, r, byAddress))).toEqual([]);
  });

  test("every plugin config holds exactly the fields Kong 3.9 echoes", () => {
    const plugins = kong.filter(([address]) => address.includes("kong_plugin."));
    expect(plugins.flatMap(([address, p]) => echoMismatches(p.name, JSON.parse(p.config_json)).map((m) => `${address}: ${m}`))).toEqual([]);
  });
});

test("every example of examples/ is checked above, both starters included", () => {
  const entries = readdirSync(join(__dirname, "../../examples"));
  const names = entries.map((f) => (f.endsWith(".ts") ? `example ${f.replace(/\.ts$/, "")}` : `${f} (dev)`));
  const checked = apps.map(([name]) => name).filter((n) => !n.startsWith("default app") && !n.endsWith("(prod)"));
  expect(names.sort()).toEqual(checked.sort());
});
