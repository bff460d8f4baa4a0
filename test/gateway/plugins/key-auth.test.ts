import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("key-auth", () => {
  test("defaults are Kong's, spelled out", () => {
    // GIVEN no options WHEN rendered THEN every default of kong/plugins/key-auth/schema.lua is explicit
    expect(rendered(Plugin.keyAuth())).toEqual({
      key_names: ["apikey"],
      hide_credentials: false,
      key_in_header: true,
      key_in_query: true,
      key_in_body: false,
      run_on_preflight: true,
      anonymous: null,
      realm: null,
    });
  });

  test("typical: custom header, hidden credentials, realm", () => {
    // GIVEN options WHEN rendered THEN they appear in snake_case
    const c = rendered(Plugin.keyAuth({ keyNames: ["x-api-key"], hideCredentials: true, keyInQuery: false, realm: "models" }));
    expect(c).toMatchObject({ key_names: ["x-api-key"], hide_credentials: true, key_in_query: false, realm: "models" });
  });

  test("cannot be scoped to a consumer (typed)", () => {
    // GIVEN a key-auth policy THEN its type says so
    expect(Plugin.keyAuth().consumerScopable).toBe(false);
  });

  test("rejects a key name that is not a header name", () => {
    expect(attachError(Plugin.keyAuth({ keyNames: ["api key"] }))).toBe(
      `[stack/gw/svc] keyAuth.keyNames[0] ("api key") must be an HTTP header name made of A-Z, a-z, 0-9, '-' and '_'`,
    );
  });

  test("rejects an empty key_names list", () => {
    expect(attachError(Plugin.keyAuth({ keyNames: [] }))).toBe("[stack/gw/svc] keyAuth.keyNames ([]) must not be empty");
  });

  test("rejects wrong JavaScript types without a TypeError, all problems at once", () => {
    const policy = Plugin.keyAuth({ hideCredentials: "yes", keyNames: "apikey" } as any);
    expect(attachError(policy)).toBe(
      [
        '[stack/gw/svc] keyAuth.keyNames ("apikey") must be a list of HTTP header names',
        '[stack/gw/svc] keyAuth.hideCredentials ("yes") must be true or false',
      ].join("\n"),
    );
  });
});
