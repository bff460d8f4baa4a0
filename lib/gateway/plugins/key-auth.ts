import { bool, nonEmptyString } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { headerNameList } from "../validation";
import { compact, optionsOf, PolicySpec } from "./render";

/**
 * Options of Kong's key-auth plugin (Kong/kong 3.9.1 `kong/plugins/key-auth/schema.lua`).
 * https://developer.konghq.com/plugins/key-auth/
 */
export interface KeyAuthOptions {
  /** Header / query / body names the key is read from (header names: A-Z a-z 0-9 - _). @default ["apikey"] */
  readonly keyNames?: string[];
  /** Remove the credential from the request before proxying it. @default false */
  readonly hideCredentials?: boolean;
  /** Read the key from request headers. @default true */
  readonly keyInHeader?: boolean;
  /** Read the key from the query string. @default true */
  readonly keyInQuery?: boolean;
  /** Read the key from the request body. @default false */
  readonly keyInBody?: boolean;
  /** Authenticate CORS preflight (OPTIONS) requests too. @default true */
  readonly runOnPreflight?: boolean;
  /** Consumer id or username used when authentication fails, instead of a 401. @default none: failures get 401 */
  readonly anonymous?: string;
  /** Realm of the WWW-Authenticate header on 401 responses. @default none */
  readonly realm?: string;
}

export function keyAuth(options?: KeyAuthOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("keyAuth");
  headerNameList(v, "keyNames", o.keyNames, false);
  bool(v, "hideCredentials", o.hideCredentials);
  bool(v, "keyInHeader", o.keyInHeader);
  bool(v, "keyInQuery", o.keyInQuery);
  bool(v, "keyInBody", o.keyInBody);
  bool(v, "runOnPreflight", o.runOnPreflight);
  nonEmptyString(v, "anonymous", o.anonymous);
  nonEmptyString(v, "realm", o.realm);
  const config = v.isEmpty
    ? compact({
        key_names: o.keyNames ?? ["apikey"],
        hide_credentials: o.hideCredentials ?? false,
        key_in_header: o.keyInHeader ?? true,
        key_in_query: o.keyInQuery ?? true,
        key_in_body: o.keyInBody ?? false,
        run_on_preflight: o.runOnPreflight ?? true,
        anonymous: o.anonymous,
        realm: o.realm,
      })
    : {};
  return { name: "key-auth", label: "keyAuth", config, problems: v.items };
}
