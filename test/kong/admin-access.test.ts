import { Problems } from "../../lib/core/errors";
import { adminCidr, adminPeers } from "../../lib/kong/admin-access";

function problems(fn: (v: Problems) => void): string {
  const v = new Problems("c");
  fn(v);
  try {
    v.throwIfAny();
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

describe("adminPeers", () => {
  test("nothing given: no peer (the admin port stays closed)", () => {
    // GIVEN / WHEN
    const v = new Problems("c");
    // THEN
    expect(adminPeers(v, "allowFrom", undefined)).toEqual([]);
    expect(v.isEmpty).toBe(true);
  });

  test("renders IP blocks, pod selectors, namespace selectors and both", () => {
    // GIVEN one peer of each kind
    const v = new Problems("c");
    // WHEN
    const peers = adminPeers(v, "allowFrom", [
      { cidr: "10.0.0.0/8" },
      { podSelector: { app: "a" } },
      { namespaceSelector: { team: "ops" } },
      { namespaceSelector: { team: "ops" }, podSelector: { app: "tf" } },
    ]);
    // THEN
    expect(v.isEmpty).toBe(true);
    expect(peers).toEqual([
      { ipBlock: { cidr: "10.0.0.0/8" } },
      { podSelector: { matchLabels: { app: "a" } } },
      { namespaceSelector: { matchLabels: { team: "ops" } } },
      { namespaceSelector: { matchLabels: { team: "ops" } }, podSelector: { matchLabels: { app: "tf" } } },
    ]);
  });

  test("rejects a non-list, non-objects, bad CIDRs and selectors that are not label maps", () => {
    // GIVEN / WHEN / THEN
    expect(problems((v) => adminPeers(v, "allowFrom", "10.0.0.0/8"))).toBe(
      '[c] allowFrom ("10.0.0.0/8") must be a list of { cidr } or { namespaceSelector?, podSelector? } entries',
    );
    expect(
      problems((v) =>
        adminPeers(v, "allowFrom", [
          "x",
          { cidr: "10.0.0.1" },
          { cidr: "::/0" },
          { podSelector: { app: 1 } },
          { namespaceSelector: ["a"] },
        ]),
      ),
    ).toBe(
      [
        '[c] allowFrom[0] ("x") must be { cidr } or { namespaceSelector?, podSelector? }',
        '[c] allowFrom[1].cidr ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
        '[c] allowFrom[2].cidr ("::/0") opens the Admin API, which has no authentication in Kong OSS, to every address: list the networks that need it',
        `[c] allowFrom[3].podSelector["app"] (1) must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
        '[c] allowFrom[4].namespaceSelector (["a"]) must be a map of label names to values, e.g. { app: "web" }',
      ].join("\n"),
    );
  });
});

describe("adminPeers label selectors", () => {
  test("rejects an entry that is a list, and selector keys and values Kubernetes would refuse", () => {
    // GIVEN / WHEN / THEN
    expect(problems((v) => adminPeers(v, "allowFrom", [["10.0.0.0/8"], { podSelector: { "bad key!": "a", app: "-x" } }]))).toBe(
      [
        '[c] allowFrom[0] (["10.0.0.0/8"]) must be { cidr } or { namespaceSelector?, podSelector? }',
        "[c] allowFrom[1].podSelector key (\"bad key!\") must be a label name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        "[c] allowFrom[1].podSelector[\"app\"] (\"-x\") must be a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});

describe("adminCidr", () => {
  test("accepts specific IPv4 and IPv6 blocks", () => {
    // GIVEN / WHEN / THEN
    const v = new Problems("c");
    expect(adminCidr(v, "f", "203.0.113.0/24")).toBe(true);
    expect(adminCidr(v, "f", "2001:db8::/48")).toBe(true);
    expect(v.isEmpty).toBe(true);
  });

  test.each([["10.0.0.0/0"], ["::0/0"], ["0::/0"], ["0.0.0.0/00"], ["2001:db8::/0"]])("rejects %s: any prefix length 0 is every address", (cidr) => {
    // GIVEN / WHEN / THEN
    expect(problems((v) => adminCidr(v, "f", cidr))).toBe(
      `[c] f (${JSON.stringify(cidr)}) opens the Admin API, which has no authentication in Kong OSS, to every address: list the networks that need it`,
    );
  });

  test("rejects the whole internet", () => {
    // GIVEN / WHEN / THEN
    expect(problems((v) => adminCidr(v, "f", "0.0.0.0/0"))).toBe(
      '[c] f ("0.0.0.0/0") opens the Admin API, which has no authentication in Kong OSS, to every address: list the networks that need it',
    );
  });
});
