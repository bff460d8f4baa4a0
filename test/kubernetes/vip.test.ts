import { Vip, vipProp } from "../../lib/kubernetes/vip";
import { messages } from "./helpers";

describe("Vip.clusterIp", () => {
  test("defaults: port 80, nothing of a load balancer", () => {
    const vip = Vip.clusterIp();
    expect([vip.type, vip.port, vip.isLoadBalancer]).toEqual(["ClusterIP", 80, false]);
    expect(vip.serviceSpec()).toEqual({
      type: "ClusterIP",
      loadBalancerIp: undefined,
      loadBalancerSourceRanges: undefined,
      externalTrafficPolicy: undefined,
    });
    expect(messages((v) => vip.validate(v, "vip"))).toEqual([]);
  });

  test("refuses a bad port and non-object options", () => {
    expect(messages((v) => Vip.clusterIp({ port: 0 }).validate(v, "vip"))).toEqual(["vip.port (0) must be an integer between 1 and 65535"]);
    expect(messages((v) => Vip.clusterIp("x" as never).validate(v, "vip"))).toEqual(['vip ("x") must be an object { port? }']);
  });
});

describe("Vip.loadBalancer", () => {
  test("defaults: port 80, Local traffic policy (the client address reaches the NetworkPolicy), cloud-assigned IP", () => {
    const vip = Vip.loadBalancer({ sourceRanges: ["10.0.0.0/8"] });
    expect([vip.type, vip.port, vip.isLoadBalancer, vip.ip, vip.annotations]).toEqual(["LoadBalancer", 80, true, undefined, undefined]);
    expect(vip.serviceSpec()).toEqual({
      type: "LoadBalancer",
      loadBalancerIp: undefined,
      loadBalancerSourceRanges: ["10.0.0.0/8"],
      externalTrafficPolicy: "Local",
    });
    expect(messages((v) => vip.validate(v, "vip"))).toEqual([]);
  });

  test("takes every option", () => {
    const vip = Vip.loadBalancer({
      sourceRanges: ["10.0.0.0/8", "2001:db8::/32"],
      ip: "10.20.0.40",
      annotations: { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" },
      port: 8080,
      externalTrafficPolicy: "Cluster",
    });
    expect(vip.serviceSpec()).toEqual({
      type: "LoadBalancer",
      loadBalancerIp: "10.20.0.40",
      loadBalancerSourceRanges: ["10.0.0.0/8", "2001:db8::/32"],
      externalTrafficPolicy: "Cluster",
    });
    expect(vip.port).toBe(8080);
    expect(messages((v) => vip.validate(v, "vip"))).toEqual([]);
  });

  test("keeps its own copy of the source ranges", () => {
    const ranges = ["10.0.0.0/8"];
    const vip = Vip.loadBalancer({ sourceRanges: ranges });
    ranges.push("0.0.0.0/0");
    expect(vip.sourceRanges).toEqual(["10.0.0.0/8"]);
  });

  test.each([[undefined], [[]]])("refuses missing source ranges (%j)", (ranges) => {
    expect(messages((v) => Vip.loadBalancer({ sourceRanges: ranges as never }).validate(v, "vip"))).toEqual([
      `vip.sourceRanges (${ranges === undefined ? "undefined" : "[]"}) is required for a load balancer: list the CIDR blocks that may reach it, e.g. ["203.0.113.0/24"] (nothing is public by default)`,
    ]);
  });

  test("refuses ranges that are not CIDR blocks, and any /0", () => {
    expect(messages((v) => Vip.loadBalancer({ sourceRanges: ["10.0.0.1"] }).validate(v, "vip"))).toEqual([
      'vip.sourceRanges[0] ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
    ]);
    expect(messages((v) => Vip.loadBalancer({ sourceRanges: ["10.0.0.0/8", "0.0.0.0/0", "::/0"] }).validate(v, "vip"))).toEqual([
      'vip.sourceRanges[1] ("0.0.0.0/0") opens the load balancer to every address: list the networks that need it',
      'vip.sourceRanges[2] ("::/0") opens the load balancer to every address: list the networks that need it',
    ]);
  });

  test("refuses a bad ip, annotations, port and traffic policy", () => {
    const vip = Vip.loadBalancer({
      sourceRanges: ["10.0.0.0/8"],
      ip: "10.0.0.300",
      annotations: { "a b": "x" },
      port: 70000,
      externalTrafficPolicy: "Nearest" as never,
    });
    expect(messages((v) => vip.validate(v, "vip"))).toEqual([
      "vip.port (70000) must be an integer between 1 and 65535",
      'vip.ip ("10.0.0.300") must be an IPv4 or IPv6 address such as 203.0.113.10',
      `vip.annotations key ("a b") must be an annotation name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      'vip.externalTrafficPolicy ("Nearest") must be one of "Cluster", "Local"',
    ]);
  });
});

describe("vipProp", () => {
  const fallback = Vip.clusterIp();

  test("absent: the fallback; a Vip: validated under the field", () => {
    expect(messages((v) => expect(vipProp(v, "vip", undefined, fallback)).toBe(fallback))).toEqual([]);
    const bad = Vip.clusterIp({ port: 0 });
    expect(messages((v) => expect(vipProp(v, "vip", bad, fallback)).toBe(bad))).toEqual(["vip.port (0) must be an integer between 1 and 65535"]);
  });

  test("anything else: refused (a NodePort cannot be written), and the fallback", () => {
    expect(messages((v) => expect(vipProp(v, "vip", { type: "NodePort" }, fallback)).toBe(fallback))).toEqual([
      'vip ({"type":"NodePort"}) must be made with Vip.clusterIp({ port? }) or Vip.loadBalancer({ sourceRanges, ... })',
    ]);
  });
});
