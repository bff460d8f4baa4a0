import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ApiCatalog } from "../../lib/catalog/api-catalog";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { expectValidationError } from "../helpers";
import { gatewaySetup } from "./helpers";

/** A fresh app writing to a temporary folder, with a gateway "gateway" in stack "edge" and one route. */
function appWithGateway() {
  const outdir = mkdtempSync(join(tmpdir(), "catalog-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "edge");
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "http://kong-admin:8001" });
  gateway.addService("svc", { host: "svc.local" }).addRoute("r", { paths: ["/r"], methods: ["GET"] });
  return { outdir, app, stack, gateway };
}

describe("ApiCatalog", () => {
  test("writes its four files to <outdir>/catalog/<directory>/ when the gateway's stack is synthesized", () => {
    // GIVEN a catalog with its defaults WHEN the app is synthesized THEN the files are in catalog/<gateway stack id>
    const { outdir, app, stack, gateway } = appWithGateway();
    const catalog = new ApiCatalog(stack, "catalog", { gateway });
    app.synth();
    expect(catalog.directory).toBe("edge");
    expect(catalog.title).toBe("edge");
    expect(readdirSync(join(outdir, "catalog", "edge")).sort()).toEqual(["catalog.json", "catalog.md", "openapi.json", "topology.mmd"]);
    expect(ApiCatalog.FILES).toEqual(["openapi.json", "catalog.json", "catalog.md", "topology.mmd"]);
    const doc = JSON.parse(readFileSync(join(outdir, "catalog", "edge", "openapi.json"), "utf8"));
    expect(Object.keys(doc.paths)).toEqual(["/r"]);
    expect(readFileSync(join(outdir, "catalog", "edge", "catalog.md"), "utf8")).toMatch(/^# API catalog: edge\n/);
  });

  test("the files are the same bytes for the same app", () => {
    const build = () => {
      const { outdir, app, stack, gateway } = appWithGateway();
      new ApiCatalog(stack, "catalog", { gateway, directory: "x", title: "X" });
      app.synth();
      return Object.fromEntries(ApiCatalog.FILES.map((f) => [f, readFileSync(join(outdir, "catalog", "x", f), "utf8")]));
    };
    expect(build()).toEqual(build());
  });

  test("the Terraform JSON does not change", () => {
    const json = (withCatalog: boolean) => {
      const { stack, gateway } = gatewaySetup();
      gateway.addService("svc", { host: "svc.local" }).addRoute("r", { paths: ["/r"] });
      if (withCatalog) new ApiCatalog(stack, "catalog", { gateway });
      return Testing.synth(stack, true);
    };
    expect(json(true)).toBe(json(false));
  });

  test("a stack that fails its validations writes no catalog", () => {
    const { outdir, app, stack, gateway } = appWithGateway();
    new ApiCatalog(stack, "catalog", { gateway });
    gateway.addService("open", { host: "open.local" }).addPlugin(Plugin.acl({ allow: ["x"] }));
    expect(() => app.synth()).toThrow(/needs an authentication plugin/);
    expect(readdirSync(outdir)).not.toContain("catalog");
  });

  test("AiPlatform writes one per environment, to catalog/<environment>, titled '<prefix> (<environment>)'", () => {
    const outdir = mkdtempSync(join(tmpdir(), "catalog-"));
    const app = new App({ outdir });
    const platform = buildDefaultApp(app, ENVIRONMENTS.prod);
    app.synth();
    expect(platform.catalog?.node.path).toBe("ai-gateway-prod/catalog");
    expect(platform.catalog?.directory).toBe("prod");
    expect(readFileSync(join(outdir, "catalog", "prod", "catalog.md"), "utf8")).toMatch(/^# API catalog: ai \(prod\)\n/);
  });

  test("refuses a folder name that is not one, a directory two catalogs share, a missing gateway, a bad title or kong", () => {
    const { stack, gateway } = appWithGateway();
    expectValidationError(
      () => new ApiCatalog(stack, "a", { gateway, directory: "../up" }),
      `[edge/a] directory ("../up") must be a folder name of 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit`,
    );
    new ApiCatalog(stack, "b", { gateway, directory: "dev" });
    expectValidationError(
      () => new ApiCatalog(stack, "c", { gateway, directory: "dev" }),
      `[edge/c] directory ("dev") is already the directory of the catalog edge/b: both would write catalog/dev/ in the output folder; give one of them another directory`,
    );
    expectValidationError(
      () => new ApiCatalog(stack, "d", {} as never),
      "[edge/d] gateway (undefined) is required: a KongGateway (or KongGateway.fromAdminUrl(...))",
    );
    expectValidationError(
      () => new ApiCatalog(stack, "e", { gateway, directory: "e", title: " ", kong: {} as never }),
      [`[edge/e] kong ("<value>") must be a KongCluster`, `[edge/e] title (" ") must be a non-empty string`].join("\n"),
    );
  });

  test.each([
    ["no props", () => null, "[edge/x] props (null) must be an object { gateway, kong?, directory?, title? }"],
    ["a gateway that is not one", () => ({ gateway: "gateway" }), '[edge/x] gateway ("gateway") must be a KongGateway (or KongGateway.fromAdminUrl(...))'],
    ["an unset gateway", () => ({ gateway: null }), "[edge/x] gateway (null) must be a KongGateway (or KongGateway.fromAdminUrl(...))"],
    ["an unset kong", (g: KongGateway) => ({ gateway: g, kong: null }), "[edge/x] kong (null) must be a KongCluster"],
    ["an unset directory", (g: KongGateway) => ({ gateway: g, directory: null }), "[edge/x] directory (null) must not be null: give a value, or leave the option out for its default"],
    ["a title that is not a string", (g: KongGateway) => ({ gateway: g, title: 5 }), "[edge/x] title (5) must be a non-empty string"],
    [
      "a title that is a reference",
      (g: KongGateway) => ({ gateway: g, title: new TerraformVariable(g.stack, "title", { type: "string" }).stringValue }),
      "[edge/x] title (<reference>) must be a literal value, not a Terraform reference: it is written into the files at synth, where a reference has no value",
    ],
    [
      "a directory that is a reference",
      (g: KongGateway) => ({ gateway: g, directory: new TerraformVariable(g.stack, "dir", { type: "string" }).stringValue }),
      "[edge/x] directory (<reference>) must be a literal value, not a Terraform reference: it names the folder the files are written to at synth",
    ],
  ])("refuses %s with a ValidationError", (_what, props, message) => {
    const { stack, gateway } = appWithGateway();
    expectValidationError(() => new ApiCatalog(stack, "x", props(gateway) as never), message);
  });

  test("refuses an id that is empty or taken, as a ValidationError", () => {
    const { stack, gateway } = appWithGateway();
    expectValidationError(() => new ApiCatalog(stack, "", { gateway }), "[edge] id (\"\") must be a non-empty string: it names the construct and its Terraform resources");
    expectValidationError(
      () => new ApiCatalog(stack, "gateway", { gateway }),
      '[edge] id ("gateway") is already the id of edge/gateway: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    );
  });
});
