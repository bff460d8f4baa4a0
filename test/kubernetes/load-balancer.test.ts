import { LOAD_BALANCER_ADDRESS_SECONDS, loadBalancerIp, loadBalancerWait, snapshotOptions, sourceRanges } from "../../lib/kubernetes/load-balancer";
import { messages, stringToken } from "./helpers";

describe("sourceRanges", () => {
  const REQUIRED =
    'is required for a load balancer: list the CIDR blocks that may reach it, e.g. ["203.0.113.0/24"] (nothing is public by default)';

  test("required: absent or empty is refused", () => {
    expect(messages((v) => sourceRanges(v, "r", undefined, { required: true }))).toEqual([`r (undefined) ${REQUIRED}`]);
    expect(messages((v) => sourceRanges(v, "r", [], { required: true }))).toEqual([`r ([]) ${REQUIRED}`]);
  });

  test("optional: absent is every address, empty is refused as a likely mistake", () => {
    expect(messages((v) => sourceRanges(v, "r", undefined, { required: false }))).toEqual([]);
    expect(messages((v) => sourceRanges(v, "r", [], { required: false }))).toEqual(["r ([]) must not be empty: omit it to allow every address"]);
  });

  test("entries must be CIDR blocks; with `exposes`, none may cover every address", () => {
    expect(messages((v) => sourceRanges(v, "r", ["10.0.0.1"], { required: false }))).toEqual([
      'r[0] ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
    ]);
    expect(messages((v) => sourceRanges(v, "r", ["0.0.0.0/0"], { required: false }))).toEqual([]);
    expect(messages((v) => sourceRanges(v, "r", ["0.0.0.0/0"], { required: true, exposes: "the model" }))).toEqual([
      'r[0] ("0.0.0.0/0") opens the model to every address: list the networks that need it',
    ]);
  });
});

describe("loadBalancerIp", () => {
  test("accepts IPv4, IPv6, tokens and absence; refuses the rest", () => {
    for (const ok of ["203.0.113.10", "2001:db8::1", stringToken(), undefined]) expect(messages((v) => loadBalancerIp(v, "ip", ok))).toEqual([]);
    expect(messages((v) => loadBalancerIp(v, "ip", "10.0.0.0/8"))).toEqual(['ip ("10.0.0.0/8") must be an IPv4 or IPv6 address such as 203.0.113.10']);
  });
});

describe("snapshotOptions", () => {
  test("copies lists and maps one level deep, passes anything else through", () => {
    const ranges = ["10.0.0.0/8"];
    const annotations = { a: "b" };
    const copy = snapshotOptions({ ranges, annotations, port: 80 }) as { ranges: string[]; annotations: object; port: number };
    ranges.push("x");
    (annotations as Record<string, string>).c = "d";
    expect(copy).toEqual({ ranges: ["10.0.0.0/8"], annotations: { a: "b" }, port: 80 });
    expect(snapshotOptions("x")).toBe("x");
    expect(snapshotOptions(null)).toBeNull();
  });
});

describe("loadBalancerWait", () => {
  test("a LoadBalancer waits for its address at most 540 s + 60 s = 10m", () => {
    expect(LOAD_BALANCER_ADDRESS_SECONDS).toBe(540);
    expect(loadBalancerWait(true)).toEqual({ waitForLoadBalancer: true, timeouts: { create: "10m" } });
  });

  test("other Service types write nothing: the provider waits only for load balancers", () => {
    expect(loadBalancerWait(false)).toEqual({});
  });
});
