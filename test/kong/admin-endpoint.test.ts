import { Lazy, Token } from "cdktf";
import { AdminEndpoint } from "../../lib/kong/admin-endpoint";
import { messages } from "../kubernetes/helpers";

describe("AdminEndpoint", () => {
  test("clusterIp by default: no load balancer, no ranges, no annotations, no peers", () => {
    const a = AdminEndpoint.clusterIp();
    expect([a.type, a.isLoadBalancer, a.sourceRanges, a.annotations, a.allowFrom]).toEqual(["ClusterIP", false, undefined, undefined, undefined]);
    expect(messages((v) => a.validate(v, "admin"))).toEqual([]);
  });

  test("loadBalancer keeps its own copy of the ranges, the annotations and the peers", () => {
    const ranges = ["10.99.0.0/24"];
    const a = AdminEndpoint.loadBalancer({ sourceRanges: ranges, annotations: { "example.com/internal": "true" }, allowFrom: [{ cidr: "10.1.0.0/16" }] });
    ranges.push("0.0.0.0/0");
    expect([a.type, a.isLoadBalancer, a.sourceRanges, a.annotations, a.allowFrom]).toEqual([
      "LoadBalancer", true, ["10.99.0.0/24"], { "example.com/internal": "true" }, [{ cidr: "10.1.0.0/16" }],
    ]);
    expect(messages((v) => a.validate(v, "admin"))).toEqual([]);
  });

  test("refuses a whole-list token: each range becomes a NetworkPolicy rule known at plan time", () => {
    const ranges = Token.asList(Lazy.listValue({ produce: () => ["10.0.0.0/8"] }));
    expect(messages((v) => AdminEndpoint.loadBalancer({ sourceRanges: ranges }).validate(v, "admin"))).toEqual([
      `admin.sourceRanges (<reference>) must be a literal list (its elements may be tokens): each entry becomes a rule of the Admin API's NetworkPolicy, which must be known when the plan is made`,
    ]);
  });

  test("options of the wrong shape name the options of that factory", () => {
    expect(messages((v) => AdminEndpoint.loadBalancer(null as never).validate(v, "admin"))).toEqual([
      "admin (null) must be an object { sourceRanges, annotations?, allowFrom? }",
    ]);
  });
});
