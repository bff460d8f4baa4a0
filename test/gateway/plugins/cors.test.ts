import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("cors", () => {
  test("defaults: all nine methods, no credentials", () => {
    // GIVEN no options WHEN rendered THEN Kong's defaults are explicit
    expect(rendered(Plugin.cors())).toEqual({
      origins: null,
      headers: null,
      exposed_headers: null,
      max_age: null,
      methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"],
      credentials: false,
      private_network: false,
      preflight_continue: false,
    });
  });

  test("typical: an origin regex, headers and max age", () => {
    const c = rendered(Plugin.cors({ origins: ["https://app\\.example\\.com", "*"], headers: ["content-type"], methods: ["POST"], maxAgeSeconds: 3600 }));
    expect(c).toMatchObject({ origins: ["https://app\\.example\\.com", "*"], headers: ["content-type"], methods: ["POST"], max_age: 3600 });
  });

  test("rejects an origin that is neither * nor a valid regex", () => {
    expect(attachError(Plugin.cors({ origins: ["https://(bad"] }))).toBe(
      '[stack/gw/svc] cors.origins[0] ("https://(bad") must be "*" or a valid regular expression',
    );
  });

  test("rejects a method outside the nine", () => {
    expect(attachError(Plugin.cors({ methods: ["FETCH" as any] }))).toBe(
      '[stack/gw/svc] cors.methods[0] ("FETCH") must be one of "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"',
    );
  });

  test("rejects a maxAgeSeconds that is not a whole number of seconds from 0 to 86400", () => {
    const rule = "must be a whole number of seconds from 0 to 86400 (browsers ignore a negative one and cap it at 86400 or less)";
    expect(attachError(Plugin.cors({ maxAgeSeconds: "1h" as any }))).toBe(`[stack/gw/svc] cors.maxAgeSeconds ("1h") ${rule}`);
    expect(attachError(Plugin.cors({ maxAgeSeconds: -600 }))).toBe(`[stack/gw/svc] cors.maxAgeSeconds (-600) ${rule}`);
    expect(attachError(Plugin.cors({ maxAgeSeconds: 1.5 }))).toBe(`[stack/gw/svc] cors.maxAgeSeconds (1.5) ${rule}`);
  });

  const ANY =
    "Kong would echo any request's Origin together with Access-Control-Allow-Credentials, so every website could call the API with its visitors' credentials. List the allowed origins, e.g. origins: [\"https://app\\\\.example\\\\.com\"]";

  test("rejects credentials without origins", () => {
    // GIVEN credentials and no origins WHEN attached THEN refused: Kong would reflect any origin with credentials
    expect(attachError(Plugin.cors({ credentials: true }))).toBe(`[stack/gw/svc] cors.credentials (true) requires explicit origins: with no origins, ${ANY}`);
    expect(attachError(Plugin.cors({ credentials: true, origins: [] }))).toBe(`[stack/gw/svc] cors.credentials (true) requires explicit origins: with no origins, ${ANY}`);
  });

  test("rejects credentials with \"*\" or a pattern matching any origin", () => {
    expect(attachError(Plugin.cors({ credentials: true, origins: ["https://app\\.example\\.com", "*", "https?://.*"] }))).toBe(
      [
        `[stack/gw/svc] cors.origins[1] ("*") matches any origin, which cannot be combined with credentials: true: ${ANY}`,
        `[stack/gw/svc] cors.origins[2] ("https?://.*") matches any origin, which cannot be combined with credentials: true: ${ANY}`,
      ].join("\n"),
    );
  });

  test("credentials with explicit origins are rendered", () => {
    expect(rendered(Plugin.cors({ credentials: true, origins: ["https://app\\.example\\.com", "https://.*\\.example\\.com"] }))).toMatchObject({
      credentials: true,
      origins: ["https://app\\.example\\.com", "https://.*\\.example\\.com"],
    });
  });
});
