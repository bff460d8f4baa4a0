/**
 * The API catalog as data: what `catalog.json` holds, and what the OpenAPI document, the Markdown catalog and the
 * topology diagram are rendered from. Every value is read from the constructs of an app at synth (the plugins
 * actually attached to each route, service, consumer and to the gateway; the resources of each workload), never a
 * secret: credentials appear only as the names of the Secrets and outputs that hold them.
 */

/** The version of the `catalog.json` format; it changes when a field changes meaning or goes away. */
export const CATALOG_FORMAT = 1;

/** The whole catalog of one gateway (an AiPlatform's environment). */
export interface CatalogData {
  readonly format: typeof CATALOG_FORMAT;
  /** Title of the documents, e.g. `ai (dev)`. */
  readonly title: string;
  /** The stack holding the gateway's Kong configuration. */
  readonly gatewayStack: string;
  /** How clients reach Kong's proxy; absent when the catalog was given no KongCluster. */
  readonly proxy?: ProxyInfo;
  /** Kong's own pods; absent without a KongCluster. */
  readonly kong?: KongInfo;
  /** Kong's PostgreSQL; absent without a KongCluster. */
  readonly database?: DatabaseInfo;
  /** Plugins attached to the gateway itself (every route and consumer). */
  readonly globalPlugins: readonly PluginRef[];
  /** One entry per Kong service with routes: a model (DetectionService), or a service added to the gateway directly. */
  readonly apis: readonly ApiEntry[];
  readonly consumers: readonly ConsumerEntry[];
}

export interface ProxyInfo {
  /** The Kubernetes Service type of Kong's proxy: LoadBalancer, ClusterIP or NodePort. */
  readonly type: string;
  /** A fixed address (the load balancer's `ip`); absent when the cloud or the cluster assigns it. */
  readonly address?: string;
  /** The proxy's in-cluster DNS name. */
  readonly inClusterHost: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Client networks the load balancer admits; absent: every address. */
  readonly sourceRanges?: readonly string[];
  /** The host names of the certificate the proxy serves (`ProxyTls`); absent without one. */
  readonly tlsHosts?: readonly string[];
  /** The Terraform output with the address clients call, e.g. `kong_proxy_address`, and its stack. */
  readonly addressOutput: { readonly stack: string; readonly name: string };
}

export interface KongInfo {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly replicas: ReplicaInfo;
}

export interface DatabaseInfo {
  /** `in-cluster` (a StatefulSet next to Kong) or `external` (a managed or existing server). */
  readonly kind: "in-cluster" | "external";
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly ssl: boolean;
}

/** How many pods run: a fixed count (min = max) or an autoscaler's range. */
export interface ReplicaInfo {
  readonly min: number;
  readonly max: number;
  readonly autoscaled: boolean;
  /** The autoscaler's CPU target, percent of the request. */
  readonly cpuTargetPercent?: number;
}

/** A plugin and where it is attached. */
export interface PluginRef {
  readonly name: string;
  readonly scope: PluginScope;
}

/** Where a plugin is attached; for a route, the most specific scope wins (Kong: route, then service, then global). */
export type PluginScope = "route" | "service" | "global" | "consumer";

export interface ApiEntry {
  /** The model's name, or the Kong service's name: the OpenAPI tag. */
  readonly name: string;
  /**
   * `model` (a DetectionService), `service` (added to the gateway directly) or `admin` (Kong's Admin API published
   * through the proxy for the platform's operators: in the catalog and topology, not in the clients' OpenAPI).
   */
  readonly kind: "model" | "service" | "admin";
  readonly service: ServiceInfo;
  /** The model's stable Deployment. */
  readonly workload?: WorkloadInfo;
  /** The model's canary Deployment, with its share of the traffic. */
  readonly canary?: WorkloadInfo & { readonly weightPercent: number };
  readonly upstream?: UpstreamInfo;
  readonly routes: readonly RouteEntry[];
}

