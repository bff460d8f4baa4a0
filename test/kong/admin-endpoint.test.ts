import { Lazy, Token } from "cdktf";
import { AdminEndpoint } from "../../lib/kong/admin-endpoint";
import { messages } from "../kubernetes/helpers";

describe("AdminEndpoint", () => {
  test("clusterIp by default: no load balancer, no ranges, no annotations, no peers", () => {
    const a = AdminEndpoint.clusterIp();
    expect([a.type, a.isLoadBalancer, a.sourceRanges, a.annotations, a.allowFrom]).toEqual(["ClusterIP", false, undefined, undefined, undefined]);
    expect(messages((v) => a.validate(v, "admin"))).toEqual([]);
  });

  test("loadBalancer is refused, whatever its options: the bare Admin API has no credential", () => {
    for (const options of [{ sourceRanges: ["10.99.0.0/24"] }, null]) {
      expect(messages((v) => AdminEndpoint.loadBalancer(options as never).validate(v, "admin"))).toEqual([
        'admin ("AdminEndpoint.loadBalancer(...)") would put a load balancer in front of the Admin API, which has no authentication in Kong OSS, so anyone in its sourceRanges could reconfigure the gateway. Publish it through the proxy with a credential instead: AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges }) (key-auth over HTTPS; tls must cover host), or keep AdminEndpoint.clusterIp() and kubectl port-forward',
      ]);
    }
  });

  test("throughProxy: a ClusterIP Service (for port-forward), no peers, the route with its own copy of the ranges, path / by default", () => {
    const ranges = ["10.99.0.0/24"];
    const a = AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges: ranges });
    ranges.push("0.0.0.0/0");
    expect([a.type, a.isLoadBalancer, a.isThroughProxy, a.sourceRanges, a.allowFrom]).toEqual(["ClusterIP", false, true, undefined, undefined]);
    expect(a.route).toEqual({ host: "kong-admin.example.com", path: "/", sourceRanges: ["10.99.0.0/24"] });
    expect(messages((v) => a.validate(v, "admin"))).toEqual([]);
    expect(AdminEndpoint.throughProxy({ host: "api.example.com", path: "/kong-admin", sourceRanges: ["10.0.0.0/8"] }).route?.path).toBe("/kong-admin");
  });

  test("throughProxy refuses a missing or malformed host, a path it cannot prefix, and missing or public ranges", () => {
    expect(messages((v) => AdminEndpoint.throughProxy({} as never).validate(v, "admin"))).toEqual([
      'admin.host (undefined) is required: a host name of its own for the Admin API on the proxy, e.g. "kong-admin.example.com"',
      'admin.sourceRanges (undefined) is required: the CIDR blocks allowed to call the Admin API through the proxy, e.g. ["10.99.0.0/24"] for the CI runners ("0.0.0.0/0" is refused)',
    ]);
    expect(
      messages((v) => AdminEndpoint.throughProxy({ host: "*.example.com", path: "/a/../b", sourceRanges: ["10.0.0.0/8", "0.0.0.0/0", "10.1.2.3"] }).validate(v, "admin")),
    ).toEqual([
      'admin.host ("*.example.com") must be a DNS name without wildcard, port or scheme, e.g. "kong-admin.example.com"',
      "admin.path (\"/a/../b\") must be a plain path prefix: \"/\" or \"/\" followed by segments of letters, digits, '-', '_' and '.' (not starting with '.'), e.g. \"/kong-admin\"",
      'admin.sourceRanges[1] ("0.0.0.0/0") opens the Admin API, which has no authentication in Kong OSS, to every address: list the networks that need it',
      'admin.sourceRanges[2] ("10.1.2.3") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
    ]);
    expect(messages((v) => AdminEndpoint.throughProxy(null as never).validate(v, "admin"))).toEqual(["admin (null) must be an object { host, sourceRanges, path? }"]);
  });

  test("throughProxy refuses a whole-list token: it becomes the route's ip-restriction allow list", () => {
    const ranges = Token.asList(Lazy.listValue({ produce: () => ["10.0.0.0/8"] }));
    expect(messages((v) => AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges: ranges }).validate(v, "admin"))).toEqual([
      `admin.sourceRanges (${JSON.stringify(ranges)}) must be a literal list (its elements may be tokens): it becomes the allow list of the route's ip-restriction`,
    ]);
  });

  test("clusterIp options of the wrong shape", () => {
    expect(messages((v) => AdminEndpoint.clusterIp(null as never).validate(v, "admin"))).toEqual(["admin (null) must be an object { allowFrom? }"]);
  });
});
