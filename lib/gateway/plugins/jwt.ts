import { bool, nonEmptyString, stringArray, subsetOf } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { numberBetween } from "../validation";
import { compact, dedupe, optionsOf, PolicySpec } from "./render";

/** Claims the jwt plugin can verify. */
export type JwtClaim = "exp" | "nbf";

/**
 * Options of Kong's jwt plugin (Kong/kong 3.9.1 `kong/plugins/jwt/schema.lua`).
 * https://developer.konghq.com/plugins/jwt/
 */
export interface JwtOptions {
  /** Query parameters the token is read from. @default ["jwt"] */
  readonly uriParamNames?: string[];
  /** Cookies the token is read from. @default [] */
  readonly cookieNames?: string[];
  /** Headers the token is read from. @default ["authorization"] */
  readonly headerNames?: string[];
  /** Claim that names the credential's `key`. @default "iss" */
  readonly keyClaimName?: string;
  /** Whether credential secrets are base64-encoded. @default false */
  readonly secretIsBase64?: boolean;
  /** Authenticate CORS preflight (OPTIONS) requests too. @default true */
  readonly runOnPreflight?: boolean;
  /** Registered claims to verify: "exp" and/or "nbf". @default none */
  readonly claimsToVerify?: JwtClaim[];
  /** Longest accepted token lifetime in seconds, 0..31536000 (0 = no limit); > 0 requires "exp" in claimsToVerify. @default 0 */
  readonly maximumExpirationSeconds?: number;
  /** Consumer used when authentication fails, instead of a 401. @default none */
  readonly anonymous?: string;
  /** Realm of the WWW-Authenticate header on 401 responses. @default none */
  readonly realm?: string;
}

export function jwt(options?: JwtOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("jwt");
  stringArray(v, "uriParamNames", o.uriParamNames);
  stringArray(v, "cookieNames", o.cookieNames);
  stringArray(v, "headerNames", o.headerNames);
  nonEmptyString(v, "keyClaimName", o.keyClaimName);
  bool(v, "secretIsBase64", o.secretIsBase64);
  bool(v, "runOnPreflight", o.runOnPreflight);
  const claimsOk = subsetOf(v, "claimsToVerify", o.claimsToVerify, ["exp", "nbf"]);
  const maxOk = numberBetween(v, "maximumExpirationSeconds", o.maximumExpirationSeconds, 0, 31536000);
  nonEmptyString(v, "anonymous", o.anonymous);
  nonEmptyString(v, "realm", o.realm);
  if (
    claimsOk &&
    maxOk &&
    typeof o.maximumExpirationSeconds === "number" &&
    o.maximumExpirationSeconds > 0 &&
    !(o.claimsToVerify ?? []).includes("exp")
  ) {
    v.add("claimsToVerify", o.claimsToVerify, 'must contain "exp" when maximumExpirationSeconds is greater than 0');
  }
  const config = v.isEmpty
    ? compact({
        uri_param_names: dedupe(o.uriParamNames ?? ["jwt"]),
        cookie_names: dedupe(o.cookieNames ?? []),
        header_names: dedupe(o.headerNames ?? ["authorization"]),
        key_claim_name: o.keyClaimName ?? "iss",
        secret_is_base64: o.secretIsBase64 ?? false,
        run_on_preflight: o.runOnPreflight ?? true,
        claims_to_verify: o.claimsToVerify === undefined ? undefined : dedupe(o.claimsToVerify),
        maximum_expiration: o.maximumExpirationSeconds ?? 0,
        anonymous: o.anonymous,
        realm: o.realm,
      })
    : {};
  return { name: "jwt", label: "jwt", config, problems: v.items };
}

