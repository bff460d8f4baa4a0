import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSync } from "esbuild";
import { ValidationError } from "../../lib";
import { validationLines } from "../../lib/app/synthesize";

const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "synthesize-"));
const bundle = join(work, "cli-app.js");

beforeAll(() => {
  // the fixture app and the library, transpiled into one file; cdktf and the providers come from the repository
  buildSync({ entryPoints: [join(__dirname, "fixtures/cli-app.ts")], outfile: bundle, bundle: true, packages: "external", platform: "node", format: "cjs", target: "node20", logLevel: "error" });
});

function run(scenario: string) {
  const outdir = mkdtempSync(join(work, "out-"));
  const r = spawnSync(process.execPath, [bundle, scenario], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), CDKTF_OUTDIR: outdir },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outdir };
}

describe("synthesize(app) as the entry of a command-line app", () => {
  test("a valid app is synthesized, exit status 0", () => {
    const r = run("valid");
    expect(r).toMatchObject({ status: 0, stderr: "", stdout: "synthesized\n" });
    expect(readdirSync(join(r.outdir, "stacks")).sort()).toEqual(["acme-gateway-dev", "acme-platform-dev"]);
  });

  test("problems found while the constructs are created: only their lines, exit status 1", () => {
    const r = run("invalid-props");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        `[acme] environment ("Dev") must be a DNS-1123 label: at most 30 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
        '[acme] kong.proxy (undefined) must name the client networks of its LoadBalancer: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) (["0.0.0.0/0", "::/0"] for a public API), or ProxyEndpoint.clusterIp()',
        "",
      ].join("\n"),
    );
    expect(r.stdout).toBe("");
  });

  test.each(["invalid-at-synth", "prebuilt-app"])("problems found when the stacks are validated (%s): no header, no skipValidation hint", (scenario) => {
    const r = run(scenario);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('[acme-gateway-dev/gateway/web] aclGroups ("orc") is allowed by no model of this platform ("ocr"): the consumer would get 403 from every route\n');
  });

  test("a misspelt option of synthesize itself is reported like any other problem", () => {
    const r = run("misspelt-option");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('[synthesize] ap ({}) is an unknown option; did you mean "app"?\n');
  });

  test("any other error keeps its stack trace (a bug is not the user's input)", () => {
    const r = run("bug");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("TypeError: a bug in the app");
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe("validationLines", () => {
  test("a ValidationError: one line per problem", () => {
    const error = new ValidationError("acme", [
      { field: "a", value: 1, message: "is wrong" },
      { field: "b", value: "x", message: "is wrong too" },
    ]);
    expect(validationLines(error)).toEqual(["[acme] a (1) is wrong", '[acme] b ("x") is wrong too']);
  });

  test("cdktf's stack and app validation failures, without header and hint", () => {
    const stack = new Error("Validation failed with the following errors:\n  [s/a] one\n  [s/b] two\n\nIf you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n");
    expect(validationLines(stack)).toEqual(["[s/a] one", "[s/b] two"]);
    const app = new Error("App-level validation failed with the following errors:\n  [app] three\nValidations allow for dynamic verification of your project.\nTo skip validations, add 'skipValidation: true' to your App config.\n    ");
    expect(validationLines(app)).toEqual(["[app] three"]);
  });

  test("anything else is not a validation problem", () => {
    expect(validationLines(new TypeError("x is undefined"))).toBeUndefined();
    expect(validationLines("a string")).toBeUndefined();
  });
});
