import { aclAdmits, alternatives, authenticationOf } from "../../lib/catalog/authentication";
import { AttachedPlugin } from "../../lib/catalog/plugins";
import type { AclInfo } from "../../lib/catalog/types";

/** The plugins of a route, each attached to its service. */
function plugins(...list: Array<[string, Record<string, unknown>]>): Map<string, AttachedPlugin> {
  return new Map(list.map(([name, config]) => [name, { name, scope: "service" as const, config }]));
}

const KEY_AUTH_HEADER = { key_names: ["apikey"], key_in_header: true, key_in_query: false, key_in_body: false };
const JWT_HEADER = { header_names: ["authorization"], uri_param_names: [] };
const ALLOW_OCR: AclInfo = { scope: "service", allow: ["ocr"] };
/** The anonymous consumer "anon" is in group "guests"; "web" in "ocr". */
const groupsOf = (ref: string) => ({ anon: ["guests"], web: ["ocr"] })[ref];

/** Each way to authenticate as a list of `plugin:in:name`, sorted. */
function ways(p: Map<string, AttachedPlugin>, acl: AclInfo | undefined, method = "POST"): string[][] {
  const auth = authenticationOf(p, acl, groupsOf);
  return alternatives(auth, method).map((w) => w.map((x) => `${x.method.plugin}:${x.location.in}:${x.location.name}`).sort());
}

describe("authentication: Kong's semantics of several authentication plugins", () => {
  // GIVEN a route's plugins WHEN read THEN the mode, whether a request without credentials passes, and the ways to pass
  test.each([
    ["no authentication plugin: public", plugins(), undefined, "none", true, [[]]],
    ["key-auth alone", plugins(["key-auth", KEY_AUTH_HEADER]), ALLOW_OCR, "all", false, [["key-auth:header:apikey"]]],
    [
      "key-auth and jwt without anonymous: Kong enforces both (AND)",
      plugins(["key-auth", KEY_AUTH_HEADER], ["jwt", JWT_HEADER]),
      ALLOW_OCR,
      "all",
      false,
      [["jwt:header:Authorization", "key-auth:header:apikey"]],
    ],
    [
      "both with anonymous and an ACL refusing the anonymous consumer: any one suffices (OR)",
      plugins(["key-auth", { ...KEY_AUTH_HEADER, anonymous: "anon" }], ["jwt", { ...JWT_HEADER, anonymous: "anon" }]),
      ALLOW_OCR,
      "any",
      false,
      [["key-auth:header:apikey"], ["jwt:header:Authorization"]],
    ],
    [
      "both with anonymous and no ACL: a request without credentials passes too",
      plugins(["key-auth", { ...KEY_AUTH_HEADER, anonymous: "anon" }], ["jwt", { ...JWT_HEADER, anonymous: "anon" }]),
      undefined,
      "any",
      true,
      [["key-auth:header:apikey"], ["jwt:header:Authorization"], []],
    ],
    [
      "anonymous whose groups the ACL allows: a request without credentials passes",
      plugins(["key-auth", { ...KEY_AUTH_HEADER, anonymous: "anon" }]),
      { scope: "service", allow: ["ocr", "guests"] } as AclInfo,
      "any",
      true,
      [["key-auth:header:apikey"], []],
    ],
    [
      "one required, one anonymous: the required one identifies the consumer, the other adds nothing",
      plugins(["key-auth", KEY_AUTH_HEADER], ["jwt", { ...JWT_HEADER, anonymous: "anon" }]),
      ALLOW_OCR,
      "mixed",
      false,
      [["key-auth:header:apikey"]],
    ],
  ])("%s", (_case, p, acl, mode, open, expected) => {
    const auth = authenticationOf(p, acl, groupsOf);
    expect(auth.mode).toBe(mode);
    expect(auth.anonymousAdmitted).toBe(open);
    expect(ways(p, acl)).toEqual(expected);
  });

  test("key-auth reads Kong's defaults: key apikey in a header or the query string", () => {
    const auth = authenticationOf(plugins(["key-auth", {}]), undefined, groupsOf);
    expect(auth.methods[0]).toEqual({
      plugin: "key-auth",
      scope: "service",
      locations: [
        { in: "header", name: "apikey" },
        { in: "query", name: "apikey" },
      ],
      anonymous: false,
      runOnPreflight: true,
    });
  });

  test("jwt reads Kong's defaults: Authorization: Bearer, or the query parameter jwt; cookies when named", () => {
    const auth = authenticationOf(plugins(["jwt", { cookie_names: ["session"], header_names: ["authorization", "x-token"] }]), undefined, groupsOf);
    expect(auth.methods[0].locations).toEqual([
      { in: "header", name: "Authorization", scheme: "bearer" },
      { in: "header", name: "x-token" },
      { in: "query", name: "jwt" },
      { in: "cookie", name: "session" },
    ]);
  });

  test("a key also accepted in the body is a way of its own; basic-auth is HTTP basic", () => {
    const p = plugins(["key-auth", { key_names: ["k"], key_in_header: true, key_in_query: false, key_in_body: true }], ["basic-auth", {}]);
    expect(ways(p, undefined)).toEqual([
      ["basic-auth:header:Authorization", "key-auth:header:k"],
      ["basic-auth:header:Authorization", "key-auth:body:k"],
    ]);
  });

  test("a plugin with run_on_preflight false does not authenticate OPTIONS requests", () => {
    const p = plugins(["key-auth", { ...KEY_AUTH_HEADER, run_on_preflight: false }], ["jwt", JWT_HEADER]);
    expect(ways(p, undefined, "OPTIONS")).toEqual([["jwt:header:Authorization"]]);
    expect(ways(p, undefined, "POST")).toEqual([["jwt:header:Authorization", "key-auth:header:apikey"]]);
  });

  test("an ACL with allow needs one allowed group, one with deny no denied group; no ACL admits anyone", () => {
    expect(aclAdmits(ALLOW_OCR, ["ocr", "x"])).toBe(true);
    expect(aclAdmits(ALLOW_OCR, ["x"])).toBe(false);
    expect(aclAdmits({ scope: "route", deny: ["banned"] }, ["x"])).toBe(true);
    expect(aclAdmits({ scope: "route", deny: ["banned"] }, ["banned"])).toBe(false);
    expect(aclAdmits(undefined, [])).toBe(true);
  });

  test("an anonymous consumer unknown to the app is in no group: an allow list refuses it", () => {
    const auth = authenticationOf(plugins(["key-auth", { ...KEY_AUTH_HEADER, anonymous: "elsewhere" }]), ALLOW_OCR, groupsOf);
    expect(auth.anonymousAdmitted).toBe(false);
  });
});
