import { secretKeyRef } from "../../lib/kubernetes/secret-ref";
import { messages, stringToken } from "./helpers";

describe("secretKeyRef", () => {
  test("accepts a name and key, and tokens for either", () => {
    expect(messages((v) => secretKeyRef(v, "passwordSecret", { name: "kong-db", key: "password" }, "the password"))).toEqual([]);
    expect(
      messages((v) => secretKeyRef(v, "passwordSecret", { name: stringToken(), key: stringToken() }, "the password")),
    ).toEqual([]);
  });

  test.each([[undefined], [null], ["kong-db"], [["kong-db"]]])("refuses %j: it names what the key holds", (bad) => {
    expect(messages((v) => secretKeyRef(v, "passwordSecret", bad, "the password"))).toEqual([
      `passwordSecret (${bad === undefined ? "undefined" : JSON.stringify(bad)}) is required: { name, key } of a Secret in the same namespace holding the password`,
    ]);
  });

  test("refuses a missing name and key", () => {
    expect(messages((v) => secretKeyRef(v, "s", {}, "the token"))).toEqual([
      "s.name (undefined) is required: the name of the Secret",
      "s.key (undefined) is required: the key of the token in the Secret",
    ]);
  });

  test("refuses a name that is no object name and a key with other characters", () => {
    expect(messages((v) => secretKeyRef(v, "s", { name: "Bad_Name", key: "k/ey" }, "the token"))).toEqual([
      `s.name ("Bad_Name") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`,
      `s.key ("k/ey") must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'`,
    ]);
  });
});
