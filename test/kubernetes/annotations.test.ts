import { Token } from "cdktf";
import { annotationMap } from "../../lib/kubernetes/annotations";
import { messages } from "./helpers";

describe("annotationMap", () => {
  test("accepts qualified names mapped to strings, absent maps and map tokens", () => {
    expect(messages((v) => annotationMap(v, "annotations", { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" }))).toEqual([]);
    expect(messages((v) => annotationMap(v, "annotations", undefined))).toEqual([]);
    expect(messages((v) => annotationMap(v, "annotations", Token.asAny("${var.annotations}")))).toEqual([]);
  });

  test("refuses a non-map", () => {
    expect(messages((v) => annotationMap(v, "annotations", ["a"]))).toEqual([
      'annotations (["a"]) must be a map of annotation names to string values',
    ]);
  });

  test("refuses bad names and non-string values, each once", () => {
    expect(messages((v) => annotationMap(v, "annotations", { "bad key": "x", port: 80 }))).toEqual([
      `annotations key ("bad key") must be an annotation name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      'annotations["port"] (80) must be a string: annotation values are text (quote numbers and booleans)',
    ]);
  });
});
