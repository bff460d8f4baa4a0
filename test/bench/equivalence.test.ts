import { build as buildLibrary } from "../../bench/library-platform";
import { build as buildBaseline } from "../../bench/raw-platform";
import { Json, synthApp } from "../helpers";

// The benchmark's ratio means something only if both sides write the same Terraform: every resource with the same
// attributes, names apart (construct paths differ, so logical ids and the addresses that refer to them differ).

/** Each resource type's resources as canonical JSON (keys sorted, cdktf metadata and resource addresses blanked), sorted. */
function canonical(stackJson: string): Record<string, string[]> {
  const json: Json = JSON.parse(stackJson);
  const byType: Record<string, string[]> = {};
  for (const [type, byId] of Object.entries<Record<string, Json>>(json.resource ?? {})) {
    byType[type] = Object.values(byId)
      .map(({ "//": _metadata, ...resource }) => sortedJson(resource).replace(/\b(kong_service|kong_route|terraform_data)\.[A-Za-z0-9_-]+/g, "$1.<address>"))
      .sort();
  }
  return byType;
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

describe("the benchmark's two sides write the same resources", () => {
  const library = synthApp((app) => buildLibrary(app, 3));
  const baseline = synthApp((app) => buildBaseline(app, 3));

  test.each(["models", "gateway"])("stack %s: the same resources with the same attributes", (stack) => {
    const ours = canonical(library[stack]);
    expect(Object.values(ours).flat()).toHaveLength(stack === "models" ? 15 : 24);
    expect(canonical(baseline[stack])).toEqual(ours);
  });

  test("the check sees a difference in one attribute", () => {
    const changed = library.gateway.replace('\\"policy\\":\\"cluster\\"', '\\"policy\\":\\"local\\"');
    expect(changed).not.toBe(library.gateway);
    expect(canonical(changed)).not.toEqual(canonical(library.gateway));
  });
});

