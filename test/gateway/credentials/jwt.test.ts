import { generateKeyPairSync, KeyObject } from "node:crypto";
import { TerraformVariable } from "cdktf";
import { HMAC_PUBLIC_KEY_PLACEHOLDER } from "../../../lib/gateway/credentials/jwt";
import { only } from "../../helpers";
import { errorOf, resources, setup, synth } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

/** A PEM public key of a key pair made for the test. */
function publicKey(pair: { publicKey: KeyObject }): string {
  return pair.publicKey.export({ type: "spki", format: "pem" }).toString();
}
const RSA = publicKey(generateKeyPairSync("rsa", { modulusLength: 2048 }));
const P256 = publicKey(generateKeyPairSync("ec", { namedCurve: "prime256v1" }));
const KEYS: Record<string, string> = {
  RS: RSA,
  PS: RSA,
  ES256: P256,
  ES384: publicKey(generateKeyPairSync("ec", { namedCurve: "secp384r1" })),
  ES512: publicKey(generateKeyPairSync("ec", { namedCurve: "secp521r1" })),
  EdDSA: publicKey(generateKeyPairSync("ed25519")),
};
/** The public key an algorithm verifies with. */
const keyFor = (algorithm: string): string => KEYS[algorithm] ?? KEYS[algorithm.slice(0, 2)];
/** Looks like PEM, but is no key (a truncated one). */
const NOT_A_KEY = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";

