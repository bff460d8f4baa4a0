import { Password } from "@cdktf/provider-random/lib/password";
import { Construct } from "constructs";
import { ConsumerKeyAuth } from "../../../.gen/providers/kong/consumer-key-auth";
import { integerIn } from "../../core/checks";
import { describeValue, Problems } from "../../core/errors";
import { ensureRandomProvider } from "../../database/random-provider";
import { ConsumerCredential, CreatedCredential, CredentialOwner } from "./credential";

export interface KeyAuthCredentialOptions {
  /** Characters of the generated key (letters and digits), 16..128. @default 40 */
  readonly length?: number;
}

/** A generated key-auth credential. */
export interface KeyAuthCredential {
  /** The kong_consumer_key_auth resource. */
  readonly resource: ConsumerKeyAuth;
  /** The random_password the key comes from (`password.result` is the key). */
  readonly password: Password;
}

/** Key-auth ids: they name the Secret data key `key-auth-<id>` ([-._a-zA-Z0-9]+ in Kubernetes). */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Construct ids a consumer uses (or may later use) for its other parts. */
const RESERVED_IDS: ReadonlySet<string> = new Set(["Resource", "Plugins", "CredentialsSecret", "Jwt", "JwtSecret", "JwtSecretValue"]);

/**
 * @internal A generated key-auth key: a `random_password` (letters and digits) `<id>Value` whose result becomes the
 * kong_consumer_key_auth `<id>`'s key. Published as `key-auth` for the id "KeyAuth", else `key-auth-<id>`.
 */
export class KeyAuthKeySpec implements ConsumerCredential<KeyAuthCredential> {
  public readonly field = "keyAuth";
  public readonly holder: string;

  constructor(
    private readonly id: string,
    private readonly options: KeyAuthCredentialOptions,
    private readonly existing: ReadonlyMap<string, unknown>,
  ) {
    this.holder = `the key-auth key ${describeValue(id)}`;
  }

  public get shownAs(): unknown {
    return this.id;
  }

  public check(v: Problems, owner: CredentialOwner): readonly string[] {
    const options = this.options;
    if (options === null || typeof options !== "object" || Array.isArray(options)) v.add("keyAuth", options, "must be true, false or { length }");
    const o: KeyAuthCredentialOptions = options !== null && typeof options === "object" ? options : {};
    integerIn(v, "keyAuth.length", o.length, 16, 128);
    const id = this.id;
    if (typeof id !== "string" || !KEY_ID.test(id)) {
      v.add(
        "keyAuth",
        id,
        "is not a usable key id: use 1 to 63 letters, digits, '-', '.' or '_', starting with a letter or digit (it names the Secret data key key-auth-<id>, which Kubernetes limits to those characters)",
      );
    } else if (this.existing.has(id)) {
      v.add("keyAuth", id, "is already a key-auth key of this consumer: use another id");
    } else if (RESERVED_IDS.has(id) || /^(Acl-|AclGroup-|output-)/.test(id) || owner.node.tryFindChild(id) || owner.node.tryFindChild(`${id}Value`)) {
      v.add("keyAuth", id, "is an id this consumer uses for another part (Resource, Plugins, CredentialsSecret, Jwt, JwtSecret, Acl-..., AclGroup-..., output-..., or <id>Value of another key): use another id");
    } else {
      return [id === "KeyAuth" ? "key-auth" : `key-auth-${id.toLowerCase()}`];
    }
    return [];
  }

  public create(owner: CredentialOwner): CreatedCredential<KeyAuthCredential> {
    const scope = owner as Construct;
    ensureRandomProvider(scope);
    const password = new Password(scope, `${this.id}Value`, { length: this.options.length ?? 40, special: false });
    const resource = new ConsumerKeyAuth(scope, this.id, { consumerId: owner.id, key: password.result, tags: undefined });
    const dataKey = this.id === "KeyAuth" ? "key-auth" : `key-auth-${this.id.toLowerCase()}`;
    return { result: { resource, password }, published: [[dataKey, password.result]] };
  }
}
