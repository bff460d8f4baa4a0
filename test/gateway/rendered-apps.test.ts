import { App } from "cdktf";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { build as gpuCanary } from "../../examples/gpu-canary";
import { build as managedPostgres } from "../../examples/managed-postgres";
import { build as singleModel } from "../../examples/single-model";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { Json, synthApp } from "../helpers";
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

/** Every kong_* resource of every stack of an app: [address, resource]. */
function kongResources(build: (app: App) => unknown): Array<[string, Json]> {
  return Object.entries(synthApp(build)).flatMap(([stack, text]) =>
    Object.entries<Record<string, Json>>(JSON.parse(text).resource ?? {})
      .filter(([type]) => type.startsWith("kong_"))
      .flatMap(([type, byName]) => Object.entries(byName).map(([name, r]): [string, Json] => [`${stack}/${type}.${name}`, r])),
  );
}

describe.each(apps)("%s", (_name, build) => {
  const kong = kongResources(build);

  test("has Kong entities to check", () => {
    expect(kong.filter(([address]) => address.includes("kong_plugin.")).length).toBeGreaterThan(0);
  });

  test("no Kong resource holds an empty string, anywhere (Kong refuses them)", () => {
    expect(kong.flatMap(([address, r]) => emptyStrings(r, address))).toEqual([]);
  });

  test("every plugin config holds exactly the fields Kong 3.9 echoes", () => {
    const plugins = kong.filter(([address]) => address.includes("kong_plugin."));
    expect(plugins.flatMap(([address, p]) => echoMismatches(p.name, JSON.parse(p.config_json)).map((m) => `${address}: ${m}`))).toEqual([]);
  });
});

test("every example of examples/ is checked above", () => {
  const files = readdirSync(join(__dirname, "../../examples")).filter((f) => f.endsWith(".ts"));
  expect(files.map((f) => `example ${f.replace(/\.ts$/, "")}`).sort()).toEqual(apps.map(([name]) => name).filter((n) => n.startsWith("example")).sort());
});
