import { Problems } from "../../lib/core/errors";
import { compiles, dns1123Subdomain, hostWithOptionalPort, isKongTag, kongTags, parseHost, routeHost, routerPath, upstreamName, uuid, uuidList } from "../../lib/gateway/validation";
import { Token } from "cdktf";
import { errorOf } from "../helpers";
import { setup } from "./helpers";

function problems(check: (v: Problems, f: string, x: unknown) => unknown, value: unknown): string[] {
  const v = new Problems("p");
  check(v, "f", value);
  return v.messages();
}

describe("Kong value checks", () => {
  test("parseHost follows kong/tools/ip.lua", () => {
    // GIVEN host strings WHEN parsed THEN names, IPs and ports are told apart
    expect(parseHost("face.models.svc:8080")).toEqual({ type: "name", host: "face.models.svc", port: 8080 });
    expect(parseHost("[::1]:80")).toEqual({ type: "ipv6", host: "::1", port: 80 });
    expect(parseHost("10.0.0.1")).toEqual({ type: "ipv4", host: "10.0.0.1", port: undefined });
    expect(parseHost("bad-.example")).toBeUndefined();
    expect(parseHost("300.1.1.1")).toBeUndefined();
    expect(parseHost("a.b:70000")).toBeUndefined();
  });

  test("router paths: accepted forms", () => {
    for (const ok of ["/", "/v1/face", "~/v1/face/\\d+$", "/v1/%20x"]) expect(problems(routerPath, ok)).toEqual([]);
  });

  test("router paths: rejected forms", () => {
    expect(problems(routerPath, "v1")).toEqual(['f ("v1") must start with "/" (prefix path) or "~/" (regex path)']);
    expect(problems(routerPath, "/a/../b")).toEqual(['f ("/a/../b") is not normalized: remove "." and ".." segments']);
    expect(problems(routerPath, "/%41")).toEqual(["f (\"/%41\") is not normalized: write letters, digits and '-._~' unencoded"]);
    expect(problems(routerPath, "/a%zz")).toEqual(["f (\"/a%zz\") has an invalid percent-encoding: '%' must be followed by two hex digits"]);
    expect(problems(routerPath, "/a b")).toEqual(['f ("/a b") must only contain the characters RFC 3986 allows in a path (percent-encode the others)']);
  });

  test("regex translation accepts PCRE inline flags and named groups", () => {
    expect(compiles("(?i)^/v1")).toBe(true);
    expect(compiles("/(?P<id>\\d+)")).toBe(true);
    expect(compiles("(")).toBe(false);
  });

  test("route hosts: wildcard rules", () => {
    expect(problems(routeHost, "*.example.com")).toEqual([]);
    expect(problems(routeHost, "example.*")).toEqual([]);
    expect(problems(routeHost, "api.example.com:8443")).toEqual([]);
    expect(problems(routeHost, "a.*.com")).toEqual(["f (\"a.*.com\") must place the '*' wildcard as the whole leftmost or rightmost label"]);
  });

  test("upstream names are hostnames, not IPs", () => {
    expect(problems(upstreamName, "10.0.0.1")).toEqual([
      'f ("10.0.0.1") must be a hostname without port (not an IP address), e.g. face-detection.upstream',
    ]);
  });

  test("hostWithOptionalPort, uuid and dns1123Subdomain accept the usual forms and refuse wrong types", () => {
    expect(problems(hostWithOptionalPort, "face.example.com:8443")).toEqual([]);
    expect(problems(hostWithOptionalPort, "[::1]:80")).toEqual([]);
    expect(problems(hostWithOptionalPort, 5)).toEqual(["f (5) must be a hostname or IP address with an optional port, e.g. face.example.com or face.example.com:8443"]);
    const cert = (v: Problems, f: string, x: unknown) => uuid(v, f, x, "a Kong certificate");
    expect(problems(cert, "0B4A6F3E-4C1D-4B7A-9F59-2C1E5D0A7B11")).toEqual([]);
    expect(problems(cert, "cert-1")).toEqual(['f ("cert-1") must be the id of a Kong certificate: a UUID, or a Terraform reference to one']);
    const certs = (v: Problems, f: string, x: unknown) => uuidList(v, f, x, "a Kong certificate");
    expect(problems(certs, "x")).toEqual(['f ("x") must be a list of ids, each of a Kong certificate']);
    expect(problems(dns1123Subdomain, "kong-consumer.alice")).toEqual([]);
    expect(problems(dns1123Subdomain, "a..b")).toEqual([
      "f (\"a..b\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit",
    ]);
  });
});

describe("Kong tags (typedefs.tag of Kong 3.9.1: printable ASCII except ',' and '/', or UTF-8)", () => {
  const RULE = "must be a Kong tag: printable ASCII (spaces included) except ',' and '/', or UTF-8 characters; not empty";

  test("accepted: letters, digits, punctuation, spaces and non-ASCII characters", () => {
    for (const tag of ["team-a", "v1.2", "a b", "owner:vision", "~x", "é", "ユーザー", "a+b=c"]) expect(isKongTag(tag)).toBe(true);
  });

  test("refused: ',' and '/' (Kong's tag filters split on them), control characters, empty, broken UTF-16", () => {
    for (const tag of ["a,b", "a/b", "", "tab\there", "\u007f", "\ud800", 5]) expect(isKongTag(tag)).toBe(false);
    expect(problems(kongTags, ["ok", "team,vision", "a/b"])).toEqual([`f[1] ("team,vision") ${RULE}`, `f[2] ("a/b") ${RULE}`]);
  });

  test("a list reference and references among the tags are accepted", () => {
    expect(problems(kongTags, Token.asList("${var.tags}"))).toEqual([]);
    expect(problems(kongTags, ["a", Token.asString("${var.tag}")])).toEqual([]);
  });

  test.each([
    ["a service", () => setup().gw.addService("s", { host: "a.local", tags: ["a,b"] }), `[stack/gw/s] tags[0] ("a,b") ${RULE}`],
    ["a route", () => setup().svc.addRoute("r", { paths: ["/a"], tags: ["a/b"] }), `[stack/gw/svc/r] tags[0] ("a/b") ${RULE}`],
    ["an upstream", () => setup().gw.addUpstream("u", { tags: [""] }), `[stack/gw/u] tags[0] ("") ${RULE}`],
    ["a target", () => setup().gw.addUpstream("u").addTarget("t", { target: "10.0.0.1:80", tags: ["x,y"] }), `[stack/gw/u] targets.t.tags[0] ("x,y") ${RULE}`],
    ["a consumer", () => setup().gw.addConsumer("c", { username: "c", tags: ["team/vision"] }), `[stack/gw/c] tags[0] ("team/vision") ${RULE}`],
  ])("on %s, with the exact message", (_what, build, message) => {
    expect(errorOf(build)).toBe(message);
  });
});
