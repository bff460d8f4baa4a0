import { errorOf, resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("a consumer's ACL groups", () => {
  test("ACL groups containing '/' get hash-based ids that cannot collide; ordinary groups keep Acl-<group>", () => {
    // GIVEN groups that would map to the same construct id WHEN synthesized THEN each has its own kong_consumer_acl
    const { stack, gw } = setup();
    const c = gw.addConsumer("c", { username: "u", aclGroups: ["vision", "a--b", "a/b", "a//b"] });
    const json = synth(stack);
    expect(resources(json, "kong_consumer_acl").map((a) => a.group).sort()).toEqual(["a--b", "a//b", "a/b", "vision"]);
    expect(c.aclGroups.get("vision")?.node.id).toBe("Acl-vision");
    expect(c.aclGroups.get("a--b")?.node.id).toBe("Acl-a--b");
    expect(c.aclGroups.get("a/b")?.node.id).toMatch(/^AclGroup-[0-9a-f]{8}$/);
    expect(c.aclGroups.get("a//b")?.node.id).toMatch(/^AclGroup-[0-9a-f]{8}$/);
    expect(c.aclGroups.get("a/b")?.node.id).not.toBe(c.aclGroups.get("a//b")?.node.id);
  });

  const bad: Array<[string, object, string]> = [
    ["a duplicate ACL group", { username: "c", aclGroups: ["a", "a"] }, '[stack/gw/c] aclGroups ("a") is listed twice: a consumer is in a group once'],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    const { gw } = setup();
    expect(errorOf(() => gw.addConsumer("c", props as any))).toBe(message);
  });
});
