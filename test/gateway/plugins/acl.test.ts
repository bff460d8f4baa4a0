import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, pluginConfig, setup, synth } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("acl", () => {
  test("typical: allow groups, defaults spelled out, behind key-auth", () => {
    // GIVEN key-auth and an allow list on a service WHEN synthesized THEN the ACL config is rendered
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.keyAuth());
    svc.addPlugin(Plugin.acl({ allow: ["vision", "vision"] }));
    expect(pluginConfig(synth(stack), "acl")).toEqual({
      allow: ["vision"],
      deny: null,
      hide_groups_header: false,
      always_use_authenticated_groups: false,
    });
  });

  test("deny list", () => {
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.keyAuth());
    svc.addPlugin(Plugin.acl({ deny: ["banned"], hideGroupsHeader: true }));
    expect(pluginConfig(synth(stack), "acl")).toMatchObject({ deny: ["banned"], hide_groups_header: true });
  });

  test("rejects both allow and deny", () => {
    expect(attachError(Plugin.acl({ allow: ["a"], deny: ["b"] }))).toBe(
      '[stack/gw/svc] acl.allow (["a"]) cannot be combined with deny: Kong accepts exactly one of allow or deny',
    );
  });

  test("rejects neither allow nor deny (an empty list counts as unset, as in Kong)", () => {
    expect(attachError(Plugin.acl({ allow: [] }))).toBe(
      "[stack/gw/svc] acl.allow ([]) or deny must list at least one group: Kong accepts exactly one of allow or deny",
    );
  });

  test("rejects missing options without a TypeError", () => {
    expect(attachError(Plugin.acl(undefined as any))).toBe(
      "[stack/gw/svc] acl.allow (undefined) or deny must list at least one group: Kong accepts exactly one of allow or deny",
    );
  });
});
