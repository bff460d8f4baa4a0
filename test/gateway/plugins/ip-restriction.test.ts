import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";

describe("ip-restriction", () => {
  test("typical: allow and deny together (both are allowed)", () => {
    // GIVEN allow and deny lists WHEN rendered THEN both are kept, status and message null (Kong's 403 and message)
    expect(rendered(Plugin.ipRestriction({ allow: ["10.0.0.0/8", "2001:db8::/32"], deny: ["10.0.0.7"] }))).toEqual({
      allow: ["10.0.0.0/8", "2001:db8::/32"],
      deny: ["10.0.0.7"],
      status: null,
      message: null,
    });
  });

  test("custom status and message", () => {
    expect(rendered(Plugin.ipRestriction({ deny: ["1.2.3.4"], status: 401, message: "no" }))).toMatchObject({ status: 401, message: "no" });
  });

  test("rejects a CIDR that does not parse", () => {
    expect(attachError(Plugin.ipRestriction({ allow: ["10.0.0.0/33"] }))).toBe(
      '[stack/gw/svc] ipRestriction.allow[0] ("10.0.0.0/33") must be an IP address or CIDR block such as 10.0.0.0/8',
    );
  });

  test("rejects neither allow nor deny", () => {
    expect(attachError(Plugin.ipRestriction({ allow: [], deny: [] }))).toBe(
      "[stack/gw/svc] ipRestriction.allow ([]) or deny must list at least one IP address or CIDR block",
    );
  });

  test("rejects /0 in the allow list (it allows everyone), IPv4 and IPv6", () => {
    // GIVEN an allow list covering every address WHEN attached THEN refused: the plugin would restrict nothing
    const msg = "allows every address, so the plugin restricts nothing: list the networks that need access (to refuse only some sources, use deny alone)";
    expect(attachError(Plugin.ipRestriction({ allow: ["10.0.0.0/8", "0.0.0.0/0", "::/0"] }))).toBe(
      [`[stack/gw/svc] ipRestriction.allow[1] ("0.0.0.0/0") ${msg}`, `[stack/gw/svc] ipRestriction.allow[2] ("::/0") ${msg}`].join("\n"),
    );
  });

  test("a /0 deny list is accepted (it refuses everyone)", () => {
    expect(rendered(Plugin.ipRestriction({ deny: ["0.0.0.0/0"] }))).toMatchObject({ allow: null, deny: ["0.0.0.0/0"] });
  });
});
