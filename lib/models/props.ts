import type { Authentication } from "../gateway/authentication";
import type { IKongGateway } from "../gateway/gateway-base";
import type { PluginPolicy } from "../gateway/plugins/plugin";
import type { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import type { Rollout } from "../kubernetes/rollout";
import type { Scaling } from "../kubernetes/scaling";
import type { Vip } from "../kubernetes/vip";
import type { IKongProxyPeer } from "./model-isolation";

/** How clients (through Kong) talk to a model server. */
export type ModelProtocol = "http" | "grpc";

/** GPUs for a model: `nvidia.com/gpu` limits plus what it takes to land on a GPU node. */
export interface ModelGpu {
  /** Whole GPUs per pod (the NVIDIA device plugin cannot share fractions). */
  readonly count: number;
  /** Extended resource name. @default "nvidia.com/gpu" */
  readonly resourceName?: string;
  /** Node selector for GPU nodes. @default { "nvidia.com/gpu.present": "true" } (NVIDIA GPU feature discovery) */
  readonly nodeSelector?: Record<string, string>;
  /** Taint key that GPU nodes carry and the pods tolerate (effect NoSchedule). @default the resource name */
  readonly tolerationKey?: string;
}

/** CPU, memory and GPU requests and limits of one model pod. */
export interface ModelResources {
  /** CPU request. @default "500m" */
  readonly cpu?: string;
  /** Memory request, and the memory limit (a model that outgrows it is restarted, not the node). @default "1Gi" */
  readonly memory?: string;
  /** CPU limit. @default none: CPU is throttled only by the request's share, not capped */
  readonly cpuLimit?: string;
  /** GPUs. @default none */
  readonly gpu?: ModelGpu;
}

/** Health checks aware of slow model loading. */
export interface ModelProbes {
  /** HTTP path (http models) that answers 200 once the model is loaded. @default "/ready" */
  readonly readinessPath?: string;
  /** HTTP path that answers 200 while the process is healthy. @default "/healthz" */
  readonly livenessPath?: string;
  /** HTTP path polled until the model has loaded; liveness starts only after it succeeds. @default readinessPath */
  readonly startupPath?: string;
  /** Longest time a model may take to load before the pod is restarted, in seconds. @default 600 */
  readonly startupTimeoutSeconds?: number;
  /** gRPC health service name (grpc models use the standard gRPC health protocol). @default "" (the server) */
  readonly grpcService?: string;
}

/** A Kong route to the model. */
export interface ModelRoute {
  /**
   * The route's name, unique within the model (a DNS-1123 label): its construct id and the suffix of its Kong name
   * (`<model>-<name>`). Name routes whose paths may change: the name, not the position in the list, keeps the Kong
   * route (and its Terraform address) when routes are added, removed or reordered.
   * @default derived from the first path: "/v1/face-detection" -> "v1-face-detection"; a model's only route, when
   * unnamed, keeps the model's name in Kong
   */
  readonly name?: string;
  /** Request paths (prefixes, or regexes starting with "~"), e.g. ["/v1/face-detection"]. */
  readonly paths: string[];
  /**
   * HTTP methods (http models only: a gRPC model refuses them). Under a cors policy (the model's `plugins` or the
   * route's) they must include "OPTIONS", or a browser's preflight would match no route.
   * @default ["POST"] (inference takes an upload); ["POST", "OPTIONS"] under a cors policy
   */
  readonly methods?: string[];
  /** Host names the route answers to. @default any host */
  readonly hosts?: string[];
  /** Strip the matched path before proxying (a gRPC model refuses `true`). @default true for http, false for gRPC */
  readonly stripPath?: boolean;
  /** Policies on this route only, on top of the model's (e.g. a tighter rate limit for a batch endpoint). @default none */
  readonly plugins?: PluginPolicy[];
}

/** Per-consumer request limits enforced by Kong's rate-limiting plugin. */
export interface ModelRateLimit {
  readonly second?: number;
  readonly minute?: number;
  readonly hour?: number;
  readonly day?: number;
  /**
   * Where Kong counts, and so whether a limit of N admits about N across all Kong pods (`RateLimitCounters.cluster()`:
   * Kong's PostgreSQL, a read and a write per request and window; `RateLimitCounters.redis(redis)`: one Redis round
   * trip) or N per pod (`RateLimitCounters.local()`).
   * @default RateLimitCounters.cluster(); in an AiPlatform with a `redis`, RateLimitCounters.redis(that Redis)
   */
  readonly counters?: RateLimitCounters;
}

/** A second model version receiving part of the traffic. */
export interface ModelCanary {
  /** The new version's image (pinned). */
  readonly image: string;
  /**
   * Percent of requests for the canary, 0..100. 100 sends every request to the canary (the first step of a
   * promotion); 0 sends none (a drained canary, e.g. to roll back at once). A version with no share is left out of
   * the upstream rather than given a weight of 0.
   */
  readonly weightPercent: number;
  /** Percent for the stable version. If given, it and `weightPercent` must add up to 100. @default 100 - weightPercent */
  readonly stableWeightPercent?: number;
  /**
   * How many canary pods run.
   * @default the stable version's `scaling`: its own autoscaler (and disruption budget when it starts with more than
   * one pod) with the same bounds, so the canary carries whatever share it is given, up to all of the traffic
   */
  readonly scaling?: Scaling;
}

/** The status an https-only route answers plain HTTP with (Kong's `https_redirect_status_code`). */
export type HttpsRedirectStatusCode = 426 | 301 | 302 | 307 | 308;

/** A model server that terminates TLS itself: Kong connects to it over `https` and verifies its certificate. */
export interface ModelServerTls {
  /**
   * A Kubernetes TLS Secret in the model's namespace (keys `tls.crt`, `tls.key`) with the server's certificate,
   * mounted read-only at `/etc/model-tls/` (configure the server to read `tls.crt` and `tls.key` there). Its
   * certificate must name the VIP's DNS name `<name>.<namespace>.svc.cluster.local` (and `<name>-canary....` with a
   * canary), the name Kong verifies.
   */
  readonly secretName: string;
  /**
   * Kong verifies the server's certificate against the KongCluster's `upstreamCaCertificate` (which must be set).
   * `false` encrypts without verifying: anyone able to answer for the VIP could read the traffic.
   * @default true
   */
  readonly verify?: boolean;
}

/** Pods allowed to scrape a model's metrics: those of a namespace, or of it with these labels. */
export interface ModelMetricsScraper {
  /** Namespace of the scraper, e.g. "monitoring". */
  readonly namespace: string;
  /** Labels of the scraper's pods. @default every pod of the namespace */
  readonly podLabels?: Record<string, string>;
}

/** Prometheus metrics the model server exposes over HTTP. */
export interface ModelMetrics {
  /** Port of the metrics endpoint. @default the model's port */
  readonly port?: number;
  /** Path of the metrics endpoint. @default "/metrics" */
  readonly path?: string;
  /**
   * Who may scrape, admitted on the metrics port by the model's NetworkPolicy. Required when the metrics share the
   * model's port: admitting a pod there lets it call the model without Kong.
   * @default on a port of its own: any pod (the port serves only metrics, like Kong's status port)
   */
  readonly scrapers?: ModelMetricsScraper[];
}

/** A service that is reachable without authentication must say why. */
export interface ModelPublicAccess {
  /** Why this model needs no credentials (kept as an annotation for reviewers). */
  readonly reason: string;
}

export interface DetectionServiceProps {
  /** Model name: a DNS-1123 label of at most 40 characters; names the Deployment, VIP and Kong service. */
  readonly name: string;
  /** Namespace the model runs in (must exist). */
  readonly namespace: string;
  /** Container image, pinned by digest or an explicit tag (`latest` and friends are rejected). */
  readonly image: string;
  /** The gateway the model is registered in: a KongGateway, or one configured elsewhere (`KongGateway.fromAdminUrl`). */
  readonly gateway: IKongGateway;
  /** Kong's proxy pods, the only peers allowed to reach the model (a KongCluster). */
  readonly kong: IKongProxyPeer;
  /** Port the model server listens on. @default 8080 */
  readonly port?: number;
  /** Protocol of the model server. @default "http" */
  readonly protocol?: ModelProtocol;
  /**
   * How many pods run: `Scaling.cpu({ minReplicas, maxReplicas, targetPercent, memoryTargetPercent? })` (an autoscaler
   * owns the count; Terraform ignores the drift it causes) or `Scaling.fixed(n)`.
   * @default Scaling.cpu({ minReplicas: 2, maxReplicas: 5, targetPercent: 70 })
   */
  readonly scaling?: Scaling;
  /** Requests, limits and GPUs. @default { cpu: "500m", memory: "1Gi" }, no GPU */
  readonly resources?: ModelResources;
  /** Plain environment variables (no secrets: use `secrets`). @default none */
  readonly env?: Record<string, string>;
  /** ConfigMaps whose keys become environment variables. @default none */
  readonly configMaps?: string[];
  /** Secrets whose keys become environment variables. @default none */
  readonly secrets?: string[];
  /** Model-loading aware probes. @default readiness "/ready", liveness "/healthz", startup = readiness, 600 s to load */
  readonly probes?: ModelProbes;
  /**
   * Longest a node may take to pull the image, in whole seconds (30..3600). With the load time
   * (`probes.startupTimeoutSeconds`) it makes the Deployment's progress deadline and Terraform's wait, so a model that
   * uses its whole allowance is not declared stuck: raise it for a very large image or a slow registry.
   * @default 180; 600 with `resources.gpu` (GPU images weigh several gigabytes)
   */
  readonly imagePullSeconds?: number;
  /**
   * The model's VIP (its Service): `Vip.clusterIp({ port? })`, reachable only inside the cluster (through Kong), or
   * `Vip.loadBalancer({ sourceRanges, ip?, annotations?, port? })` for a team granted direct access (the
   * NetworkPolicy admits `sourceRanges` too).
   * @default Vip.clusterIp() on port 80
   */
  readonly vip?: Vip;
  /** UID (and GID) the container runs as; never root. @default 10001 */
  readonly runAsUser?: number;
  /** Kong routes, at least one. @default [{ paths: ["/v1/<name>"] }] (POST only, named "v1-<name>", Kong name `<name>`) */
  readonly routes?: ModelRoute[];
  /**
   * How clients authenticate: `Authentication.keyAuth()`, `.jwt()`, `.anyOf(...)` (any one credential suffices) or
   * `.allOf(...)` (every one is required). An ACL after it admits `allowedGroups` only. Not with `public`.
   * @default the AiPlatform's `authentication`, else Authentication.keyAuth() (an `apikey` header)
   */
  readonly authentication?: Authentication;
  /** Consumer groups allowed to call the model (ACL). @default [name] */
  readonly allowedGroups?: string[];
  /**
   * Per-consumer rate limit (per client IP for a public model), or `false` for none.
   * @default { second: 20, minute: 600 }, counted across all Kong pods (`counters`: RateLimitCounters.cluster(), or
   * the AiPlatform's Redis)
   */
  readonly rateLimit?: ModelRateLimit | false;
  /** Largest request body, in megabytes (image uploads). @default 10 */
  readonly maxPayloadMegabytes?: number;
  /**
   * Declare the model callable without credentials, the only unauthenticated path; a reason is required.
   * @default authenticated (`authentication` + ACL)
   */
  readonly public?: ModelPublicAccess;
  /** More plugin policies for the model's Kong service. @default none */
  readonly plugins?: PluginPolicy[];
  /** A second version receiving a share of the traffic through a Kong upstream. @default none */
  readonly canary?: ModelCanary;
  /** Kong service timeouts in milliseconds (inference can be slow). @default 60000 each */
  readonly timeoutMs?: number;
  /**
   * The model's routes accept HTTPS only (`grpcs` for a gRPC model): a plain-HTTP request is answered with
   * `httpsRedirectStatusCode` before any plugin runs, so a key never travels in clear text to a working endpoint.
   * Needs a certificate on Kong's proxy (the KongCluster's `tls`), which must name every route host.
   * @default false: http and https (AiPlatform sets it whenever its Kong has `tls`, unless `plainHttp`)
   */
  readonly httpsOnly?: boolean;
  /**
   * What an https-only route answers plain HTTP with: 426 (Upgrade Required; the client must retry over HTTPS
   * itself), or a redirect to `https://<host><path>`: 308 / 307 keep the method and body, 301 / 302 turn a POST
   * into a GET. Only with `httpsOnly` (and not on a gRPC model, which plain HTTP never reaches).
   * @default 426
   */
  readonly httpsRedirectStatusCode?: HttpsRedirectStatusCode;
  /** The model server terminates TLS: Kong connects over `https`. HTTP models only. @default none: plain HTTP in the cluster */
  readonly serverTls?: ModelServerTls;
  /**
   * How a new version replaces the pods (stable and canary): `Rollout.surge({ maxSurge?, maxUnavailable? })`,
   * `Rollout.replace({ maxUnavailable? })` or `Rollout.recreate()`.
   * @default `Rollout.replace()` for a GPU model (stop one pod, then start its replacement: needs no spare GPU; one
   * pod less while it loads), `Rollout.surge()` otherwise (start one pod more, then stop an old one)
   */
  readonly rollout?: Rollout;
  /**
   * Prometheus metrics of the model server: scrape annotations on its pods (`prometheus.io/scrape`, `/port`,
   * `/path`), a container port `metrics` when they have a port of their own, and the scrapers' admission.
   * @default none: the model exposes no metrics (Kong's metrics of the model's traffic are there regardless)
   */
  readonly metrics?: ModelMetrics;
}