describe("a consumer's JWT credential", () => {
  test("JWT HS256: the secret is a generated random_password; key defaults to the username", () => {
    const { stack, gw } = setup();
    gw.addConsumer("bob", { username: "bob", jwt: {} });
    const json = synth(stack);
    const cred = resources(json, "kong_consumer_jwt_auth")[0];
    expect(cred).toMatchObject({ algorithm: "HS256", key: "bob", rsa_public_key: HMAC_PUBLIC_KEY_PLACEHOLDER });
    expect(cred.secret).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
  });

  // Kong refuses "" in every field the provider sends (key, secret, algorithm, rsa_public_key), whatever the algorithm.
  const HMAC = ["HS256", "HS384", "HS512"] as const;
  const ASYMMETRIC = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"] as const;

  test.each(HMAC)("%s: the generated secret, and a fixed placeholder public key Kong does not read", (algorithm) => {
    // GIVEN an HMAC credential WHEN synthesized THEN all four fields are non-empty, the secret a random_password
    const { stack, gw } = setup();
    gw.addConsumer("c", { username: "c", jwt: { algorithm } });
    const json = synth(stack);
    const password = resources(json, "random_password")[0];
    expect(password).toMatchObject({ length: 64, special: false });
    expect(only(json, "kong_consumer_jwt_auth")).toEqual({
      consumer_id: "${kong_consumer.gw_c_7AB92812.id}",
      algorithm,
      key: "c",
      secret: "${random_password.gw_c_JwtSecretValue_F4DA7C86.result}",
      rsa_public_key: "not used: HS256/HS384/HS512 credentials verify tokens with their secret",
    });
  });

  test.each(ASYMMETRIC)("%s: the PEM, and a generated secret Kong stores but never reads (not published)", (algorithm) => {
    // GIVEN an asymmetric credential WHEN synthesized THEN all four fields are non-empty; no jwt-secret is published
    const { stack, gw } = setup();
    gw.addConsumer("c", { username: "c", jwt: { algorithm, rsaPublicKey: keyFor(algorithm) }, sensitiveOutputs: true });
    const json = synth(stack);
    expect(only(json, "kong_consumer_jwt_auth")).toEqual({
      consumer_id: "${kong_consumer.gw_c_7AB92812.id}",
      algorithm,
      key: "c",
      secret: "${random_password.gw_c_JwtSecretValue_F4DA7C86.result}",
      rsa_public_key: keyFor(algorithm),
    });
    expect(Object.keys(json.output).sort()).toEqual(["consumer_c_jwt_algorithm", "consumer_c_jwt_key"]);
  });

  test("JWT secret from a sensitive variable, and RS256 with a public key", () => {
    const { stack, gw } = setup();
    const s = new TerraformVariable(stack, "jwt_secret", { type: "string", sensitive: true });
    gw.addConsumer("a", { customId: "a-1", jwt: { secret: s.stringValue, key: "issuer-a" } });
    gw.addConsumer("b", { username: "b", jwt: { algorithm: "ES256", rsaPublicKey: P256 } });
    const creds = resources(synth(stack), "kong_consumer_jwt_auth");
    expect(creds.map((c) => [c.key, c.secret, c.algorithm])).toEqual([
      ["issuer-a", "${var.jwt_secret}", "HS256"],
      ["b", "${random_password.gw_b_JwtSecretValue_0DD3110A.result}", "ES256"],
    ]);
  });

  test("rejects a second JWT credential", () => {
    const { gw } = setup();
    const c = gw.addConsumer("c", { username: "c", jwt: {} });
    expect(() => c.addJwtCredential({})).toThrow('[stack/gw/c] jwt ("<set>") is already set: one JWT credential per consumer');
  });

  test("a JWT algorithm of the wrong type is a ValidationError, not a TypeError", () => {
    const { gw } = setup();
    expect(errorOf(() => gw.addConsumer("c", { username: "u", jwt: { algorithm: 256 as any } }))).toBe(
      '[stack/gw/c] jwt.algorithm (256) must be one of "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"',
    );
  });

  test("jwt: null is an error (only leaving jwt out means no credential)", () => {
    // GIVEN jwt null WHEN added THEN refused, and no HS256 credential is created
    const { stack, gw } = setup();
    const shape = "must be { algorithm?, key?, secret?, rsaPublicKey? } ({} for all defaults): leave jwt out for no JWT credential";
    expect(errorOf(() => gw.addConsumer("c", { username: "u", jwt: null as any }))).toBe(`[stack/gw/c] jwt (null) ${shape}`);
    const d = gw.addConsumer("d", { username: "d" });
    expect(errorOf(() => d.addJwtCredential(null as any))).toBe(`[stack/gw/d] jwt (null) ${shape}`);
    expect(resources(synth(stack), "kong_consumer_jwt_auth")).toEqual([]);
  });

  const bad: Array<[string, object, string]> = [
    ["a literal JWT secret", { username: "c", jwt: { secret: "hunter2" } }, '[stack/gw/c] jwt.secret ("<redacted>") must come from a sensitive Terraform variable or secret reference, not a literal (it would be stored in plain text)'],
    ["RS256 without a public key", { username: "c", jwt: { algorithm: "RS256" } }, '[stack/gw/c] jwt.rsaPublicKey (undefined) is required with algorithm "RS256"'],
    ["a public key that is not PEM", { username: "c", jwt: { algorithm: "PS256", rsaPublicKey: "abc" } }, '[stack/gw/c] jwt.rsaPublicKey ("<value>") must be a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)'],
    [
      "PEM armour around no key",
      { username: "c", jwt: { algorithm: "RS256", rsaPublicKey: NOT_A_KEY } },
      '[stack/gw/c] jwt.rsaPublicKey ("<value>") must be a PEM public key that parses (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----, e.g. from openssl pkey -pubout)',
    ],
    [
      "an RSA key for ES256 (Kong would store it; every token would get 401)",
      { username: "c", jwt: { algorithm: "ES256", rsaPublicKey: RSA } },
      '[stack/gw/c] jwt.rsaPublicKey ("<value>") is an RSA key, but algorithm ES256 verifies with an EC key on P-256: give the public key of the key pair that signs the tokens',
    ],
    [
      "an EC key for RS256",
      { username: "c", jwt: { algorithm: "RS256", rsaPublicKey: P256 } },
      '[stack/gw/c] jwt.rsaPublicKey ("<value>") is an EC key (prime256v1), but algorithm RS256 verifies with an RSA key: give the public key of the key pair that signs the tokens',
    ],
    [
      "a P-256 key for ES384",
      { username: "c", jwt: { algorithm: "ES384", rsaPublicKey: P256 } },
      '[stack/gw/c] jwt.rsaPublicKey ("<value>") is an EC key (prime256v1), but algorithm ES384 verifies with an EC key on P-384: give the public key of the key pair that signs the tokens',
    ],
    [
      "an Ed25519 key for PS256",
      { username: "c", jwt: { algorithm: "PS256", rsaPublicKey: KEYS.EdDSA } },
      '[stack/gw/c] jwt.rsaPublicKey ("<value>") is an ed25519 key, but algorithm PS256 verifies with an RSA key: give the public key of the key pair that signs the tokens',
    ],
    ["an unknown JWT algorithm", { username: "c", jwt: { algorithm: "none" } }, '[stack/gw/c] jwt.algorithm ("none") must be one of "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"'],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    const { gw } = setup();
    expect(errorOf(() => gw.addConsumer("c", props as any))).toBe(message);
  });
});
