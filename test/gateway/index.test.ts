import * as gateway from "../../lib/gateway";

describe("lib/gateway index", () => {
  test("exports the constructs, the plugin factory and credentials", () => {
    // GIVEN the barrel WHEN imported THEN the public API is there
    expect(Object.keys(gateway)).toEqual(
      expect.arrayContaining(["KongGateway", "GatewayService", "GatewayRoute", "GatewayUpstream", "GatewayConsumer", "Plugin", "AdminCredentials", "PluginPolicy"]),
    );
  });
});
