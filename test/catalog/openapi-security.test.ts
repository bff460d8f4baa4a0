import { SecuritySchemes } from "../../lib/catalog/openapi-security";
import type { AuthenticationInfo, CatalogAuthMethod } from "../../lib/catalog/types";

const method = (plugin: string, locations: CatalogAuthMethod["locations"], anonymous = false): CatalogAuthMethod => ({ plugin, scope: "route", locations, anonymous, runOnPreflight: true });

describe("SecuritySchemes", () => {
  test("one scheme per plugin and place, named after them; registered as operations use them, sorted", () => {
    const schemes = new SecuritySchemes();
    const auth: AuthenticationInfo = {
      mode: "any",
      anonymousAdmitted: false,
      methods: [
        method("key-auth", [{ in: "query", name: "api key" }, { in: "body", name: "k" }], true),
        method("jwt", [{ in: "cookie", name: "session" }], true),
        method("hmac-auth", [{ in: "header", name: "Authorization" }], true),
      ],
    };
    expect(schemes.requirements(auth, "GET")).toEqual({
      security: [{ "keyAuth-query-api_key": [] }, { "jwt-cookie-session": [] }, { "hmac-auth-header-Authorization": [] }],
      omitted: 1,
    });
    expect(schemes.all).toEqual({
      "hmac-auth-header-Authorization": { type: "apiKey", in: "header", name: "Authorization", description: "header Authorization: <key>, the credential Kong's hmac-auth plugin checks" },
      "jwt-cookie-session": { type: "apiKey", in: "cookie", name: "session", description: "cookie session: <token>, a JWT signed with the consumer's JWT credential (Kong jwt)" },
      "keyAuth-query-api_key": { type: "apiKey", in: "query", name: "api key", description: "query api key: <key>, the consumer's API key (Kong key-auth)" },
    });
  });

  test("no credential needed: security []; the same requirement twice is listed once", () => {
    const schemes = new SecuritySchemes();
    expect(schemes.requirements({ mode: "none", methods: [], anonymousAdmitted: true }, "GET")).toEqual({ security: [], omitted: 0 });
    const twice: AuthenticationInfo = { mode: "all", anonymousAdmitted: false, methods: [method("key-auth", [{ in: "header", name: "k" }, { in: "header", name: "k" }])] };
    expect(schemes.requirements(twice, "GET").security).toEqual([{ "keyAuth-header-k": [] }]);
  });
});
