import { Token } from "cdktf";
import { isLabelValue, labelEntries, labelSelector } from "../../lib/kubernetes/labels";
import { messages, stringToken } from "./helpers";

const KEY_RULE =
  "must be a label name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const VALUE_RULE = "must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

describe("label values", () => {
  test.each(["", "kong", "3.9.1", "a_b-c.d", "a".repeat(63)])("%j is one", (value) => {
    expect(isLabelValue(value)).toBe(true);
  });
  test.each(["-a", "a-", "a b", "a/b", "a".repeat(64)])("%j is not", (value) => {
    expect(isLabelValue(value)).toBe(false);
  });
});

describe("labelEntries", () => {
  // GIVEN a map WHEN its entries are checked THEN each bad key and each bad value is one problem
  test("reports bad keys and values, skips token values", () => {
    expect(messages((v) => labelEntries(v, "labels", { "Bad/key": "x", app: "a b", ok: stringToken(), n: 1 }))).toEqual([
      `labels key ("Bad/key") ${KEY_RULE}`,
      `labels["app"] ("a b") ${VALUE_RULE}`,
      `labels["n"] (1) ${VALUE_RULE}`,
    ]);
  });
});

describe("labelSelector", () => {
  test("accepts a literal map of valid labels, and an absent selector", () => {
    expect(messages((v) => labelSelector(v, "podSelector", { app: "web", "app.kubernetes.io/name": "kong" }))).toEqual([]);
    expect(messages((v) => labelSelector(v, "podSelector", undefined))).toEqual([]);
  });

  test.each([["app"], [["a"]], [null]])("refuses a non-map %j", (bad) => {
    expect(messages((v) => labelSelector(v, "podSelector", bad))).toEqual([
      `podSelector (${JSON.stringify(bad)}) must be a map of label names to values, e.g. { app: "web" }`,
    ]);
  });

  test("refuses an empty selector: it matches every pod", () => {
    expect(messages((v) => labelSelector(v, "podSelector", {}))).toEqual([
      "podSelector ({}) must name at least one label: an empty selector matches every pod",
    ]);
  });

  test("refuses a map token: the selector must be known at plan time", () => {
    expect(messages((v) => labelSelector(v, "podSelector", Token.asAny("${var.labels}")))).toEqual([
      'podSelector (<reference>) must be a literal map: a selector must be known when the plan is made',
    ]);
  });

  test("reports bad entries", () => {
    expect(messages((v) => labelSelector(v, "podSelector", { app: "-web" }))).toEqual([`podSelector["app"] ("-web") ${VALUE_RULE}`]);
  });
});
