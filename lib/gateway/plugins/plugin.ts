import { ValidationError, ValidationProblem } from "../../core/errors";
import { acl, AclOptions } from "./acl";
import { botDetection, BotDetectionOptions } from "./bot-detection";
import { correlationId, CorrelationIdOptions } from "./correlation-id";
import { cors, CorsOptions } from "./cors";
import { custom } from "./custom";
import { ipRestriction, IpRestrictionOptions } from "./ip-restriction";
import { jwt, JwtOptions } from "./jwt";
import { keyAuth, KeyAuthOptions } from "./key-auth";
import { completeConfig } from "./kong-echo";
import { AUTHENTICATION_PLUGINS } from "./plugin-sets";
import { prometheus, PrometheusOptions } from "./prometheus";
import { proxyCache, ProxyCacheOptions } from "./proxy-cache";
import { rateLimiting, RateLimitingOptions } from "./rate-limiting";
import { configJsonOf, holdsReference, PolicySpec } from "./render";
import { requestSizeLimiting, RequestSizeLimitingOptions } from "./request-size-limiting";
import { responseRateLimiting, ResponseRateLimitingOptions } from "./response-rate-limiting";

/**
 * Proof that a policy is made by `Plugin.*`. It never leaves this module, so a policy cannot be built by hand (in
 * TypeScript the constructors are private; from JavaScript, a constructor called without it throws).
 */
const MINT: unique symbol = Symbol("Plugin.*");

/**
 * A Kong plugin and its configuration, not yet attached to anything. Made only by the static factories of `Plugin`,
 * which check the options against Kong's schema; attach it with `addPlugin` on a gateway (global), a service, a route
 * or a consumer. A policy is immutable: one object may be attached to several scopes, and identical valid policies
 * are the same object (see `Plugin`).
 */
export abstract class PluginPolicy {
  /** Kong's plugin name, e.g. `rate-limiting`. */
  public readonly name: string;
  /** Options name used as the prefix of error fields, e.g. `rateLimiting`. */
  public readonly label: string;
  /** The config in Kong's snake_case form: for typed plugins, every field Kong echoes (see `kong-echo.ts`). */
  public readonly config: Readonly<Record<string, unknown>>;
  /** Problems of the options, reported (with the construct path) when the policy is attached. */
  public readonly problems: readonly ValidationProblem[];
  /** False when the config was not checked against Kong's schema (`Plugin.custom`). */
  public readonly validated: boolean;
  /** `config_json`: the config as JSON with object keys sorted at every level, rendered once when the policy is made. */
  public readonly configJson: string;
  /** Whether Kong allows this plugin on a Consumer (its schema has no `no_consumer`). */
  public abstract readonly consumerScopable: boolean;

  protected constructor(mint: symbol, spec: PolicySpec, validated: boolean, configJson: string) {
    if (mint !== MINT) {
      throw new ValidationError("Plugin", [
        {
          field: "new PluginPolicy()",
          value: spec?.name,
          message: "is not allowed: policies are made only by Plugin.keyAuth(), Plugin.rateLimiting(), ... or Plugin.custom(), which check their options",
        },
      ]);
    }
    this.name = spec.name;
    this.label = spec.label;
    this.config = spec.config;
    this.problems = spec.problems;
    this.validated = validated;
    this.configJson = configJson;
  }

  /** Whether this plugin authenticates consumers (key-auth, jwt, basic-auth, ...). */
  public get authenticates(): boolean {
    return AUTHENTICATION_PLUGINS.has(this.name);
  }
}

type Make<P> = (spec: PolicySpec, validated: boolean, configJson: string) => P;
let makeScopable: Make<ConsumerScopablePolicy>;
let makeNoConsumer: Make<NoConsumerPolicy>;

/** A plugin Kong allows on every scope, consumers included (rate-limiting, ip-restriction, ...). Made by `Plugin.*`. */
export class ConsumerScopablePolicy extends PluginPolicy {
  public readonly consumerScopable = true as const;
  private constructor(mint: symbol, spec: PolicySpec, validated: boolean, configJson: string) {
    super(mint, spec, validated, configJson);
  }
  static {
    makeScopable = (spec, validated, configJson) => new ConsumerScopablePolicy(MINT, spec, validated, configJson);
  }
}

/**
 * A plugin Kong refuses on a Consumer (`no_consumer`: key-auth, jwt, acl, cors, bot-detection). Its type is not
 * accepted by `GatewayConsumer.addPlugin`, and the consumer also checks at run time. Made by `Plugin.*`.
 */
export class NoConsumerPolicy extends PluginPolicy {
  public readonly consumerScopable = false as const;
  private constructor(mint: symbol, spec: PolicySpec, validated: boolean, configJson: string) {
    super(mint, spec, validated, configJson);
  }
  static {
    makeNoConsumer = (spec, validated, configJson) => new NoConsumerPolicy(MINT, spec, validated, configJson);
  }
}

/**
 * Valid policies by kind, plugin name and canonical config: identical policies are one object, so a platform of
 * 1,000 models with the same limits holds one rate-limiting policy and renders its JSON once. A policy with
 * problems is never shared (its problems describe the options it was given).
 */
