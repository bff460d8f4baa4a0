import { ProxyEndpoint } from "../../lib/kong/proxy-endpoint";
import { messages } from "../kubernetes/helpers";

function fields(p: ProxyEndpoint) {
  return { type: p.type, httpPort: p.httpPort, httpsPort: p.httpsPort, sourceRanges: p.sourceRanges, ip: p.ip, annotations: p.annotations, externalTrafficPolicy: p.externalTrafficPolicy };
}

describe("ProxyEndpoint defaults", () => {
  // GIVEN a factory called without options WHEN read THEN every default is stated
  test("loadBalancer: ports 80 and 443, every address, Cluster traffic policy, cloud-assigned IP", () => {
    expect(fields(ProxyEndpoint.loadBalancer())).toEqual({
      type: "LoadBalancer", httpPort: 80, httpsPort: 443, sourceRanges: undefined, ip: undefined, annotations: undefined, externalTrafficPolicy: "Cluster",
    });
    expect(ProxyEndpoint.loadBalancer().isLoadBalancer).toBe(true);
  });

  test("clusterIp: ports 80 and 443, nothing of a load balancer, no traffic policy", () => {
    expect(fields(ProxyEndpoint.clusterIp())).toEqual({
      type: "ClusterIP", httpPort: 80, httpsPort: 443, sourceRanges: undefined, ip: undefined, annotations: undefined, externalTrafficPolicy: undefined,
    });
  });

  test("nodePort: ports 80 and 443, Cluster traffic policy", () => {
    expect(fields(ProxyEndpoint.nodePort())).toMatchObject({ type: "NodePort", httpPort: 80, httpsPort: 443, externalTrafficPolicy: "Cluster" });
  });

  test("defaults are valid", () => {
    for (const p of [ProxyEndpoint.loadBalancer(), ProxyEndpoint.clusterIp(), ProxyEndpoint.nodePort()]) {
      expect(messages((v) => p.validate(v, "proxy"))).toEqual([]);
    }
  });
});

describe("ProxyEndpoint options", () => {
  test("a load balancer takes ranges (any, even every address), an ip, annotations, a policy and ports", () => {
    const p = ProxyEndpoint.loadBalancer({
      sourceRanges: ["0.0.0.0/0"], ip: "203.0.113.10", annotations: { "example.com/a": "b" }, externalTrafficPolicy: "Local", httpPort: 8080, httpsPort: 8443,
    });
    expect(fields(p)).toEqual({
      type: "LoadBalancer", httpPort: 8080, httpsPort: 8443, sourceRanges: ["0.0.0.0/0"], ip: "203.0.113.10", annotations: { "example.com/a": "b" }, externalTrafficPolicy: "Local",
    });
    expect(messages((v) => p.validate(v, "proxy"))).toEqual([]);
  });

  test("refuses a bad traffic policy and equal ports", () => {
    expect(messages((v) => ProxyEndpoint.nodePort({ externalTrafficPolicy: "Nearest" as never, httpsPort: 80 }).validate(v, "proxy"))).toEqual([
      "proxy.httpsPort (80) must differ from httpPort (80)",
      'proxy.externalTrafficPolicy ("Nearest") must be one of "Cluster", "Local"',
    ]);
  });

  test("options of the wrong shape name the options of that factory", () => {
    expect(messages((v) => ProxyEndpoint.clusterIp(1 as never).validate(v, "proxy"))).toEqual(["proxy (1) must be an object { httpPort?, httpsPort? }"]);
    expect(messages((v) => ProxyEndpoint.nodePort(1 as never).validate(v, "proxy"))).toEqual([
      "proxy (1) must be an object { externalTrafficPolicy?, httpPort?, httpsPort? }",
    ]);
  });
});
