import { ConsumerAcl } from "../../.gen/providers/kong/consumer-acl";
import { Consumer as KongConsumerResource } from "../../.gen/providers/kong/consumer";
import { ConsumerJwtAuth } from "../../.gen/providers/kong/consumer-jwt-auth";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { bool, isToken, nonEmptyString, plainObject, stringArray } from "../core/checks";
import { Problems } from "../core/errors";
import { tagsOf } from "./clearable";
import { ConsumerAclGroups } from "./consumer-acl-groups";
import { IGatewayContext } from "./context";
import { checkCredentialsSecret, ConsumerCredentialsSecretOptions, CredentialPublisher, PublishingPlan } from "./credential-publisher";
import { ConsumerCredential } from "./credentials/credential";
import { JWT_SHAPE, JwtCredentialOptions, JwtCredentialSpec } from "./credentials/jwt";
import { KeyAuthCredential, KeyAuthCredentialOptions, KeyAuthKeySpec } from "./credentials/key-auth";
import { GatewayEntity } from "./entity";
import { ConsumerScopablePolicy } from "./plugins/plugin";

export interface GatewayConsumerProps {
  /**
   * Unique username. Set this and/or `customId`. @default the customId: Kong gets both fields (the provider's update
   * sends an absent one as "", which Kong refuses), and the copy is unique like the original
   */
  readonly username?: string;
  /** Unique id from your own user store. Set this and/or `username`. @default the username (see `username`) */
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
  /** Tags. The library's tag `managed-by:kong-ai-platform` is always added (see `clearable.ts`). @default none */
  readonly tags?: string[];
}

/**
 * A Kong consumer (kong_consumer) with ACL groups, generated key-auth keys, an optional JWT credential and
 * consumer-scoped plugins. Keys are `random_password` results, never literals; owners fetch them from the optional
 * Kubernetes Secret or sensitive outputs.
 */
export class GatewayConsumer extends GatewayEntity {
  /** The kong_consumer resource. */
  public readonly resource: KongConsumerResource;
  /** The username, if set (Kong's username is this, else the custom_id). */
  public readonly username?: string;
  /** The custom_id, if set (Kong's custom_id is this, else the username). */
  public readonly customId?: string;
  /** The name Kong knows the consumer by: its username, else its custom_id. */
  public readonly name: string;
  /** ACL group resources, by group. */
  public readonly aclGroups: ReadonlyMap<string, ConsumerAcl>;
  /** Key-auth credentials, by construct id. */
  public readonly keyAuthKeys = new Map<string, KeyAuthCredential>();
  /** The JWT credential, if any. */
  public jwtCredential?: ConsumerJwtAuth;
  /** The Kubernetes Secret holding the credentials, if requested. */
  public readonly credentialsSecret?: SecretV1;
  private readonly groups: ConsumerAclGroups;
  private readonly publisher: CredentialPublisher;

  constructor(gateway: IGatewayContext, id: string, props: GatewayConsumerProps) {
    super(gateway, id, gateway, "consumer");
    const p: GatewayConsumerProps = props !== null && typeof props === "object" ? props : {};
    const plan = this.check(p, id);
    this.username = p.username;
    this.customId = p.customId;
    this.name = (p.username ?? p.customId) as string;
    // Both fields always: the provider's update sends an absent one as "", which Kong refuses (see `check`).
    this.resource = new KongConsumerResource(this, "Resource", {
      username: p.username ?? p.customId,
      customId: p.customId ?? p.username,
      tags: tagsOf(p.tags),
    });
    this.publisher = new CredentialPublisher(this, gateway.names, plan, p.username ?? p.customId);
    this.credentialsSecret = this.publisher.secret;
    this.groups = new ConsumerAclGroups(this);
    this.aclGroups = this.groups.byGroup;
    for (const group of p.aclGroups ?? []) this.addAclGroup(group);
    if (p.keyAuth) this.addKeyAuthKey("KeyAuth", p.keyAuth === true ? {} : p.keyAuth);
    if (p.jwt !== undefined) this.addJwtCredential(p.jwt);
    for (const policy of p.plugins ?? []) this.addPlugin(policy);
  }

  /** Adds the consumer to an ACL group (kong_consumer_acl `Acl-<group>`, or `AclGroup-<hash>` for groups with "/"). */
  public addAclGroup(group: string): ConsumerAcl {
    return this.groups.add(group);
  }

