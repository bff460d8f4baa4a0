import { Token } from "cdktf";
import { Problems } from "../../lib/core/errors";
import {
  cidrList,
  eachElement,
  integerIn,
  listOf,
  literal,
  stringArray,
  isCidrOrIp,
  oneOf,
  pinnedImage,
  subsetOf,
} from "../../lib/core/checks";

function messages(fn: (v: Problems) => void): string[] {
  const v = new Problems("p");
  fn(v);
  return v.messages();
}

describe("field checks", () => {
  test("integerIn accepts the inclusive range and tokens, rejects fractions, strings and out-of-range", () => {
    expect(messages((v) => integerIn(v, "port", 65535, 1, 65535))).toEqual([]);
    expect(messages((v) => integerIn(v, "port", Token.asNumber("${var.port}"), 1, 65535))).toEqual([]);
    expect(messages((v) => integerIn(v, "port", 0, 1, 65535))).toEqual(["port (0) must be an integer between 1 and 65535"]);
    expect(messages((v) => integerIn(v, "port", 1.5, 1, 65535))).toEqual(["port (1.5) must be an integer between 1 and 65535"]);
    expect(messages((v) => integerIn(v, "port", "80", 1, 65535))).toEqual(['port ("80") must be an integer between 1 and 65535']);
  });

  test("pinnedImage wants a digest or a fixed tag; semver mode wants major.minor.patch", () => {
    const digest = `kong@sha256:${"a".repeat(64)}`;
    for (const ok of ["kong:3.9.1", "registry.local:5000/ai/face:2024-05-01", digest]) {
      expect(messages((v) => pinnedImage(v, "image", ok))).toEqual([]);
    }
    for (const bad of ["kong", "kong:latest", "registry.local:5000/ai/face", "kong@sha256:abc", "kong:STABLE"]) {
      expect(messages((v) => pinnedImage(v, "image", bad))).toHaveLength(1);
    }
    expect(messages((v) => pinnedImage(v, "image", "kong:3.9", { semver: true }))).toEqual([
      'image ("kong:3.9") must be pinned: a digest (repo@sha256:<64 hex>) or a full version tag (repo:MAJOR.MINOR.PATCH[-suffix])',
    ]);
    expect(messages((v) => pinnedImage(v, "image", "kong:3.9.1-ubuntu", { semver: true }))).toEqual([]);
  });

  test("CIDRs and IPs parse by family and prefix length", () => {
    expect(["10.0.0.0/8", "192.168.1.1", "2001:db8::/32", "::1"].every(isCidrOrIp)).toBe(true);
    expect(["10.0.0.0/33", "300.1.1.1", "10.0.0.0/", "2001:db8::/129", "host"].some(isCidrOrIp)).toBe(false);
    expect(messages((v) => cidrList(v, "sourceRanges", ["10.0.0.1"], { requireCidr: true }))).toEqual([
      'sourceRanges[0] ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
    ]);
  });

  test("oneOf and subsetOf name what is allowed", () => {
    expect(messages((v) => oneOf(v, "type", "NodePort", ["ClusterIP", "LoadBalancer"]))).toEqual([
      'type ("NodePort") must be one of "ClusterIP", "LoadBalancer"',
    ]);
    expect(messages((v) => subsetOf(v, "methods", ["GET", "get"], ["GET", "POST"]))).toEqual([
      'methods[1] ("get") must be one of "GET", "POST"',
    ]);
  });
});

describe("secure-by-default checks", () => {
  test("every spelling of 'every address' is caught", () => {
    const { coversEveryAddress, noEveryAddress } = jest.requireActual("../../lib/core/checks");
    for (const all of ["0.0.0.0/0", "10.0.0.0/0", "::/0", "::0/0", "0::/0", "0.0.0.0/00"]) expect(coversEveryAddress(all)).toBe(true);
    for (const some of ["10.0.0.0/8", "0.0.0.0/1", "192.168.1.1", "::/1"]) expect(coversEveryAddress(some)).toBe(false);
    expect(messages((v) => noEveryAddress(v, "ranges", ["10.0.0.0/8", "0.0.0.0/00"], "the admin API"))).toEqual([
      'ranges[1] ("0.0.0.0/00") opens the admin API to every address: list the networks that need it',
    ]);
  });

  test("literal secrets under secret-looking names are refused, references and ordinary names pass", () => {
    const { noLiteralSecrets } = jest.requireActual("../../lib/core/checks");
    expect(
      messages((v) => noLiteralSecrets(v, "env", { DB_PASSWORD: "hunter2", OPENAI_API_KEY: "sk-1", LOG_LEVEL: "debug", TOKEN: "${var.t}" }, "use secrets")),
    ).toEqual([
      'env.DB_PASSWORD ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: use secrets',
      'env.OPENAI_API_KEY ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: use secrets',
    ]);
    expect(messages((v) => noLiteralSecrets(v, "config", { redis: { password: "x" }, key_names: ["apikey"] }, "h"))).toEqual([
      'config.redis.password ("<redacted>") looks like a secret and would be stored in plain text in the Terraform JSON: h',
    ]);
  });
});

describe("lists: every element checked, holes and unset elements never dropped", () => {
  const UNSET = "is not set: every element of a list must hold a value (an unset variable gives undefined; a hole in the list, too)";

  test("a hole, undefined and null are each an error at their index", () => {
    // GIVEN a sparse list and unset elements (forEach would skip the hole)
    const value = ["a", , undefined, null, "b"];
    // WHEN checked as a list of non-empty strings THEN three problems, at their indexes
    expect(messages((v) => stringArray(v, "paths", value))).toEqual([`paths[1] (undefined) ${UNSET}`, `paths[2] (undefined) ${UNSET}`, `paths[3] (null) ${UNSET}`]);
  });

  test("a list that must not be empty is checked as given: [undefined] is an error, not []", () => {
    expect(messages((v) => stringArray(v, "paths", [undefined], false))).toEqual([`paths[0] (undefined) ${UNSET}`]);
    expect(messages((v) => stringArray(v, "paths", [], false))).toEqual(["paths ([]) must not be empty"]);
  });

  test("wrong element types, NaN and Infinity are refused by the element check", () => {
    expect(messages((v) => listOf(v, "codes", [200, NaN, Infinity, "404"], "must be a list", (f, c) => integerIn(v, f, c, 100, 599)))).toEqual([
      "codes[1] (NaN) must be an integer between 100 and 599",
      "codes[2] (Infinity) must be an integer between 100 and 599",
      'codes[3] ("404") must be an integer between 100 and 599',
    ]);
  });

  test("a list reference, and references among the elements, are accepted unchecked", () => {
    const list = Token.asList("${var.groups}");
    expect(messages((v) => stringArray(v, "groups", list, false))).toEqual([]);
    expect(messages((v) => eachElement(v, "codes", [Token.asNumber("${var.code}"), Token.asString("${var.x}")], () => false))).toEqual([]);
  });

  test("literal refuses references where the value decides what is built", () => {
    expect(messages((v) => literal(v, "canary.weightPercent", Token.asNumber("${var.w}"), "it splits the traffic"))).toEqual([
      "canary.weightPercent (<reference>) must be a literal value, not a Terraform reference: it splits the traffic",
    ]);
  });
});
