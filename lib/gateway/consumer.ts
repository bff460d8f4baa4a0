import { Password } from "@cdktf/provider-random/lib/password";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Consumer as KongConsumerResource } from "../../.gen/providers/kong/consumer";
import { ConsumerAcl } from "../../.gen/providers/kong/consumer-acl";
import { ConsumerJwtAuth } from "../../.gen/providers/kong/consumer-jwt-auth";
import { ConsumerKeyAuth } from "../../.gen/providers/kong/consumer-key-auth";
import { bool, dns1123Label, integerIn, isToken, nonEmptyString, oneOf, plainObject, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { sanitizeLabelValue, standardLabels } from "../core/labels";
import { shortHash } from "../core/naming";
import { ensureRandomProvider } from "../database/random-provider";
import type { KongGateway } from "./gateway";
import { PluginHost } from "./plugin-host";
import { ConsumerScopablePolicy, NO_CONSUMER_PLUGINS, PluginPolicy } from "./plugins/base";
import { dns1123Subdomain } from "./validation";

export const JWT_ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export interface KeyAuthCredentialOptions {
  /** Characters of the generated key (letters and digits), 16..128. @default 40 */
  readonly length?: number;
}

export interface JwtCredentialOptions {
  /** Signing algorithm. @default "HS256" */
  readonly algorithm?: JwtAlgorithm;
  /** Value of the token's `iss` claim (the plugin's key_claim_name) that selects this credential. @default the consumer's username (or custom_id) */
  readonly key?: string;
  /** HMAC secret (HS* only) from a sensitive variable; never a literal. @default a generated 64-character random_password */
  readonly secret?: string;
  /** PEM public key; required for RS*, PS*, ES* and EdDSA. @default none */
  readonly rsaPublicKey?: string;
}

export interface ConsumerCredentialsSecretOptions {
  /** Namespace of the Kubernetes Secret (must exist). */
  readonly namespace: string;
  /**
   * Secret name: a DNS-1123 subdomain, unique per namespace among the gateway's consumers.
   * @default "kong-consumer-<username or custom_id>", lowercased and sanitized, at most 63 characters (with a short
   * hash of the name when it has non-ASCII characters; the construct id when both are Terraform references)
   */
  readonly name?: string;
}

export interface GatewayConsumerProps {
  /** Unique username. Set this and/or `customId`. @default none */
  readonly username?: string;
  /** Unique id from your own user store. Set this and/or `username`. @default none */
  readonly customId?: string;
  /**
   * ACL groups (one kong_consumer_acl each), matched by the acl plugin's allow/deny. Any non-empty string, as in
   * Kong. @default none
   */
  readonly aclGroups?: string[];
  /** Give the consumer one generated key-auth key (`true` or options). @default false: no key */
  readonly keyAuth?: boolean | KeyAuthCredentialOptions;
  /** Give the consumer a JWT credential (`{}` for all defaults; null is refused). @default none: no JWT credential */
  readonly jwt?: JwtCredentialOptions;
  /** Plugins scoped to this consumer, e.g. its own rate limit. @default none */
  readonly plugins?: ConsumerScopablePolicy[];
  /**
   * Write the consumer's credentials to a Kubernetes Secret (the stack must configure the kubernetes provider).
   * @default none: no Secret
   */
  readonly credentialsSecret?: ConsumerCredentialsSecretOptions;
  /**
   * Also expose the credentials as sensitive Terraform outputs named `consumer_<username>_<credential>` in
   * snake_case (e.g. `consumer_mobile_app_key_auth`; with a short hash of the name when it has non-ASCII
   * characters). Output names are unique per stack. @default false
   */
  readonly sensitiveOutputs?: boolean;
  /** Tags. @default none */
  readonly tags?: string[];
}

/** A generated key-auth credential. */
export interface KeyAuthCredential {
  /** The kong_consumer_key_auth resource. */
  readonly resource: ConsumerKeyAuth;
  /** The random_password the key comes from (`password.result` is the key). */
  readonly password: Password;
}

/**
 * A Kong consumer (kong_consumer) with ACL groups, generated key-auth keys, an optional JWT credential and
 * consumer-scoped plugins. Keys are `random_password` results, never literals; owners fetch them from the optional
 * Kubernetes Secret or sensitive outputs.
 */
export class GatewayConsumer extends Construct {
  /** The kong_consumer resource. */
  public readonly resource: KongConsumerResource;
  /** The gateway this consumer belongs to. */
  public readonly gateway: KongGateway;
  /** The username, if set. */
  public readonly username?: string;
  /** The custom_id, if set. */
  public readonly customId?: string;
  /** ACL group resources, by group. */
  public readonly aclGroups = new Map<string, ConsumerAcl>();
  /** Key-auth credentials, by construct id. */
  public readonly keyAuthKeys = new Map<string, KeyAuthCredential>();
  /** The JWT credential, if any. */
  public jwtCredential?: ConsumerJwtAuth;
  /** The Kubernetes Secret holding the credentials, if requested. */
  public readonly credentialsSecret?: SecretV1;
  /** @internal */
  public readonly _plugins: PluginHost;
  private readonly secretData: Record<string, string> = {};
  private readonly outputs: boolean;
  /** The name part of output names, e.g. `mobile_app`. */
  private readonly outputBase: string;
  /** Secret data keys published or reserved so far, with the credential that holds each. */
  private readonly dataKeys = new Map<string, string>();

  constructor(gateway: KongGateway, id: string, props: GatewayConsumerProps) {
    super(gateway, id);
    this.gateway = gateway;
    const p: GatewayConsumerProps = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    if (p.username === undefined && p.customId === undefined) {
      v.add("username", undefined, "or customId is required: Kong identifies a consumer by at least one of them");
    }
    if (nonEmptyString(v, "username", p.username) && p.username !== undefined && !isToken(p.username)) {
      const holder = gateway._claim("consumer-username", p.username, this.node.path);
      if (holder) v.add("username", p.username, `is already the username of the consumer ${holder}: Kong usernames are unique`);
    }
    if (nonEmptyString(v, "customId", p.customId) && p.customId !== undefined && !isToken(p.customId)) {
      const holder = gateway._claim("consumer-custom-id", p.customId, this.node.path);
      if (holder) v.add("customId", p.customId, `is already the custom_id of the consumer ${holder}: Kong custom_ids are unique`);
    }
    stringArray(v, "tags", p.tags);
    bool(v, "sensitiveOutputs", p.sensitiveOutputs);
    if (p.keyAuth !== undefined && typeof p.keyAuth !== "boolean" && (p.keyAuth === null || typeof p.keyAuth !== "object")) {
      v.add("keyAuth", p.keyAuth, "must be true, false or { length }");
    }
    if (p.aclGroups !== undefined && !Array.isArray(p.aclGroups)) v.add("aclGroups", p.aclGroups, "must be a list of group names");
    plainObject(v, "jwt", p.jwt, JWT_SHAPE);
    if (p.plugins !== undefined && !Array.isArray(p.plugins)) v.add("plugins", p.plugins, "must be a list of plugin policies");
    // The name that default Secret and output names derive from: a literal username or custom_id, else the id.
    const base = [p.username, p.customId, id].find((n): n is string => typeof n === "string" && n !== "" && !isToken(n)) ?? "consumer";
    const cs = p.credentialsSecret;
    let secretName: string | undefined;
    if (cs !== undefined) {
      if (cs === null || typeof cs !== "object" || Array.isArray(cs)) {
        v.add("credentialsSecret", cs, "must be { namespace, name? }");
      } else {
        if (cs.namespace === undefined) v.add("credentialsSecret.namespace", undefined, "is required");
        const namespaceOk = dns1123Label(v, "credentialsSecret.namespace", cs.namespace);
        const nameOk = dns1123Subdomain(v, "credentialsSecret.name", cs.name);
        secretName = cs.name ?? defaultSecretName(base);
        if (namespaceOk && nameOk && typeof cs.namespace === "string" && !isToken(cs.namespace) && !isToken(secretName)) {
          const holder = gateway._claim("kubernetes-secret", `${cs.namespace}/${secretName}`, this.node.path);
          if (holder) {
            v.add(
              "credentialsSecret.name",
              secretName,
              `is already the credentials Secret of the consumer ${holder} in namespace ${describeValue(cs.namespace)}: one would overwrite the other; set credentialsSecret.name to a unique name`,
            );
          }
        }
      }
    }
    v.throwIfAny();

    this.username = p.username;
    this.customId = p.customId;
    this.outputs = p.sensitiveOutputs ?? false;
    this.outputBase = readableWithHash(base, "_");
    this.resource = new KongConsumerResource(this, "Resource", { username: p.username, customId: p.customId, tags: p.tags });
    this._plugins = new PluginHost(this, "consumer", () => ({ consumerId: this.id }));
    if (cs && secretName) {
      this.credentialsSecret = new SecretV1(this, "CredentialsSecret", {
        metadata: {
          name: secretName,
          namespace: cs.namespace,
          labels: standardLabels({
            name: "kong-consumer",
            instance: sanitizeLabelValue(isToken(secretName) ? this.node.id : secretName) || "kong-consumer",
            component: "credentials",
          }),
        },
        type: "Opaque",
        data: this.secretData,
      });
    }
    for (const group of p.aclGroups ?? []) this.addAclGroup(group);
    if (p.keyAuth) this.addKeyAuthKey("KeyAuth", p.keyAuth === true ? {} : p.keyAuth);
    if (p.jwt !== undefined) this.addJwtCredential(p.jwt);
    for (const policy of p.plugins ?? []) this.addPlugin(policy);
  }

  /**
   * The Kong consumer id (a Terraform reference). The token is made once and reused by every route, plugin and
   * credential that points here: each new reference token costs cdktf a full stack-trace capture.
   */
  public get id(): string {
    if (this.idToken === undefined) this.idToken = this.resource.id;
    return this.idToken;
  }
  private idToken?: string;

  /**
   * Adds the consumer to an ACL group (kong_consumer_acl). Any non-empty string is a group, as in Kong. The construct
   * id is `Acl-<group>`, except for groups containing "/" (which construct ids cannot hold) and Terraform references:
   * those get `AclGroup-<hash of the group>`, so no two groups share an id.
   */
  public addAclGroup(group: string): ConsumerAcl {
    const v = new Problems(this);
    if (nonEmptyString(v, "aclGroups", group) && this.aclGroups.has(group)) {
      v.add("aclGroups", group, "is listed twice: a consumer is in a group once");
    }
    if (group === undefined) v.add("aclGroups", group, "must be a non-empty string");
    v.throwIfAny();
    const acl = new ConsumerAcl(this, this.aclConstructId(group), { consumerId: this.id, group });
    this.aclGroups.set(group, acl);
    return acl;
  }

  /**
   * Adds a generated key-auth key: a `random_password` (letters and digits) whose result becomes the
   * kong_consumer_key_auth key. It reaches the owner through the credentials Secret (data key
   * `key-auth` for the id "KeyAuth", else `key-auth-<id>`) and/or a sensitive output.
   */
  public addKeyAuthKey(id: string, options: KeyAuthCredentialOptions = {}): KeyAuthCredential {
    const v = new Problems(this);
    if (options === null || typeof options !== "object" || Array.isArray(options)) v.add("keyAuth", options, "must be true, false or { length }");
    const o: KeyAuthCredentialOptions = options !== null && typeof options === "object" ? options : {};
    integerIn(v, "keyAuth.length", o.length, 16, 128);
    let dataKey: string | undefined;
    if (typeof id !== "string" || !KEY_ID.test(id)) {
      v.add(
        "keyAuth",
        id,
        "is not a usable key id: use 1 to 63 letters, digits, '-', '.' or '_', starting with a letter or digit (it names the Secret data key key-auth-<id>, which Kubernetes limits to those characters)",
      );
    } else if (this.keyAuthKeys.has(id)) {
      v.add("keyAuth", id, "is already a key-auth key of this consumer: use another id");
    } else if (RESERVED_IDS.has(id) || /^(Acl-|AclGroup-|output-)/.test(id) || this.node.tryFindChild(id) || this.node.tryFindChild(`${id}Value`)) {
      v.add("keyAuth", id, "is an id this consumer uses for another part (Resource, Plugins, CredentialsSecret, Jwt, JwtSecret, Acl-..., AclGroup-..., output-..., or <id>Value of another key): use another id");
    } else {
      dataKey = id === "KeyAuth" ? "key-auth" : `key-auth-${id.toLowerCase()}`;
      if (v.isEmpty) this.reservePublished(v, "keyAuth", id, `the key-auth key ${describeValue(id)}`, [dataKey]);
    }
    v.throwIfAny();
    ensureRandomProvider(this);
    const password = new Password(this, `${id}Value`, { length: o.length ?? 40, special: false });
    const resource = new ConsumerKeyAuth(this, id, { consumerId: this.id, key: password.result, tags: undefined });
    const credential = { resource, password };
    this.keyAuthKeys.set(id, credential);
    this.publish(dataKey as string, password.result);
    return credential;
  }

  /**
   * Adds the consumer's JWT credential (kong_consumer_jwt_auth). HMAC algorithms get a generated secret unless one
   * comes from a sensitive variable; asymmetric ones need the PEM public key.
   */
  public addJwtCredential(options: JwtCredentialOptions = {}): ConsumerJwtAuth {
    const v = new Problems(this);
    if (this.jwtCredential) v.add("jwt", "<set>", "is already set: one JWT credential per consumer");
    if (!plainObject(v, "jwt", options, JWT_SHAPE)) v.throwIfAny();
    const o: JwtCredentialOptions = options;
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
      else if (!isToken(o.secret)) {
        v.add("jwt.secret", "<redacted>", "must come from a sensitive Terraform variable or secret reference, not a literal (it would be stored in plain text)");
      }
    }
    if (!hmac && !isToken(o.rsaPublicKey)) {
      if (o.rsaPublicKey === undefined) v.add("jwt.rsaPublicKey", undefined, `is required with algorithm ${describeValue(algorithm)}`);
      else if (typeof o.rsaPublicKey !== "string" || !/-----BEGIN [A-Z ]*PUBLIC KEY-----[\s\S]+-----END [A-Z ]*PUBLIC KEY-----/.test(o.rsaPublicKey)) {
        v.add("jwt.rsaPublicKey", "<value>", "must be a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)");
      }
    } else if (hmac && o.rsaPublicKey !== undefined) {
      v.add("jwt.rsaPublicKey", "<value>", `is only used with asymmetric algorithms (algorithm is ${describeValue(algorithm)})`);
    }
    if (v.isEmpty) this.reservePublished(v, "jwt", "<credential>", "the JWT credential", secretKeysOf(hmac));
    v.throwIfAny();
    const key = o.key ?? this.username ?? (this.customId as string);
    let secret: string | undefined;
    if (hmac) {
      if (o.secret !== undefined) {
        secret = o.secret;
      } else {
        ensureRandomProvider(this);
        secret = new Password(this, "JwtSecretValue", { length: 64, special: false }).result;
      }
    }
    // The provider marks rsa_public_key required; HMAC credentials send it empty.
    this.jwtCredential = new ConsumerJwtAuth(this, "Jwt", {
      consumerId: this.id,
      algorithm,
      key,
      secret,
      rsaPublicKey: hmac ? "" : (o.rsaPublicKey as string),
    });
    this.publish("jwt-key", key);
    this.publish("jwt-algorithm", algorithm);
    if (secret !== undefined) this.publish("jwt-secret", secret);
    return this.jwtCredential;
  }

  /** Attaches a plugin to this consumer only; Kong refuses key-auth, jwt, acl, cors and bot-detection here. */
  public addPlugin(policy: ConsumerScopablePolicy): this {
    const p = policy as PluginPolicy;
    this._plugins.add(p, (v) => {
      if (p instanceof PluginPolicy && (!p.consumerScopable || NO_CONSUMER_PLUGINS.has(p.name))) {
        v.add("plugins", p.name, "cannot be scoped to a consumer (Kong marks it no_consumer): attach it to a route, a service or the gateway");
      }
    });
    return this;
  }

  /** The construct id of a group's kong_consumer_acl: `Acl-<group>` when it can be, else a hash-based id. */
  private aclConstructId(group: string): string {
    const plain = `Acl-${group}`;
    if (!group.includes("/") && !isToken(group) && !this.node.tryFindChild(plain)) return plain;
    const hashed = `AclGroup-${shortHash(group)}`;
    let candidate = hashed;
    for (let n = 2; this.node.tryFindChild(candidate); n++) candidate = `${hashed}-${n}`;
    return candidate;
  }

  /** The Terraform output name of a credential, e.g. `consumer_mobile_app_key_auth`. */
  private outputName(key: string): string {
    return `consumer_${this.outputBase}_${snake(key)}`;
  }

  /**
   * Reserves Secret data keys (unique in this consumer) and, with sensitive outputs, their output names (unique in
   * the stack, claimed through the gateway), before any resource is created.
   */
  private reservePublished(v: Problems, field: string, value: unknown, holder: string, keys: readonly string[]): void {
    for (const key of keys) {
      const other = this.dataKeys.get(key);
      if (other !== undefined) {
        v.add(field, value, `would publish its credential as ${describeValue(key)}, which ${other} already uses (ids differing only in case share it): use another id`);
        continue;
      }
      if (this.outputs) {
        const name = this.outputName(key);
        const taken = this.gateway._claim("output", name, `${this.node.path}/output-${key}`);
        if (taken) {
          v.add(
            "sensitiveOutputs",
            name,
            `is already the name of the output ${taken}: Terraform output names are unique per stack and derive from the username (or custom_id) in snake_case; rename one consumer or turn its sensitiveOutputs off`,
          );
          continue;
        }
      }
      this.dataKeys.set(key, holder);
    }
  }

  /** Adds a credential to the Secret and/or a sensitive output (its names were reserved by `reservePublished`). */
  private publish(key: string, value: string): void {
    if (this.credentialsSecret) {
      this.secretData[key] = value;
      this.credentialsSecret.data = { ...this.secretData };
    }
    if (this.outputs) {
      const output = new TerraformOutput(this, `output-${key}`, {
        value,
        sensitive: true,
        description: `${key} of Kong consumer ${this.username ?? this.customId}`,
      });
      // a name a human types: terraform output -raw consumer_mobile_app_key_auth
      output.overrideLogicalId(this.outputName(key));
    }
  }
}

