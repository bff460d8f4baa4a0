import { Password } from "@cdktf/provider-random/lib/password";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Consumer as KongConsumerResource } from "../../.gen/providers/kong/consumer";
import { ConsumerAcl } from "../../.gen/providers/kong/consumer-acl";
import { ConsumerJwtAuth } from "../../.gen/providers/kong/consumer-jwt-auth";
import { ConsumerKeyAuth } from "../../.gen/providers/kong/consumer-key-auth";
import { bool, dns1123Label, integerIn, isToken, nonEmptyString, oneOf, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { standardLabels } from "../core/labels";
import { ensureRandomProvider } from "../database/random-provider";
import type { KongGateway } from "./gateway";
import { PluginHost } from "./plugin-host";
import { ConsumerScopablePolicy, NO_CONSUMER_PLUGINS, PluginPolicy } from "./plugins/base";

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
  /** Secret name. @default "kong-consumer-<username or custom_id>", lowercased and sanitized */
  readonly name?: string;
}

export interface GatewayConsumerProps {
  /** Unique username. Set this and/or `customId`. @default none */
  readonly username?: string;
  /** Unique id from your own user store. Set this and/or `username`. @default none */
  readonly customId?: string;
  /** ACL groups (one kong_consumer_acl each), matched by the acl plugin's allow/deny. @default none */
  readonly aclGroups?: string[];
  /** Give the consumer one generated key-auth key (`true` or options). @default false: no key */
  readonly keyAuth?: boolean | KeyAuthCredentialOptions;
  /** Give the consumer a JWT credential. @default none */
  readonly jwt?: JwtCredentialOptions;
  /** Plugins scoped to this consumer, e.g. its own rate limit. @default none */
  readonly plugins?: ConsumerScopablePolicy[];
  /**
   * Write the consumer's credentials to a Kubernetes Secret (the stack must configure the kubernetes provider).
   * @default none: no Secret
   */
  readonly credentialsSecret?: ConsumerCredentialsSecretOptions;
  /** Also expose the credentials as sensitive Terraform outputs (`terraform output -raw ...`). @default false */
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
    if (p.plugins !== undefined && !Array.isArray(p.plugins)) v.add("plugins", p.plugins, "must be a list of plugin policies");
    const cs = p.credentialsSecret;
    let secretName: string | undefined;
    if (cs !== undefined) {
      if (cs === null || typeof cs !== "object") {
        v.add("credentialsSecret", cs, "must be { namespace, name? }");
      } else {
        if (cs.namespace === undefined) v.add("credentialsSecret.namespace", undefined, "is required");
        dns1123Label(v, "credentialsSecret.namespace", cs.namespace);
        secretName = cs.name ?? defaultSecretName(p.username ?? p.customId ?? id);
        if (cs.name !== undefined) dns1123Label(v, "credentialsSecret.name", cs.name, 253);
      }
    }
    v.throwIfAny();

    this.username = p.username;
    this.customId = p.customId;
    this.outputs = p.sensitiveOutputs ?? false;
    this.resource = new KongConsumerResource(this, "Resource", { username: p.username, customId: p.customId, tags: p.tags });
    this._plugins = new PluginHost(this, "consumer", () => ({ consumerId: this.resource.id }));
    if (cs && secretName) {
      this.credentialsSecret = new SecretV1(this, "CredentialsSecret", {
        metadata: {
          name: secretName,
          namespace: cs.namespace,
          labels: standardLabels({ name: "kong-consumer", instance: secretName, component: "credentials" }),
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

  /** The Kong consumer id (a Terraform reference). */
  public get id(): string {
    return this.resource.id;
  }

  /** Adds the consumer to an ACL group (kong_consumer_acl). */
  public addAclGroup(group: string): ConsumerAcl {
    const v = new Problems(this);
    if (nonEmptyString(v, "aclGroups", group) && this.aclGroups.has(group)) {
      v.add("aclGroups", group, "is listed twice: a consumer is in a group once");
    }
    v.throwIfAny();
    const acl = new ConsumerAcl(this, `Acl-${group}`, { consumerId: this.resource.id, group });
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
    const o = options !== null && typeof options === "object" ? options : {};
    integerIn(v, "keyAuth.length", o.length, 16, 128);
    if (this.keyAuthKeys.has(id)) v.add("keyAuth", id, "is already a key-auth key of this consumer: use another id");
    v.throwIfAny();
    ensureRandomProvider(this);
    const password = new Password(this, `${id}Value`, { length: o.length ?? 40, special: false });
    const resource = new ConsumerKeyAuth(this, id, { consumerId: this.resource.id, key: password.result, tags: undefined });
    const credential = { resource, password };
    this.keyAuthKeys.set(id, credential);
    this.publish(id === "KeyAuth" ? "key-auth" : `key-auth-${id.toLowerCase()}`, password.result);
    return credential;
  }

  /**
   * Adds the consumer's JWT credential (kong_consumer_jwt_auth). HMAC algorithms get a generated secret unless one
   * comes from a sensitive variable; asymmetric ones need the PEM public key.
   */
  public addJwtCredential(options: JwtCredentialOptions = {}): ConsumerJwtAuth {
    const v = new Problems(this);
    const o: JwtCredentialOptions = options !== null && typeof options === "object" ? options : {};
    if (this.jwtCredential) v.add("jwt", "<set>", "is already set: one JWT credential per consumer");
    oneOf(v, "jwt.algorithm", o.algorithm, JWT_ALGORITHMS);
    const algorithm: JwtAlgorithm = o.algorithm ?? "HS256";
    const hmac = algorithm.startsWith("HS");
    nonEmptyString(v, "jwt.key", o.key);
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
      consumerId: this.resource.id,
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

  /** Adds a credential to the Secret and/or a sensitive output. */
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
      output.overrideLogicalId(`consumer_${snake(this.username ?? this.customId ?? this.node.id)}_${snake(key)}`);
    }
  }
}

function defaultSecretName(base: string): string {
  const cleaned = `kong-consumer-${base}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 63)
    .replace(/-+$/, "");
  return cleaned;
}

function snake(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
