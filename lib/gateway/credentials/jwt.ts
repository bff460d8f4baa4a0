import { createPublicKey, KeyObject } from "node:crypto";
import { Password } from "@cdktf/provider-random/lib/password";
import { Construct } from "constructs";
import { ConsumerJwtAuth } from "../../../.gen/providers/kong/consumer-jwt-auth";
import { isToken, nonEmptyString, oneOf, plainObject } from "../../core/checks";
import { describeValue, Problems } from "../../core/errors";
import { knownKeys, strictKeys } from "../../core/keys";
import { ensureRandomProvider } from "../../database/random-provider";
import { ConsumerCredential, CreatedCredential, CredentialOwner } from "./credential";
import { isStringToken } from "../../core/tokens";

const JWT_ALGORITHMS = Object.freeze(["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"] as const);
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export interface JwtCredentialOptions {
  /** Signing algorithm. @default "HS256" */
  readonly algorithm?: JwtAlgorithm;
  /** Value of the token's `iss` claim (the plugin's key_claim_name) that selects this credential. @default the consumer's username (or custom_id) */
  readonly key?: string;
  /**
   * HMAC secret (HS* only) from a sensitive variable; never a literal. @default a generated 64-character
   * random_password (also for asymmetric algorithms, where Kong stores but never reads it, and it is not published)
   */
  readonly secret?: string;
  /** PEM public key; required for RS*, PS*, ES* and EdDSA. @default none */
  readonly rsaPublicKey?: string;
}

const JWT_CREDENTIAL_KEYS = knownKeys<JwtCredentialOptions>()(["algorithm", "key", "secret", "rsaPublicKey"]);

/** @internal The message of a `jwt` prop that is not an options object. */
export const JWT_SHAPE = "must be { algorithm?, key?, secret?, rsaPublicKey? } ({} for all defaults): leave jwt out for no JWT credential";

/** The key an asymmetric algorithm verifies with: node's key type, and for ECDSA its curve (RFC 7518 section 3.4). */
const KEY_OF: Readonly<Record<string, { readonly types: readonly string[]; readonly curve?: string; readonly text: string }>> = {
  RS: { types: ["rsa"], text: "an RSA key" },
  PS: { types: ["rsa", "rsa-pss"], text: "an RSA key" },
  ES256: { types: ["ec"], curve: "prime256v1", text: "an EC key on P-256" },
  ES384: { types: ["ec"], curve: "secp384r1", text: "an EC key on P-384" },
  ES512: { types: ["ec"], curve: "secp521r1", text: "an EC key on P-521" },
  EdDSA: { types: ["ed25519", "ed448"], text: "an Ed25519 or Ed448 key" },
};

/**
 * Why `pem` cannot verify tokens of `algorithm`, or undefined when it can. Kong stores any key for ES* and checks
 * only that RS*, PS* and EdDSA keys parse: a key of the wrong type is accepted at apply and every token then fails
 * with 401.
 */
function keyMismatch(algorithm: JwtAlgorithm, pem: string): string | undefined {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return "must be a PEM public key that parses (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----, e.g. from openssl pkey -pubout)";
  }
  const want = KEY_OF[algorithm] ?? KEY_OF[algorithm.slice(0, 2)];
  const type = key.asymmetricKeyType ?? "unknown";
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (want.types.includes(type) && (want.curve === undefined || want.curve === curve)) return undefined;
  const found = `${type === "ec" ? "an EC" : type === "rsa" || type === "rsa-pss" ? "an RSA" : `an ${type}`} key${curve ? ` (${curve})` : ""}`;
  return `is ${found}, but algorithm ${algorithm} verifies with ${want.text}: give the public key of the key pair that signs the tokens`;
}

const PEM_PUBLIC_KEY = /-----BEGIN [A-Z ]*PUBLIC KEY-----[\s\S]+-----END [A-Z ]*PUBLIC KEY-----/;

/**
 * @internal The `rsa_public_key` of an HMAC credential. The provider requires the field and sends it as given, and Kong
 * refuses an empty string; for HS256/384/512 Kong neither validates nor reads it (`kong/plugins/jwt/daos.lua` checks the
 * key only for RS*, PS* and EdDSA; the handler verifies HS* tokens with the secret), and echoes it unchanged.
 */
export const HMAC_PUBLIC_KEY_PLACEHOLDER = "not used: HS256/HS384/HS512 credentials verify tokens with their secret";