const JWT_SHAPE = "must be { algorithm?, key?, secret?, rsaPublicKey? } ({} for all defaults): leave jwt out for no JWT credential";

/** Key-auth ids: they name the Secret data key `key-auth-<id>` ([-._a-zA-Z0-9]+ in Kubernetes). */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Construct ids a consumer uses (or may later use) for its other parts. */
const RESERVED_IDS: ReadonlySet<string> = new Set(["Resource", "Plugins", "CredentialsSecret", "Jwt", "JwtSecret", "JwtSecretValue"]);

/** The Secret data keys (and output suffixes) of a JWT credential. */
function secretKeysOf(hmac: boolean): string[] {
  return hmac ? ["jwt-key", "jwt-algorithm", "jwt-secret"] : ["jwt-key", "jwt-algorithm"];
}

/** The lowercase ASCII letters and digits of a name, runs of anything else replaced by `sep`, trimmed. */
function asciiPart(name: string, sep: "_" | "-"): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .split(sep)
    .filter((s) => s !== "")
    .join(sep);
}

/** Whether a derived name needs a short hash of the original: it lost non-ASCII characters, or nothing is left. */
function needsHash(name: string, ascii: string): boolean {
  return ascii === "" || /[^\x00-\x7f]/.test(name);
}

/**
 * A readable ASCII form of a name for output names: "mobile-app" stays "mobile_app", while "ユーザー" becomes a short
 * hash and "café" "caf_<hash>", never an empty part.
 */
function readableWithHash(name: string, sep: "_" | "-"): string {
  const ascii = asciiPart(name, sep);
  if (!needsHash(name, ascii)) return ascii;
  return ascii === "" ? shortHash(name) : `${ascii}${sep}${shortHash(name)}`;
}

/** The default Secret name: `kong-consumer-<name>`, at most 63 characters, hash kept when one is needed. */
function defaultSecretName(base: string): string {
  const ascii = asciiPart(base, "-");
  const hash = needsHash(base, ascii) ? `-${shortHash(base)}` : "";
  const head = (ascii === "" ? "kong-consumer" : `kong-consumer-${ascii}`).slice(0, 63 - hash.length).replace(/-+$/, "");
  return `${head}${hash}`;
}

function snake(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