const interned = new Map<string, PluginPolicy>();

function intern<P extends PluginPolicy>(kind: string, spec: PolicySpec, validated: boolean, make: Make<P>): P {
  if (spec.problems.length > 0) return make(spec, validated, "{}");
  // a policy holding references is its own (see holdsReference)
  if (holdsReference(spec.config)) return rendered(spec, validated, make);
  const key = `${kind}\u0000${spec.name}\u0000${configJsonOf(spec.config).text}`;
  let policy = interned.get(key);
  if (policy === undefined) {
    policy = rendered(spec, validated, make);
    interned.set(key, policy);
  }
  return policy as P;
}

function rendered<P extends PluginPolicy>(spec: PolicySpec, validated: boolean, make: Make<P>): P {
  // A typed config is written in full, as Kong echoes it (see kong-echo.ts): once per distinct policy. The config
  // kept is the rendered one, not the caller's objects: a shared policy must not change when they do. List and map
  // references in it are spliced into config_json as ${jsonencode(...)} (see configJsonOf).
  const { text, configJson, restore } = configJsonOf(validated ? completeConfig(spec.name, spec.config) : spec.config);
  const config = JSON.parse(text, (_key, value) => (value !== null && typeof value === "object" ? Object.freeze(value) : restore(value)));
  return make({ ...spec, config }, validated, configJson);
}

function scopable(spec: PolicySpec): ConsumerScopablePolicy {
  return intern("scopable", spec, true, makeScopable);
}

function noConsumer(spec: PolicySpec): NoConsumerPolicy {
  return intern("no-consumer", spec, true, makeNoConsumer);
}

/**
 * Typed Kong plugin policies, the only way to make one. Each factory checks its options against Kong 3.9's schema
 * (problems are reported, with the construct path, when the policy is attached) and renders Kong's snake_case config
 * in full: every field Kong 3.9 echoes, unset options as Kong's defaults (null where Kong's default is null), so a
 * removed option is put back to its default at the next apply. Two calls with the same plugin and the same options
 * return the same policy object.
 * ```ts
 * service.addPlugin(Plugin.keyAuth());
 * service.addPlugin(Plugin.acl({ allow: ["vision"] }));
 * service.addPlugin(Plugin.rateLimiting({ second: 5, minute: 100 }));
 * ```
 */
export class Plugin {
  /** key-auth: API keys in a header, query parameter or body. Not on consumers. */
  public static keyAuth(options?: KeyAuthOptions): NoConsumerPolicy {
    return noConsumer(keyAuth(options));
  }
  /** jwt: signed JSON Web Tokens. Not on consumers. */
  public static jwt(options?: JwtOptions): NoConsumerPolicy {
    return noConsumer(jwt(options));
  }
  /** acl: allow or deny consumer groups; needs an authentication plugin. Not on consumers. */
  public static acl(options: AclOptions): NoConsumerPolicy {
    return noConsumer(acl(options));
  }
  /** rate-limiting: requests per second/minute/hour/day/month/year. */
  public static rateLimiting(options: RateLimitingOptions): ConsumerScopablePolicy {
    return scopable(rateLimiting(options));
  }
  /** response-ratelimiting: limits on usage reported by the upstream in a response header. */
  public static responseRateLimiting(options: ResponseRateLimitingOptions): ConsumerScopablePolicy {
    return scopable(responseRateLimiting(options));
  }
  /** cors: Cross-Origin Resource Sharing headers. Not on consumers. */
  public static cors(options?: CorsOptions): NoConsumerPolicy {
    return noConsumer(cors(options));
  }
  /** ip-restriction: allow or deny client IPs and CIDR blocks. */
  public static ipRestriction(options: IpRestrictionOptions): ConsumerScopablePolicy {
    return scopable(ipRestriction(options));
  }
  /** request-size-limiting: cap request body size. */
  public static requestSizeLimiting(options?: RequestSizeLimitingOptions): ConsumerScopablePolicy {
    return scopable(requestSizeLimiting(options));
  }
  /** proxy-cache: cache upstream responses in memory. */
  public static proxyCache(options?: ProxyCacheOptions): ConsumerScopablePolicy {
    return scopable(proxyCache(options));
  }
  /** prometheus: metrics on Kong's status listener. */
  public static prometheus(options?: PrometheusOptions): ConsumerScopablePolicy {
    return scopable(prometheus(options));
  }
  /** correlation-id: a request id header. */
  public static correlationId(options?: CorrelationIdOptions): ConsumerScopablePolicy {
    return scopable(correlationId(options));
  }
  /** bot-detection: refuse known bots by User-Agent. Not on consumers. */
  public static botDetection(options?: BotDetectionOptions): NoConsumerPolicy {
    return noConsumer(botDetection(options));
  }
  /**
   * Any other plugin by name with its raw snake_case config. UNVALIDATED: Kong reports mistakes at apply time. A name
   * Kong marks `no_consumer` (basic-auth, oauth2, ...) is still refused on a consumer when attached.
   */
  public static custom(name: string, config?: Record<string, unknown>): ConsumerScopablePolicy {
    return intern("custom", custom(name, config), false, makeScopable);
  }

  private constructor() {}
}
