import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";

describe("bot-detection", () => {
  test("defaults: empty allow and deny lists", () => {
    // GIVEN no options WHEN rendered THEN both lists are empty
    expect(rendered(Plugin.botDetection())).toEqual({ allow: [], deny: [] });
  });

  test("typical: deny a scraper by regex", () => {
    expect(rendered(Plugin.botDetection({ deny: ["(?i)scrapy"], allow: ["^internal-probe/\\d+$"] }))).toEqual({
      allow: ["^internal-probe/\\d+$"],
      deny: ["(?i)scrapy"],
    });
  });

  test("cannot be scoped to a consumer (typed)", () => {
    expect(Plugin.botDetection().consumerScopable).toBe(false);
  });

  test("rejects a regex that does not compile", () => {
    expect(attachError(Plugin.botDetection({ deny: ["[unclosed"] }))).toBe('[stack/gw/svc] botDetection.deny[0] ("[unclosed") must be a valid regular expression');
  });
});