  /**
   * Adds a generated key-auth key: a `random_password` (letters and digits) whose result becomes the
   * kong_consumer_key_auth key. It reaches the owner through the credentials Secret (data key
   * `key-auth` for the id "KeyAuth", else `key-auth-<id>`) and/or a sensitive output.
   */
  public addKeyAuthKey(id: string, options: KeyAuthCredentialOptions = {}): KeyAuthCredential {
    const credential = this.addCredential(new KeyAuthKeySpec(id, options, this.keyAuthKeys));
    this.keyAuthKeys.set(id, credential);
    return credential;
  }

  /**
   * Adds the consumer's JWT credential (kong_consumer_jwt_auth). HMAC algorithms get a generated secret unless one
   * comes from a sensitive variable; asymmetric ones need the PEM public key. Every field is rendered non-empty (Kong
   * refuses ""): HMAC credentials get a placeholder public key, asymmetric ones a generated secret, neither read by Kong.
   */
  public addJwtCredential(options: JwtCredentialOptions = {}): ConsumerJwtAuth {
    this.jwtCredential = this.addCredential(new JwtCredentialSpec(options, this.jwtCredential !== undefined));
    return this.jwtCredential;
  }

  /** Attaches a plugin to this consumer only; Kong refuses key-auth, jwt, acl, cors and bot-detection here. */
  public addPlugin(policy: ConsumerScopablePolicy): KongPluginResource {
    return super.addPlugin(policy);
  }

  protected kongId(): string {
    return this.resource.id;
  }

  /** Checks a credential, reserves the names it publishes under, creates it and publishes its values. */
  private addCredential<R>(credential: ConsumerCredential<R>): R {
    const v = new Problems(this);
    const keys = credential.check(v, this);
    if (v.isEmpty) this.publisher.reserve(v, credential.field, credential.shownAs, credential.holder, keys);
    v.throwIfAny();
    const { result, published } = credential.create(this);
    for (const [key, value] of published) this.publisher.publish(key, value);
    return result;
  }

  /**
   * Claims a literal username or customId in the gateway, and, when `copied`, also as the other field, which Kong gets
   * a copy of it in. Copies are recorded (kind `<kind>-copy`) so that a collision with one can say so.
   */
  private claimName(v: Problems, field: "username" | "customId", value: string | undefined, copied: boolean): void {
    if (value === undefined || isToken(value)) return;
    const names = this.gateway.names;
    const kinds = copied ? [field, field === "username" ? "customId" : "username"] : [field];
    for (const kind of kinds) {
      const registry = kind === "username" ? "consumer-username" : "consumer-custom-id";
      const holder = names.claim(registry, value, this.node.path);
      if (holder === undefined) {
        if (kind !== field) names.claim(`${registry}-copy`, value, this.node.path);
        continue;
      }
      const kong = kind === "username" ? "username" : "custom_id";
      const copy = kind !== field || names.holderOf(`${registry}-copy`, value) === holder;
      const why = copy ? ", and a consumer given only a username or only a customId gets it as both (Kong's updates need both fields)" : "";
      v.add(field, value, `is already the ${kong} of the consumer ${holder}: Kong ${kong}s are unique${why}`);
      return;
    }
  }

  /** Checks the props (claiming the username, custom_id and Secret in the gateway); returns where to publish. */
  private check(p: GatewayConsumerProps, id: string): PublishingPlan {
    const v = new Problems(this);
    const names = this.gateway.names;
    if (p.username === undefined && p.customId === undefined) {
      v.add("username", undefined, "or customId is required: Kong identifies a consumer by at least one of them");
    }
    const usernameOk = nonEmptyString(v, "username", p.username);
    const customIdOk = nonEmptyString(v, "customId", p.customId);
    // Kong gets both fields, the missing one a copy of the other (the provider's update sends an absent field as "",
    // which Kong refuses): a copy is unique in Kong like the original, so it is claimed too.
    if (usernameOk) this.claimName(v, "username", p.username, p.customId === undefined);
    if (customIdOk) this.claimName(v, "customId", p.customId, p.username === undefined);
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
    const secret = checkCredentialsSecret(v, names, this.node.path, p.credentialsSecret, base);
    v.throwIfAny();
    return { secret, outputs: p.sensitiveOutputs ?? false, base };
  }
}
