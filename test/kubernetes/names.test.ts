import { dns1123Label, dns1123Subdomain, isQualifiedName, qualifiedName } from "../../lib/kubernetes/names";
import { messages, stringToken } from "./helpers";

const LABEL_RULE = (max: number) =>
  `must be a DNS-1123 label: at most ${max} characters of lowercase letters, digits and '-', starting and ending with a letter or digit`;
const SUBDOMAIN_RULE =
  "must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";

describe("dns1123Label", () => {
  // GIVEN a value WHEN checked as a DNS-1123 label THEN accepted, or one problem with the exact message
  test.each(["a", "face-detection", "k8s", "a".repeat(63)])("accepts %s", (ok) => {
    expect(messages((v) => dns1123Label(v, "name", ok))).toEqual([]);
  });

  test("accepts absent values and tokens", () => {
    expect(messages((v) => dns1123Label(v, "name", undefined))).toEqual([]);
    expect(messages((v) => dns1123Label(v, "name", stringToken()))).toEqual([]);
  });

  test.each(["Face", "face_detection", "-face", "face-", "a.b", "", "a".repeat(64)])("refuses %j", (bad) => {
    expect(messages((v) => dns1123Label(v, "name", bad))).toEqual([`name (${JSON.stringify(bad)}) ${LABEL_RULE(63)}`]);
  });

  test("refuses a non-string", () => {
    expect(messages((v) => dns1123Label(v, "name", 7))).toEqual([`name (7) ${LABEL_RULE(63)}`]);
  });

  test("a shorter maximum is stated in the message", () => {
    expect(messages((v) => dns1123Label(v, "name", "a".repeat(41), 40))).toEqual([`name ("${"a".repeat(41)}") ${LABEL_RULE(40)}`]);
  });
});

describe("dns1123Subdomain", () => {
  test.each(["kong-credentials", "a.b.c", "a".repeat(253)])("accepts %s", (ok) => {
    expect(messages((v) => dns1123Subdomain(v, "secretName", ok))).toEqual([]);
  });

  test("accepts absent values and tokens", () => {
    expect(messages((v) => dns1123Subdomain(v, "secretName", undefined))).toEqual([]);
    expect(messages((v) => dns1123Subdomain(v, "secretName", stringToken()))).toEqual([]);
  });

  test.each(["Fast_SSD", "a..b", ".a", "a.", "", "a".repeat(254)])("refuses %j", (bad) => {
    expect(messages((v) => dns1123Subdomain(v, "secretName", bad))).toEqual([`secretName (${JSON.stringify(bad)}) ${SUBDOMAIN_RULE}`]);
  });
});

describe("qualified names", () => {
  test.each(["app", "app.kubernetes.io/name", "nvidia.com/gpu", "A_b.c-D", "x/" + "a".repeat(63)])("%s is one", (key) => {
    expect(isQualifiedName(key)).toBe(true);
  });

  test.each(["", "/app", "Example.com/app", "a/b/", "-app", "app-", "a".repeat(64), "x/" + "a".repeat(64)])("%j is not", (key) => {
    expect(isQualifiedName(key)).toBe(false);
  });

  test("qualifiedName names what was expected", () => {
    expect(messages((v) => qualifiedName(v, "gpu.resourceName", "nvidia.com/", "an extended resource name"))).toEqual([
      `gpu.resourceName ("nvidia.com/") must be an extended resource name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
    ]);
    expect(messages((v) => qualifiedName(v, "key", 3))).toEqual([
      "key (3) must be a qualified name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    ]);
    expect(messages((v) => qualifiedName(v, "key", undefined))).toEqual([]);
  });
});
