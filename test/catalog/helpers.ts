// Builders of the catalog's tests: a gateway in a stack of its own, the default app, and the OpenAPI validator.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { ApiCatalog, ApiCatalogProps } from "../../lib/catalog/api-catalog";
import { openApiDocument } from "../../lib/catalog/openapi";
import type { CatalogData } from "../../lib/catalog/types";
import { KongGateway } from "../../lib/gateway/gateway";
import { AiPlatform } from "../../lib/platform/ai-platform";
import { buildDefaultApp } from "../../stacks/default-app";
import { ENVIRONMENTS } from "../../stacks/environments";
import { Json } from "../helpers";

/** A stack "edge" holding a gateway "gateway" (literal admin URL). */
export function gatewaySetup(): { app: App; stack: TerraformStack; gateway: KongGateway } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "edge");
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "http://kong-admin:8001" });
  return { app, stack, gateway };
}

/** The catalog of a gateway as data, through an ApiCatalog added to its stack. */
export function catalogOf(gateway: KongGateway, props: Partial<ApiCatalogProps> = {}): CatalogData {
  return new ApiCatalog(gateway.stack, "catalog", { gateway, ...props }).data();
}

/** The OpenAPI document of a gateway. */
export function openApiOf(gateway: KongGateway, props: Partial<ApiCatalogProps> = {}): Json {
  return openApiDocument(catalogOf(gateway, props));
}

/** The default app of one environment (its AiPlatform makes the catalog). */
export function defaultApp(env: "dev" | "prod"): { app: App; platform: AiPlatform } {
  const app = Testing.app();
  return { app, platform: buildDefaultApp(app, ENVIRONMENTS[env]) };
}

/** Validates OpenAPI documents with @seriousme/openapi-schema-validator (in plain node: it is an ES module). */
export function validateOpenApi(docs: Record<string, Json>): Record<string, { valid: boolean; errors: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), "openapi-"));
  const files = Object.entries(docs).map(([name, doc]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc));
    return [file, name] as const;
  });
  const r = spawnSync(process.execPath, [join(__dirname, "validate-openapi.mjs"), ...files.map(([f]) => f)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the validator failed: ${r.stderr}`);
  const byFile = new Map(files);
  const out: Record<string, { valid: boolean; errors: unknown }> = {};
  for (const line of r.stdout.trim().split("\n")) {
    const result = JSON.parse(line);
    out[byFile.get(result.file) as string] = { valid: result.valid, errors: result.errors };
  }
  return out;
}

/** Every scheme a document's operations require, with the operation naming it. */
export function requiredSchemes(doc: Json): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const item of Object.values<Json>(doc.paths)) {
    for (const op of Object.values<Json>(item)) {
      if (op === null || typeof op !== "object" || !Array.isArray(op.security)) continue;
      for (const requirement of op.security) for (const name of Object.keys(requirement)) out.push([op.operationId, name]);
    }
  }
  return out;
}