export interface ServiceInfo {
  readonly name: string;
  /** Protocol Kong speaks to the backend. */
  readonly protocol: string;
  /** The backend: the model VIP's DNS name, or an upstream's name. */
  readonly host: string;
  /** The port, or a Terraform reference's expression (`${var.port}`). */
  readonly port: number | string;
  /** Plugins attached to the service. */
  readonly plugins: readonly string[];
}

export interface WorkloadInfo {
  readonly namespace: string;
  readonly deployment: string;
  readonly image: string;
  readonly replicas: ReplicaInfo;
  /** GPUs per pod, e.g. `{ count: 1, resource: "nvidia.com/gpu" }`. */
  readonly gpus?: { readonly count: number; readonly resource: string };
}

export interface UpstreamInfo {
  readonly name: string;
  /** Each target's weight (or a Terraform reference's expression) and share of requests (absent when a weight is a reference). */
  readonly targets: readonly { readonly target: string; readonly weight: number | string; readonly percent?: number }[];
  readonly healthChecks: HealthCheckInfo;
}

export interface HealthCheckInfo {
  /** Kong probes each target (`GET path` every `healthyIntervalSeconds`); absent: no active probes. */
  readonly active?: {
    readonly type: string;
    readonly path: string;
    readonly healthyIntervalSeconds: number;
    readonly unhealthyIntervalSeconds: number;
  };
  /** Kong watches proxied traffic and disables a target after failures; absent: circuit breaker off. */
  readonly passive?: { readonly httpFailures: number; readonly timeouts: number; readonly tcpFailures: number };
}

export interface RouteEntry {
  /** The Kong route name. */
  readonly name: string;
  readonly protocols: readonly string[];
  /** Path prefixes; `~` paths (regexes) are in `regexPaths`. Empty: every path. */
  readonly paths: readonly string[];
  readonly regexPaths: readonly string[];
  /** Methods the route matches; absent: every method. */
  readonly methods?: readonly string[];
  /** Host names the route answers to; empty: any host. */
  readonly hosts: readonly string[];
  /** Request headers the route requires (name -> accepted values). */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly stripPath: boolean;
  readonly authentication: AuthenticationInfo;
  readonly acl?: AclInfo;
  readonly rateLimit?: RateLimitInfo;
  readonly requestSizeLimit?: RequestSizeInfo;
  readonly cors?: CorsInfo;
  readonly cache?: CacheInfo;
  /** The response header in which Kong's correlation-id plugin echoes the request's id. */
  readonly requestIdHeader?: string;
  /** Every plugin that applies to the route, with the scope it comes from (the most specific one). */
  readonly plugins: readonly PluginRef[];
}

/** A way to present a credential, as Kong reads it. */
export interface CredentialLocation {
  readonly in: "header" | "query" | "cookie" | "body";
  readonly name: string;
  /** `bearer` for `Authorization: Bearer <token>` (jwt), `basic` for HTTP basic. */
  readonly scheme?: "bearer" | "basic";
}

export interface CatalogAuthMethod {
  /** The plugin, e.g. `key-auth`, `jwt`. */
  readonly plugin: string;
  readonly scope: PluginScope;
  /** Where the credential may be sent: any one of them. */
  readonly locations: readonly CredentialLocation[];
  /** The plugin lets requests without its credential through as the anonymous consumer (Kong's `anonymous`). */
  readonly anonymous: boolean;
  /** The plugin also authenticates CORS preflights (OPTIONS) that no cors plugin answers. */
  readonly runOnPreflight: boolean;
  /** jwt: the registered claims Kong verifies, which a token must therefore carry (`exp`, `nbf`). */
  readonly claimsVerified?: readonly string[];
}

/**
 * Kong's semantics of several authentication plugins: each plugin without `anonymous` must succeed (AND); of those
 * with `anonymous`, one credential suffices (OR), and the anonymous consumer is refused by an ACL that does not allow it.
 */
export interface AuthenticationInfo {
  /**
   * `none` (public), `all` (every method), `any` (one method suffices), `mixed` (the methods without `anonymous` are
   * required; the others add nothing).
   */
  readonly mode: "none" | "all" | "any" | "mixed";
  readonly methods: readonly CatalogAuthMethod[];
  /** A request without any credential is admitted (no authentication, or anonymous and no ACL refusing it). */
  readonly anonymousAdmitted: boolean;
}

