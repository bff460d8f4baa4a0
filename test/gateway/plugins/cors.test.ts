import { cors } from "../../../lib/gateway/plugins/cors";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("cors", () => {
  test("defaults: all nine methods, no credentials", () => {
    // GIVEN no options WHEN rendered THEN Kong's defaults are explicit
    expect(rendered(cors())).toEqual({
      methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"],
      credentials: false,
      private_network: false,
      preflight_continue: false,
    });
  });

  test("typical: an origin regex, headers and max age", () => {
    const c = rendered(cors({ origins: ["https://app\\.example\\.com", "*"], headers: ["content-type"], methods: ["POST"], maxAge: 3600 }));
    expect(c).toMatchObject({ origins: ["https://app\\.example\\.com", "*"], headers: ["content-type"], methods: ["POST"], max_age: 3600 });
  });

  test("rejects an origin that is neither * nor a valid regex", () => {
    expect(attachError(cors({ origins: ["https://(bad"] }))).toBe(
      '[stack/gw/svc] cors.origins[0] ("https://(bad") must be "*" or a valid regular expression',
    );
  });

  test("rejects a method outside the nine", () => {
    expect(attachError(cors({ methods: ["FETCH" as any] }))).toBe(
      '[stack/gw/svc] cors.methods[0] ("FETCH") must be one of "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"',
    );
  });

  test("rejects a non-numeric maxAge", () => {
    expect(attachError(cors({ maxAge: "1h" as any }))).toBe('[stack/gw/svc] cors.maxAge ("1h") must be a number of seconds');
  });
});
