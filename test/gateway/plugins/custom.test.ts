import { custom } from "../../../lib/gateway/plugins/custom";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("custom plugin (unvalidated)", () => {
  test("passes the config through with sorted keys and says it is unvalidated", () => {
    // GIVEN a basic-auth config WHEN rendered THEN it is passed as given
    const policy = custom("basic-auth", { hide_credentials: true });
    expect(policy.validated).toBe(false);
    expect(rendered(policy)).toEqual({ hide_credentials: true });
    expect(policy.configJson).toBe('{"hide_credentials":true}');
  });

  test("rejects a name that is not a plugin name", () => {
    expect(attachError(custom("Basic Auth"))).toBe(
      `[stack/gw/svc] custom.name ("Basic Auth") must be a Kong plugin name: lowercase letters, digits and '-', e.g. basic-auth`,
    );
  });

  test("rejects a config that is not an object", () => {
    expect(attachError(custom("x", [] as any))).toBe(
      "[stack/gw/svc] custom.config ([]) must be an object (the plugin's config in Kong's snake_case form)",
    );
  });
});