export interface AclInfo {
  readonly scope: PluginScope;
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
}

export interface RateLimitInfo {
  readonly scope: PluginScope;
  /** Limits per window, shortest first, e.g. `[{ window: "second", limit: 10 }]`. */
  readonly windows: readonly { readonly window: string; readonly limit: number }[];
  /** What is counted: `consumer`, `credential`, `ip`, `service`, `header`, `path`. */
  readonly limitBy: string;
  /** Where counters live: `local` (per Kong pod), `cluster` (Kong's database), `redis`. */
  readonly policy: string;
  /** Status of rejected requests (Kong's default 429). */
  readonly errorCode: number;
  readonly errorMessage: string;
  /** Kong sends the RateLimit-* and X-RateLimit-* headers (and Retry-After on rejection). */
  readonly clientHeaders: boolean;
}

export interface RequestSizeInfo {
  readonly scope: PluginScope;
  /** The largest body, in bytes. */
  readonly bytes: number;
  /** As configured, e.g. `10 megabytes`. */
  readonly size: number;
  readonly unit: string;
  /** Requests without Content-Length (and not chunked) get 411. */
  readonly requireContentLength: boolean;
}

/** Kong's proxy-cache on a route: which answers it keeps, for how long, and what it tells the client. */
export interface CacheInfo {
  readonly scope: PluginScope;
  /** Request methods whose answers are cached. */
  readonly methods: readonly string[];
  readonly responseCodes: readonly number[];
  readonly contentTypes: readonly string[];
  readonly ttlSeconds: number;
  /** Honours Cache-Control (RFC 7234): `no-store`, `private` and `max-age` of requests and answers. */
  readonly cacheControl: boolean;
  /** Request headers and query parameters in the key besides consumer, method and path (query: all when absent). */
  readonly varyHeaders: readonly string[];
  readonly varyQueryParams?: readonly string[];
  /** The headers Kong adds to answers: X-Cache-Status, X-Cache-Key, Age (those its config leaves on). */
  readonly responseHeaders: readonly string[];
}

export interface CorsInfo {
  readonly scope: PluginScope;
  /** Allowed origins (`*` or regexes); empty: every origin. */
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly exposedHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAgeSeconds?: number;
  /** Kong answers preflights itself (false) or passes them to the backend (true). */
  readonly preflightContinue: boolean;
  /**
   * The route matches OPTIONS, so browsers' preflights reach the cors plugin; when false they get 404 from Kong and
   * cross-origin calls fail in a browser.
   */
  readonly preflightRouted: boolean;
}

export interface ConsumerEntry {
  /** The name Kong knows the consumer by (username, else custom_id). */
  readonly name: string;
  readonly username?: string;
  readonly customId?: string;
  readonly groups: readonly string[];
  readonly credentials: readonly CredentialInfo[];
  /** The consumer's own rate limit: Kong uses it instead of a route's or service's for this consumer. */
  readonly rateLimit?: RateLimitInfo;
  /** Plugins attached to the consumer. */
  readonly plugins: readonly string[];
  /** APIs whose ACL admits one of the consumer's groups (or that authenticate without an ACL). */
  readonly apis: readonly string[];
}

/** One credential of a consumer and where its values are published (never the values). */
export interface CredentialInfo {
  /** `key-auth`, `jwt`, `basic-auth`, `oauth2`, ... */
  readonly kind: string;
  /** The credential's construct id, e.g. `KeyAuth`. */
  readonly id: string;
  readonly published: readonly PublishedValue[];
}

export interface PublishedValue {
  /** The data key, e.g. `key-auth`, `jwt-secret`. */
  readonly key: string;
  /** The Kubernetes Secret holding it. */
  readonly secret?: { readonly namespace: string; readonly name: string };
  /** The sensitive Terraform output holding it. */
  readonly output?: { readonly stack: string; readonly name: string };
}
