import { defaultSecretName, outputBaseOf, snake } from "../../lib/gateway/consumer-names";

describe("names derived from a consumer's username", () => {
  test("output base: snake_case ASCII, with a short hash when characters were lost", () => {
    expect(outputBaseOf("mobile-app")).toBe("mobile_app");
    expect(outputBaseOf("Mobile App")).toBe("mobile_app");
    expect(outputBaseOf("ユーザー")).toMatch(/^[0-9a-f]{8}$/);
    expect(outputBaseOf("café")).toMatch(/^caf_[0-9a-f]{8}$/);
    expect(outputBaseOf("--")).toMatch(/^[0-9a-f]{8}$/);
  });

  test("default Secret name: kong-consumer-<name>, at most 63 characters, the hash kept when one is needed", () => {
    expect(defaultSecretName("alice")).toBe("kong-consumer-alice");
    expect(defaultSecretName("ユーザー")).toMatch(/^kong-consumer-[0-9a-f]{8}$/);
    expect(defaultSecretName("x".repeat(100))).toBe(`kong-consumer-${"x".repeat(49)}`);
    const long = defaultSecretName(`é${"x".repeat(100)}`);
    expect(long).toHaveLength(63);
    expect(long).toMatch(/-[0-9a-f]{8}$/);
  });

  test("data keys in snake_case", () => {
    expect(snake("key-auth-next.2025")).toBe("key_auth_next_2025");
    expect(snake("jwt-key")).toBe("jwt_key");
  });
});
