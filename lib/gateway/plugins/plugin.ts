import { acl, AclOptions } from "./acl";
import { ConsumerScopablePolicy, NoConsumerPolicy } from "./base";
import { botDetection, BotDetectionOptions } from "./bot-detection";
import { correlationId, CorrelationIdOptions } from "./correlation-id";
import { cors, CorsOptions } from "./cors";
import { custom } from "./custom";
import { ipRestriction, IpRestrictionOptions } from "./ip-restriction";
import { jwt, JwtOptions } from "./jwt";
import { keyAuth, KeyAuthOptions } from "./key-auth";
import { prometheus, PrometheusOptions } from "./prometheus";
import { proxyCache, ProxyCacheOptions } from "./proxy-cache";
import { rateLimiting, RateLimitingOptions } from "./rate-limiting";
import { requestSizeLimiting, RequestSizeLimitingOptions } from "./request-size-limiting";
import { responseRateLimiting, ResponseRateLimitingOptions } from "./response-rate-limiting";

/**
 * Typed Kong plugin policies. Each factory checks its options against Kong 3.9's schema (problems are reported, with
 * the construct path, when the policy is attached) and renders Kong's snake_case config with its defaults spelled out.
 * ```ts
 * service.addPlugin(Plugin.keyAuth());
 * service.addPlugin(Plugin.acl({ allow: ["vision"] }));
 * service.addPlugin(Plugin.rateLimiting({ second: 5, minute: 100 }));
 * ```
 */
export class Plugin {
  /** key-auth: API keys in a header, query parameter or body. Not on consumers. */
  public static keyAuth(options?: KeyAuthOptions): NoConsumerPolicy {
    return keyAuth(options);
  }
  /** jwt: signed JSON Web Tokens. Not on consumers. */
  public static jwt(options?: JwtOptions): NoConsumerPolicy {
    return jwt(options);
  }
  /** acl: allow or deny consumer groups; needs an authentication plugin. Not on consumers. */
  public static acl(options: AclOptions): NoConsumerPolicy {
    return acl(options);
  }
  /** rate-limiting: requests per second/minute/hour/day/month/year. */
  public static rateLimiting(options: RateLimitingOptions): ConsumerScopablePolicy {
    return rateLimiting(options);
  }
  /** response-ratelimiting: limits on usage reported by the upstream in a response header. */
  public static responseRateLimiting(options: ResponseRateLimitingOptions): ConsumerScopablePolicy {
    return responseRateLimiting(options);
  }
  /** cors: Cross-Origin Resource Sharing headers. Not on consumers. */
  public static cors(options?: CorsOptions): NoConsumerPolicy {
    return cors(options);
  }
  /** ip-restriction: allow or deny client IPs and CIDR blocks. */
  public static ipRestriction(options: IpRestrictionOptions): ConsumerScopablePolicy {
    return ipRestriction(options);
  }
  /** request-size-limiting: cap request body size. */
  public static requestSizeLimiting(options?: RequestSizeLimitingOptions): ConsumerScopablePolicy {
    return requestSizeLimiting(options);
  }
  /** proxy-cache: cache upstream responses in memory. */
  public static proxyCache(options?: ProxyCacheOptions): ConsumerScopablePolicy {
    return proxyCache(options);
  }
  /** prometheus: metrics on Kong's status listener. */
  public static prometheus(options?: PrometheusOptions): ConsumerScopablePolicy {
    return prometheus(options);
  }
  /** correlation-id: a request id header. */
  public static correlationId(options?: CorrelationIdOptions): ConsumerScopablePolicy {
    return correlationId(options);
  }
  /** bot-detection: refuse known bots by User-Agent. Not on consumers. */
  public static botDetection(options?: BotDetectionOptions): NoConsumerPolicy {
    return botDetection(options);
  }
  /**
   * Any other plugin by name with its raw snake_case config. UNVALIDATED: Kong reports mistakes at apply time.
   */
  public static custom(name: string, config?: Record<string, unknown>): ConsumerScopablePolicy {
    return custom(name, config);
  }

  private constructor() {}
}
