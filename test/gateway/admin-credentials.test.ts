import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AdminCredentials } from "../../lib/gateway/admin-credentials";
import { KongGateway } from "../../lib/gateway/gateway";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

function stack(): TerraformStack {
  return new TerraformStack(Testing.app() as App, "stack");
}

describe("AdminCredentials", () => {
  test("token: a sensitive kong_admin_token variable is declared and used", () => {
    // GIVEN token credentials without a variable WHEN synthesized THEN the provider reads a sensitive variable
    const s = stack();
    new KongGateway(s, "gw", { adminUrl: "https://kong-admin:8444", adminCredentials: AdminCredentials.token() });
    const json = JSON.parse(Testing.synth(s));
    expect(json.variable.kong_admin_token).toMatchObject({ sensitive: true, type: "string" });
    expect(json.provider.kong[0].kong_admin_token).toBe("${var.kong_admin_token}");
  });

  test("basic auth with the user's sensitive variables", () => {
    const s = stack();
    const u = new TerraformVariable(s, "u", { type: "string", sensitive: true });
    const p = new TerraformVariable(s, "p", { type: "string", sensitive: true });
    new KongGateway(s, "gw", { adminUrl: "https://k:8444", adminCredentials: AdminCredentials.basicAuth(u, p) });
    const provider = JSON.parse(Testing.synth(s)).provider.kong[0];
    expect([provider.kong_admin_username, provider.kong_admin_password]).toEqual(["${var.u}", "${var.p}"]);
  });

  test("api key", () => {
    const s = stack();
    new KongGateway(s, "gw", { adminUrl: "https://k:8444", adminCredentials: AdminCredentials.apiKey() });
    expect(JSON.parse(Testing.synth(s)).provider.kong[0].kong_api_key).toBe("${var.kong_api_key}");
  });

  test("rejects a variable that is not sensitive", () => {
    const s = stack();
    const t = new TerraformVariable(s, "tok", { type: "string" });
    expect(() => new KongGateway(s, "gw", { adminCredentials: AdminCredentials.token(t) })).toThrow(
      '[stack/gw] adminCredentials.token ("tok") must be declared with sensitive: true so Terraform never prints it',
    );
  });

  test("rejects a literal instead of a variable", () => {
    const s = stack();
    expect(() => new KongGateway(s, "gw", { adminCredentials: AdminCredentials.token("s3cr3t" as any) })).toThrow(
      '[stack/gw] adminCredentials.token ("<literal>") must be a TerraformVariable with sensitive: true, never a literal',
    );
  });
});
