// The public API of lib/gateway: every export named. Internal helpers and tables stay in their modules.
export { KongGateway } from "./gateway";
export type { KongGatewayProps } from "./gateway";
export type { IKongGateway } from "./gateway-base";
export type { KongGatewayImportProps } from "./imported-gateway";
export type { KongProviderOptions } from "./kong-provider";
export type { IGatewayContext } from "./context";
export type { IGatewayEntity } from "./entity";
export type { IPluginScope } from "./plugin-host";
export type { NameRegistry } from "../core/registry";
export { AdminCredentials } from "./admin-credentials";
export { AdminApiRoute } from "./admin-api-route";
export type { AdminApiRouteProps } from "./admin-api-route";

export { GatewayService } from "./service";
export type { GatewayServiceProps, GatewayServiceAttributes, IGatewayService, ServiceProtocol } from "./service";
export { GatewayRoute } from "./route";
export type { GatewayRouteProps, RouteProtocol } from "./route";
export { GatewayUpstream } from "./upstream";
export type {
  GatewayUpstreamProps,
  UpstreamTargetProps,
  UpstreamHealthchecksProps,
  ActiveHealthcheck,
  PassiveHealthcheck,
  HashOn,
  HealthcheckType,
} from "./upstream";
export { GatewayConsumer } from "./consumer";
export type { GatewayConsumerProps } from "./consumer";
export type { ConsumerCredentialsSecretOptions } from "./credential-publisher";
export type { KeyAuthCredential, KeyAuthCredentialOptions } from "./credentials/key-auth";
export type { JwtAlgorithm, JwtCredentialOptions } from "./credentials/jwt";

export { Authentication } from "./authentication";
export type { AuthenticationMethod, KeyAuthMethodOptions, JwtMethodOptions, AuthenticationAccess, AttachedAuthentication } from "./authentication";
export { Plugin } from "./plugins/plugin";
export type { PluginPolicy, ConsumerScopablePolicy, NoConsumerPolicy } from "./plugins/plugin";
export type { AclOptions } from "./plugins/acl";
export type { BotDetectionOptions } from "./plugins/bot-detection";
export type { CorrelationIdGenerator, CorrelationIdOptions } from "./plugins/correlation-id";
export type { CorsMethod, CorsOptions } from "./plugins/cors";
export type { IpRestrictionOptions } from "./plugins/ip-restriction";
export type { JwtClaim, JwtOptions } from "./plugins/jwt";
export type { KeyAuthOptions } from "./plugins/key-auth";
export type { PrometheusOptions } from "./plugins/prometheus";
export type { CacheableMethod, ProxyCacheOptions, ResponsesIgnoreBody } from "./plugins/proxy-cache";
export type { RateLimitBy, RateLimitingOptions, RateLimitPolicyType } from "./plugins/rate-limiting";
export type { RedisOptions } from "./plugins/redis";
export { RateLimitCounters } from "./plugins/rate-limit-counters";
export type { IRedisConnection, PublishedCounters, RedisCountersOptions } from "./plugins/rate-limit-counters";
export type { RequestSizeLimitingOptions, SizeUnit } from "./plugins/request-size-limiting";
export type { ResponseRateLimitingOptions } from "./plugins/response-rate-limiting";
export type { Period, RateLimitWindows } from "./plugins/periods";
