import * as plugins from "../../../lib/gateway/plugins";

describe("lib/gateway/plugins index", () => {
  test("exports the factory and the policy classes", () => {
    // GIVEN the barrel WHEN imported THEN the public names are there
    expect(Object.keys(plugins)).toEqual(expect.arrayContaining(["Plugin", "PluginPolicy", "ConsumerScopablePolicy", "NoConsumerPolicy", "stableJson"]));
  });
});