/**
 * @internal The consumer's JWT credential (kong_consumer_jwt_auth "Jwt"). The provider sends `key`, `secret`,
 * `algorithm` and `rsa_public_key` on every create and update, an unset one as "", which Kong refuses: all four are
 * always rendered non-empty. HMAC algorithms get a generated secret (`JwtSecretValue`) unless one comes from a
 * sensitive variable, and a fixed placeholder public key Kong ignores for them; asymmetric ones need the PEM public key
 * and get a generated secret Kong never reads (as Kong itself would generate), which is not published. Published as
 * `jwt-key`, `jwt-algorithm` and, for HMAC, `jwt-secret`.
 */
export class JwtCredentialSpec implements ConsumerCredential<ConsumerJwtAuth> {
  public readonly field = "jwt";
  public readonly shownAs = "<credential>";
  public readonly holder = "the JWT credential";

  constructor(
    private readonly options: JwtCredentialOptions,
    private readonly alreadySet: boolean,
  ) {}

  public check(v: Problems): readonly string[] {
    if (this.alreadySet) v.add("jwt", "<set>", "is already set: one JWT credential per consumer");
    if (!plainObject(v, "jwt", this.options, JWT_SHAPE)) v.throwIfAny();
    const o = this.options;
    strictKeys(v, "jwt", o, JWT_CREDENTIAL_KEYS);
    nonEmptyString(v, "jwt.key", o.key);
    if (!oneOf(v, "jwt.algorithm", o.algorithm, JWT_ALGORITHMS) || isToken(o.algorithm)) {
      // Without a known algorithm the secret / public key rules cannot be decided: report what is known.
      if (isToken(o.algorithm)) v.add("jwt.algorithm", o.algorithm, "must be a literal algorithm: it decides whether a secret or a public key is needed");
      v.throwIfAny();
    }
    const algorithm: JwtAlgorithm = o.algorithm ?? "HS256";
    const hmac = algorithm.startsWith("HS");
    if (o.secret !== undefined) {
      if (!hmac) v.add("jwt.secret", "<redacted>", `is only used with HS256/HS384/HS512 (algorithm is ${describeValue(algorithm)})`);
      else if (!isStringToken(o.secret)) {
        v.add("jwt.secret", "<redacted>", "must come from a sensitive Terraform variable or secret reference, not a literal (it would be stored in plain text)");
      }
    }
    if (!hmac && !isStringToken(o.rsaPublicKey)) {
      if (o.rsaPublicKey === undefined) v.add("jwt.rsaPublicKey", undefined, `is required with algorithm ${describeValue(algorithm)}`);
      else if (typeof o.rsaPublicKey !== "string" || !PEM_PUBLIC_KEY.test(o.rsaPublicKey)) {
        v.add("jwt.rsaPublicKey", "<value>", "must be a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)");
      } else {
        const problem = keyMismatch(algorithm, o.rsaPublicKey);
        if (problem !== undefined) v.add("jwt.rsaPublicKey", "<value>", problem);
      }
    } else if (hmac && o.rsaPublicKey !== undefined) {
      v.add("jwt.rsaPublicKey", "<value>", `is only used with asymmetric algorithms (algorithm is ${describeValue(algorithm)})`);
    }
    return hmac ? ["jwt-key", "jwt-algorithm", "jwt-secret"] : ["jwt-key", "jwt-algorithm"];
  }

  public create(owner: CredentialOwner): CreatedCredential<ConsumerJwtAuth> {
    const scope = owner as Construct;
    const o = this.options;
    const algorithm: JwtAlgorithm = o.algorithm ?? "HS256";
    const hmac = algorithm.startsWith("HS");
    const key = o.key ?? owner.username ?? (owner.customId as string);
    let secret = o.secret;
    if (secret === undefined) {
      ensureRandomProvider(scope);
      secret = new Password(scope, "JwtSecretValue", { length: 64, special: false }).result;
    }
    const rsaPublicKey = hmac ? HMAC_PUBLIC_KEY_PLACEHOLDER : (o.rsaPublicKey as string);
    const resource = new ConsumerJwtAuth(scope, "Jwt", { consumerId: owner.id, algorithm, key, secret, rsaPublicKey });
    const published: Array<[string, string]> = [
      ["jwt-key", key],
      ["jwt-algorithm", algorithm],
    ];
    if (hmac) published.push(["jwt-secret", secret]);
    return { result: resource, published };
  }
}
