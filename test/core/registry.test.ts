import { NameRegistry } from "../../lib/core/registry";

describe("NameRegistry", () => {
  test("the first claim wins; a second claim of the same kind and key learns the holder's path", () => {
    // GIVEN a registry WHEN a name is claimed twice THEN the second claim gets the first holder, which keeps it
    const names = new NameRegistry();
    expect(names.claim("service", "face", "app/gw/face")).toBeUndefined();
    expect(names.claim("service", "face", "app/gw/other")).toBe("app/gw/face");
    expect(names.holderOf("service", "face")).toBe("app/gw/face");
  });

  test("kinds keep names apart", () => {
    const names = new NameRegistry();
    names.claim("service", "face", "a");
    expect(names.claim("route", "face", "b")).toBeUndefined();
    expect(names.claim("model", "face", "c")).toBeUndefined();
    expect(names.holderOf("upstream", "face")).toBeUndefined();
  });

  test("of(owner) is one registry per owner, made on first use", () => {
    const owner = {};
    expect(NameRegistry.of(owner)).toBe(NameRegistry.of(owner));
    expect(NameRegistry.of(owner)).not.toBe(NameRegistry.of({}));
  });
});
