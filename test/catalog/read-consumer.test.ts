import { PluginReader } from "../../lib/catalog/plugins";
import { consumerEntry } from "../../lib/catalog/read-consumer";
import { gatewaySetup } from "./helpers";

describe("consumerEntry", () => {
  test("each key is matched to where its value is published: a second key under its own data key and output", () => {
    const { gateway } = gatewaySetup();
    const c = gateway.addConsumer("app", { username: "app", keyAuth: true, sensitiveOutputs: true });
    c.addKeyAuthKey("next");
    const entry = consumerEntry(c, new PluginReader(), []);
    expect(entry.credentials).toEqual([
      { kind: "key-auth", id: "KeyAuth", published: [{ key: "key-auth", output: { stack: "edge", name: "consumer_app_key_auth" } }] },
      { kind: "key-auth", id: "next", published: [{ key: "key-auth-next", output: { stack: "edge", name: "consumer_app_key_auth_next" } }] },
    ]);
    expect(entry).toMatchObject({ name: "app", groups: [], plugins: [], apis: [] });
    expect(entry.rateLimit).toBeUndefined();
  });
});
