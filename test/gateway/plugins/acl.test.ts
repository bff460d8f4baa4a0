import { acl } from "../../../lib/gateway/plugins/acl";
import { keyAuth } from "../../../lib/gateway/plugins/key-auth";
import { attachError, pluginConfig, setup, synth } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("acl", () => {
  test("typical: allow groups, defaults spelled out, behind key-auth", () => {
    // GIVEN key-auth and an allow list on a service WHEN synthesized THEN the ACL config is rendered
    const { stack, svc } = setup();
    svc.addPlugin(keyAuth()).addPlugin(acl({ allow: ["vision", "vision"] }));
    expect(pluginConfig(synth(stack), "acl")).toEqual({
      allow: ["vision"],
      hide_groups_header: false,
      always_use_authenticated_groups: false,
    });
  });

  test("deny list", () => {
    const { stack, svc } = setup();
    svc.addPlugin(keyAuth()).addPlugin(acl({ deny: ["banned"], hideGroupsHeader: true }));
    expect(pluginConfig(synth(stack), "acl")).toMatchObject({ deny: ["banned"], hide_groups_header: true });
  });

  test("rejects both allow and deny", () => {
    expect(attachError(acl({ allow: ["a"], deny: ["b"] }))).toBe(
      '[stack/gw/svc] acl.allow (["a"]) cannot be combined with deny: Kong accepts exactly one of allow or deny',
    );
  });

  test("rejects neither allow nor deny (an empty list counts as unset, as in Kong)", () => {
    expect(attachError(acl({ allow: [] }))).toBe(
      "[stack/gw/svc] acl.allow ([]) or deny must list at least one group: Kong accepts exactly one of allow or deny",
    );
  });

  test("rejects missing options without a TypeError", () => {
    expect(attachError(acl(undefined as any))).toBe(
      "[stack/gw/svc] acl.allow (undefined) or deny must list at least one group: Kong accepts exactly one of allow or deny",
    );
  });
});
