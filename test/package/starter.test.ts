import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installOffline, NPM, npmEnv, packedLibrary, ROOT, run } from "./offline-npm";

// GIVEN the starter copied out of the repository, as a team would, with the packed library installed
const work = mkdtempSync(join(tmpdir(), "kong-ai-platform-starter-"));
const starter = join(work, "acme-ai-platform");

beforeAll(() => {
  const tarball = packedLibrary(work);
  cpSync(join(ROOT, "examples/starter"), starter, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|cdktf\.out|terraform-state)$/.test(src),
  });
  installOffline(starter, tarball);
}, 300_000);

describe("the starter, copied out of the repository", () => {
  test("npm run synth writes acme-platform-dev and acme-gateway-dev (transpiled, not type-checked)", () => {
    run(NPM, ["run", "synth"], starter);
    expect(readdirSync(join(starter, "cdktf.out/stacks")).sort()).toEqual(["acme-gateway-dev", "acme-platform-dev"]);
    const json = JSON.parse(readFileSync(join(starter, "cdktf.out/stacks/acme-platform-dev/cdk.tf.json"), "utf8"));
    expect(json.terraform.backend.local.path).toBe("../../../terraform-state/acme-platform-dev.tfstate");
  });

  test("ENV=prod picks the prod environment; an unknown backend is one line and exit status 1", () => {
    run(NPM, ["run", "synth"], starter, npmEnv({ ENV: "prod" }));
    expect(readdirSync(join(starter, "cdktf.out/stacks"))).toEqual(expect.arrayContaining(["acme-gateway-prod", "acme-platform-prod"]));
    const r = spawnSync(NPM, ["run", "--silent", "synth"], { cwd: starter, env: npmEnv({ TF_BACKEND: "consul" }), encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[backend] TF_BACKEND ("consul") must be one of "local", "s3", "pg"\n');
    expect(r.stderr).not.toMatch(/skipValidation|\n\s+at /);
  });

  test("npm run check type-checks the app against the package's declarations", () => {
    run(NPM, ["run", "check"], starter);
  });

  test("npm test runs the starter's own tests with the library's test helpers", () => {
    const r = run(NPM, ["test", "--", "--ci"], starter);
    expect(r.stderr).toMatch(/Tests:\s+6 passed, 6 total/);
  });

  test("cdktf synth runs the app of cdktf.json", () => {
    rmSync(join(starter, "cdktf.out"), { recursive: true, force: true });
    run(join(starter, "node_modules/.bin/cdktf"), ["synth"], starter);
    expect(readdirSync(join(starter, "cdktf.out/stacks"))).toEqual(expect.arrayContaining(["acme-gateway-dev", "acme-platform-dev"]));
  });
});
