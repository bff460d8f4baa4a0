import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { TerraformVariable } from "cdktf";
import { attachError, pluginConfig, rendered, setup, synth } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("custom plugin (unvalidated)", () => {
  test("passes the config through with sorted keys and says it is unvalidated", () => {
    // GIVEN a basic-auth config WHEN rendered THEN it is passed as given
    const policy = Plugin.custom("basic-auth", { hide_credentials: true });
    expect(policy.validated).toBe(false);
    expect(rendered(policy)).toEqual({ hide_credentials: true });
    expect(policy.configJson).toBe('{"hide_credentials":true}');
  });

  test("rejects a name that is not a plugin name", () => {
    expect(attachError(Plugin.custom("Basic Auth"))).toBe(
      `[stack/gw/svc] custom.name ("Basic Auth") must be a Kong plugin name: lowercase letters, digits and '-', e.g. basic-auth`,
    );
  });

  test("rejects a config that is not an object", () => {
    expect(attachError(Plugin.custom("x", [] as any))).toBe(
      "[stack/gw/svc] custom.config ([]) must be an object (the plugin's config in Kong's snake_case form)",
    );
  });

  const HINT =
    'looks like a secret and would be stored in plain text in the Terraform JSON: pass the reference of a sensitive Terraform variable instead, e.g. new TerraformVariable(stack, "client_secret", { type: "string", sensitive: true }).stringValue';

  test("rejects literal values under secret-looking keys, at any depth, without repeating them", () => {
    // GIVEN passwords and secrets in a custom config WHEN attached THEN each is refused, redacted
    const message = attachError(Plugin.custom("x", { password: "hunter2", client_secret: "s3cr3t", name: "ok", nested: { api_key: 42, servers: [{ token: "t" }] } }));
    expect(message).toBe(
      [
        `[stack/gw/svc] custom.config.password ("<redacted>") ${HINT}`,
        `[stack/gw/svc] custom.config.client_secret ("<redacted>") ${HINT}`,
        `[stack/gw/svc] custom.config.nested.api_key ("<redacted>") ${HINT}`,
        `[stack/gw/svc] custom.config.nested.servers[0].token ("<redacted>") ${HINT}`,
      ].join("\n"),
    );
    expect(message).not.toMatch(/hunter2|s3cr3t/);
  });

  test("accepts secrets given as sensitive variable references, and leaves other keys unvalidated", () => {
    // GIVEN a sensitive variable's reference under a secret key WHEN rendered THEN the reference is in config_json
    const { stack, svc } = setup();
    const secret = new TerraformVariable(stack, "oidc_secret", { type: "string", sensitive: true });
    svc.addPlugin(Plugin.custom("openid-connect", { client_secret: secret.stringValue, anything: ["goes", 1] }));
    expect(pluginConfig(synth(stack), "openid-connect")).toEqual({ anything: ["goes", 1], client_secret: "${var.oidc_secret}" });
  });
});
