import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("jwt", () => {
  test("defaults are Kong's, spelled out", () => {
    // GIVEN no options WHEN rendered THEN the defaults of kong/plugins/jwt/schema.lua are explicit
    expect(rendered(Plugin.jwt())).toEqual({
      uri_param_names: ["jwt"],
      cookie_names: [],
      header_names: ["authorization"],
      key_claim_name: "iss",
      secret_is_base64: false,
      run_on_preflight: true,
      maximum_expiration: 0,
      claims_to_verify: null,
      anonymous: null,
      realm: null,
    });
  });

  test("typical: verify exp with a maximum lifetime; set elements are deduplicated", () => {
    // GIVEN claims with a duplicate WHEN rendered THEN Kong's set semantics apply
    const c = rendered(Plugin.jwt({ claimsToVerify: ["exp", "exp", "nbf"], maximumExpirationSeconds: 3600 }));
    expect(c).toMatchObject({ claims_to_verify: ["exp", "nbf"], maximum_expiration: 3600 });
  });

  test("rejects maximumExpirationSeconds > 0 without exp in claimsToVerify", () => {
    // GIVEN a maximum without the exp claim THEN Kong's conditional entity check is reported
    expect(attachError(Plugin.jwt({ maximumExpirationSeconds: 60, claimsToVerify: ["nbf"] }))).toBe(
      '[stack/gw/svc] jwt.claimsToVerify (["nbf"]) must contain "exp" when maximumExpirationSeconds is greater than 0',
    );
  });

  test("rejects maximumExpirationSeconds above one year", () => {
    expect(attachError(Plugin.jwt({ maximumExpirationSeconds: 31536001, claimsToVerify: ["exp"] }))).toBe(
      "[stack/gw/svc] jwt.maximumExpirationSeconds (31536001) must be a number between 0 and 31536000",
    );
  });

  test("rejects an unknown claim", () => {
    expect(attachError(Plugin.jwt({ claimsToVerify: ["iat" as any] }))).toBe(
      '[stack/gw/svc] jwt.claimsToVerify[0] ("iat") must be one of "exp", "nbf"',
    );
  });
});
