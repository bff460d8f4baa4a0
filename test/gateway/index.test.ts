import * as gateway from "../../lib/gateway";

describe("lib/gateway index", () => {
  test("exports exactly the constructs, the plugin factory and credentials at run time", () => {
    // GIVEN the public entry WHEN imported THEN only these values; helpers, tables and policy constructors stay inside
    expect(Object.keys(gateway).sort()).toEqual([
      "AdminApiRoute",
      "AdminCredentials",
      "Authentication",
      "GatewayConsumer",
      "GatewayRoute",
      "GatewayService",
      "GatewayUpstream",
      "KongGateway",
      "Plugin",
      "RateLimitCounters",
    ]);
  });
});
