// Strict props (issue 12) wired into every options object: one row per interface of the public API, a misspelt key in
// it, and the exact message. A new options interface gets its knownKeys list (tsc asks for it) and a row here.
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import {
  AdminApiRoute, AdminEndpoint, AiPlatform, ApiCatalog, Authentication, CertificateReload, DefaultDenyIngress, DetectionService, ExistingPostgres, ExistingRedis,
  GatewayService, InClusterPostgres, InClusterRedis, KongCluster, KongDatabase, KongGateway, KongProxyPeer, ModelIsolation, PlatformAttachment,
  PlatformDatabase, PlatformRedis, Plugin, PostgresBackup, ProxyEndpoint, ProxyTls, RateLimitCounters, Rollout, Scaling, StateBackend, TeamApp, Vip,
} from "../../lib";
import { Problems } from "../../lib/core/errors";
import { errorOf } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- misspelt options are passed on purpose */

const stack = () => { const s = new TerraformStack(Testing.app(), "s"); new KubernetesProvider(s, "k8s", {}); return s; };
const gw = () => new KongGateway(stack(), "gw", { adminUrl: "http://kong-admin:8001" });
const svc = () => gw().addService("svc", { host: "a.local" });
const KONG = { namespace: "kong", proxySelectorLabels: { app: "kong" } };
const model = (o: object) => { const g = gw(); return new DetectionService(g.stack, "m", { name: "m", namespace: "models", image: "r.local/m:1.0.0", gateway: g, kong: KONG, ...o } as any); };
const db = (s: TerraformStack) => new InClusterPostgres(s, "db", { namespace: "kong" });
const cluster = (o: object) => { const s = stack(); return new KongCluster(s, "kong", { namespace: "kong", database: db(s), ...o } as any); };
const platform = (o: object) => new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() }, ...o } as any);
const attach = (o: object = {}) => ({ formatVersion: 1, platform: "ai", environment: "dev", team: "vision", namespace: "team-vision", namePrefix: "vision-", pathPrefix: "/v1/vision/", aclGroups: ["vision"], kongAdminUrl: "http://kong-admin.kong.svc.cluster.local:8001", kongAdminPortForward: "kubectl", kongAdminCredentials: { kind: "none" }, kongProxy: KONG, clientTransport: { httpsOnly: true, httpsRedirectStatusCode: 426 }, rateLimitCounters: { policy: "cluster" }, ...o });
const withPolicy = (p: any) => svc().addPlugin(p);
/** Runs an endpoint's own validation and throws what it found (KongCluster would, with more problems of its own). */
const validated = (endpoint: { validate(v: Problems, field: string): boolean }, field: string) => {
  const v = new Problems("s/kong");
  endpoint.validate(v, field);
  v.throwIfAny();
};

const EVERY_OPTIONS_OBJECT: [string, () => unknown, string][] = [
  [
    "KongGatewayProps",
    () => new KongGateway(stack(), "gw", { adminUrl: "http://kong-admin:8001", workspce: "x" } as any),
    '[s/gw] workspce ("x") is an unknown option; did you mean "workspace"?',
  ],
  [
    "KongGatewayImportProps",
    () => KongGateway.fromAdminUrl(stack(), "gw", { adminUrl: "http://kong-admin:8001", tlsSkipVerfy: true } as any),
    '[s/gw] tlsSkipVerfy (true) is an unknown option; did you mean "tlsSkipVerify"?',
  ],
  [
    "GatewayServiceProps",
    () => gw().addService("s", { host: "a.local", retry: 3 } as any),
    '[s/gw/s] retry (3) is an unknown option; did you mean "retries"?',
  ],
  [
    "GatewayServiceAttributes",
    () => { const g = gw(); GatewayService.fromServiceAttributes(g.stack, "imp", { serviceId: "6f1c1b4e-2d1a-4c55-9a3e-1b2c3d4e5f60", name: "x", service: 1 } as any); },
    '[s/imp] service (1) is an unknown option; did you mean "serviceId"?',
  ],
  [
    "GatewayRouteProps",
    () => svc().addRoute("r", { paths: ["/a"], method: ["GET"] } as any),
    '[s/gw/svc/r] method (["GET"]) is an unknown option; did you mean "methods"?',
  ],
  [
    "GatewayUpstreamProps",
    () => gw().addUpstream("u", { hashon: "ip" } as any),
    '[s/gw/u] hashon ("ip") is an unknown option; did you mean "hashOn"?',
  ],
  [
    "UpstreamTargetProps",
    () => gw().addUpstream("u").addTarget("t", { target: "10.0.0.1:80", weigth: 10 } as any),
    '[s/gw/u] targets.t.weigth (10) is an unknown option; did you mean "weight"?',
  ],
  [
    "UpstreamHealthchecksProps",
    () => gw().addUpstream("u", { healthchecks: { activ: {} } } as any),
    '[s/gw/u] healthchecks.activ ({}) is an unknown option; did you mean "active"?',
  ],
  [
    "ActiveHealthcheck",
    () => gw().addUpstream("u", { healthchecks: { active: { timeout: 5 } } } as any),
    '[s/gw/u] healthchecks.active.timeout (5) is an unknown option; did you mean "timeoutSeconds"?',
  ],
  [
    "ActiveHealthcheck.healthy",
    () => gw().addUpstream("u", { healthchecks: { active: { healthy: { interval: 5 } } } } as any),
    '[s/gw/u] healthchecks.active.healthy.interval (5) is an unknown option; did you mean "intervalSeconds"?',
  ],
  [
    "ActiveHealthcheck.unhealthy",
    () => gw().addUpstream("u", { healthchecks: { active: { unhealthy: { httpStatus: [500] } } } } as any),
    '[s/gw/u] healthchecks.active.unhealthy.httpStatus ([500]) is an unknown option; did you mean "httpStatuses"?',
  ],
  [
    "PassiveHealthcheck",
    () => gw().addUpstream("u", { healthchecks: { passive: { kind: "http" } } } as any),
    '[s/gw/u] healthchecks.passive.kind ("http") is an unknown option; the options are type, healthy, unhealthy',
  ],
  [
    "PassiveHealthcheck.healthy",
    () => gw().addUpstream("u", { healthchecks: { passive: { healthy: { success: 1 } } } } as any),
    '[s/gw/u] healthchecks.passive.healthy.success (1) is an unknown option; did you mean "successes"?',
  ],
  [
    "PassiveHealthcheck.unhealthy",
    () => gw().addUpstream("u", { healthchecks: { passive: { unhealthy: { timeout: 1 } } } } as any),
    '[s/gw/u] healthchecks.passive.unhealthy.timeout (1) is an unknown option; did you mean "timeouts"?',
  ],
  [
    "GatewayConsumerProps",
    () => gw().addConsumer("c", { username: "c", aclGroup: ["a"] } as any),
    '[s/gw/c] aclGroup (["a"]) is an unknown option; did you mean "aclGroups"?',
  ],
  [
    "ConsumerCredentialsSecretOptions",
    () => gw().addConsumer("c", { username: "c", credentialsSecret: { namespace: "apps", nam: "x" } } as any),
    '[s/gw/c] credentialsSecret.nam ("x") is an unknown option; did you mean "name"?',
  ],
  [
    "KeyAuthCredentialOptions",
    () => gw().addConsumer("c", { username: "c", keyAuth: { lenght: 40 } } as any),
    '[s/gw/c] keyAuth.lenght (40) is an unknown option; did you mean "length"?',
  ],
  [
    "JwtCredentialOptions",
    () => gw().addConsumer("c", { username: "c", jwt: { algorithim: "HS256" } } as any),
    '[s/gw/c] jwt.algorithim ("HS256") is an unknown option; did you mean "algorithm"?',
  ],
  [
    "KeyAuthOptions",
    () => withPolicy(Plugin.keyAuth({ keyName: ["apikey"] } as any)),
    '[s/gw/svc] keyAuth.keyName (["apikey"]) is an unknown option; did you mean "keyNames"?',
  ],
  [
    "JwtOptions",
    () => withPolicy(Plugin.jwt({ claimsToVerfy: ["exp"] } as any)),
    '[s/gw/svc] jwt.claimsToVerfy (["exp"]) is an unknown option; did you mean "claimsToVerify"?',
  ],
  [
    "AclOptions",
    () => withPolicy(Plugin.acl({ allowed: ["a"] } as any)),
    ['[s/gw/svc] acl.allowed (["a"]) is an unknown option; did you mean "allow"?', "[s/gw/svc] acl.allow (undefined) or deny must list at least one group: Kong accepts exactly one of allow or deny"].join("\n"),
  ],
  [
    "RateLimitingOptions",
    () => withPolicy(Plugin.rateLimiting({ minutes: 5 } as any)),
    ['[s/gw/svc] rateLimiting.minutes (5) is an unknown option; did you mean "minute"?', "[s/gw/svc] rateLimiting.second (undefined) must set at least one window: second, minute, hour, day, month, year"].join("\n"),
  ],
  [
    "RedisOptions",
    () => withPolicy(Plugin.rateLimiting({ second: 5, policy: "redis", redis: { host: "redis.local", pasword: "x" } } as any)),
    '[s/gw/svc] rateLimiting.redis.pasword ("<redacted>") is an unknown option; did you mean "password"?',
  ],
  [
    "ResponseRateLimitingOptions",
    () => withPolicy(Plugin.responseRateLimiting({ limits: { tokens: { minute: 5 } }, headerNme: "x" } as any)),
    '[s/gw/svc] responseRateLimiting.headerNme ("x") is an unknown option; did you mean "headerName"?',
  ],
  [
    "RateLimitWindows (response-ratelimiting limits)",
    () => withPolicy(Plugin.responseRateLimiting({ limits: { tokens: { minutes: 5 } } } as any)),
    ['[s/gw/svc] responseRateLimiting.limits.tokens.minutes (5) is an unknown option; did you mean "minute"?', "[s/gw/svc] responseRateLimiting.limits.tokens (undefined) must set at least one window: second, minute, hour, day, month, year"].join("\n"),
  ],
  [
    "CorsOptions",
    () => withPolicy(Plugin.cors({ origin: ["*"] } as any)),
    '[s/gw/svc] cors.origin (["*"]) is an unknown option; did you mean "origins"?',
  ],
  [
    "IpRestrictionOptions",
    () => withPolicy(Plugin.ipRestriction({ allow: ["10.0.0.0/8"], denied: ["10.1.0.0/16"] } as any)),
    '[s/gw/svc] ipRestriction.denied (["10.1.0.0/16"]) is an unknown option; the options are allow, deny, status, message',
  ],
  [
    "RequestSizeLimitingOptions",
    () => withPolicy(Plugin.requestSizeLimiting({ allowedPayloadSizeMb: 5 } as any)),
    '[s/gw/svc] requestSizeLimiting.allowedPayloadSizeMb (5) is an unknown option; did you mean "allowedPayloadSize"?',
  ],
  [
    "ProxyCacheOptions",
    () => withPolicy(Plugin.proxyCache({ cacheTTL: 60 } as any)),
    '[s/gw/svc] proxyCache.cacheTTL (60) is an unknown option; did you mean "cacheTtlSeconds"?',
  ],
  [
    "ResponsesIgnoreBody",
    () => withPolicy(Plugin.proxyCache({ requestMethod: ["POST"], responsesIgnoreBody: { reason: "the answer never depends on the body", why: 1 } } as any)),
    "[s/gw/svc] proxyCache.responsesIgnoreBody.why (1) is an unknown option; the options are reason",
  ],
  [
    "PrometheusOptions",
    () => withPolicy(Plugin.prometheus({ perconsumer: true } as any)),
    '[s/gw/svc] prometheus.perconsumer (true) is an unknown option; did you mean "perConsumer"?',
  ],
  [
    "CorrelationIdOptions",
    () => withPolicy(Plugin.correlationId({ header: "x" } as any)),
    '[s/gw/svc] correlationId.header ("x") is an unknown option; did you mean "headerName"?',
  ],
  [
    "BotDetectionOptions",
    () => withPolicy(Plugin.botDetection({ allowed: ["curl"] } as any)),
    '[s/gw/svc] botDetection.allowed (["curl"]) is an unknown option; did you mean "allow"?',
  ],
  [
    "CpuScalingOptions",
    () => model({ scaling: Scaling.cpu({ minReplica: 2 } as any) }),
    '[s/m] scaling.minReplica (2) is an unknown option; did you mean "minReplicas"?',
  ],
  [
    "ClusterIpVipOptions",
    () => model({ vip: Vip.clusterIp({ prot: 80 } as any) }),
    '[s/m] vip.prot (80) is an unknown option; did you mean "port"?',
  ],
  [
    "LoadBalancerVipOptions",
    () => model({ vip: Vip.loadBalancer({ sourceRanges: ["10.0.0.0/8"], sourceRange: ["x"] } as any) }),
    '[s/m] vip.sourceRange (["x"]) is an unknown option; did you mean "sourceRanges"?',
  ],
  [
    "SurgeRolloutOptions",
    () => model({ rollout: Rollout.surge({ maxSurges: 1 } as any) }),
    '[s/m] rollout.maxSurges (1) is an unknown option; did you mean "maxSurge"?',
  ],
  [
    "ReplaceRolloutOptions",
    () => model({ rollout: Rollout.replace({ maxUnavailble: 1 } as any) }),
    '[s/m] rollout.maxUnavailble (1) is an unknown option; did you mean "maxUnavailable"?',
  ],
  [
    "DetectionServiceProps",
    () => model({ maxPayloadMB: 5 }),
    '[s/m] maxPayloadMB (5) is an unknown option; did you mean "maxPayloadMegabytes"?',
  ],
  [
    "ModelResources",
    () => model({ resources: { gpus: 1 } }),
    '[s/m] resources.gpus (1) is an unknown option; did you mean "gpu"?',
  ],
  [
    "ModelGpu",
    () => model({ resources: { gpu: { count: 1, nodeSelectors: {} } } }),
    '[s/m] resources.gpu.nodeSelectors ({}) is an unknown option; did you mean "nodeSelector"?',
  ],
  [
    "ModelProbes",
    () => model({ probes: { readyPath: "/ready" } }),
    '[s/m] probes.readyPath ("/ready") is an unknown option; the options are readinessPath, livenessPath, startupPath, startupTimeoutSeconds, grpcService',
  ],
  [
    "ModelRoute",
    () => model({ routes: [{ paths: ["/a"], method: ["GET"] }] }),
    '[s/m] routes[0].method (["GET"]) is an unknown option; did you mean "methods"?',
  ],
  [
    "ModelRateLimit",
    () => model({ rateLimit: { second: 5, minutes: 50 } }),
    '[s/m] rateLimit.minutes (50) is an unknown option; did you mean "minute"?',
  ],
  [
    "ModelCanary",
    () => model({ canary: { image: "r.local/m:2.0.0", weightPercent: 10, weight: 10 } }),
    '[s/m] canary.weight (10) is an unknown option; did you mean "weightPercent"?',
  ],
  [
    "ModelPublicAccess",
    () => model({ public: { reason: "a public demo model for the website", reasons: [] } }),
    '[s/m] public.reasons ([]) is an unknown option; did you mean "reason"?',
  ],
  [
    "ModelMetrics",
    () => model({ metrics: { port: 9090, paths: "/metrics" } }),
    '[s/m] metrics.paths ("/metrics") is an unknown option; did you mean "path"?',
  ],
  [
    "ModelMetricsScraper",
    () => model({ metrics: { port: 9090, scrapers: [{ namespace: "monitoring", labels: {} }] } }),
    '[s/m] metrics.scrapers[0].labels ({}) is an unknown option; did you mean "podLabels"?',
  ],
  [
    "ModelIsolationProps",
    () => { const s = stack(); new ModelIsolation(s, "iso", { name: "m", namespace: "models", modelSelector: { app: "m" }, port: 80, kong: KONG, allowCidr: [] } as any); },
    '[s/iso] allowCidr ([]) is an unknown option; did you mean "allowCidrs"?',
  ],
  [
    "ModelIsolationProps.metrics",
    () => { const s = stack(); new ModelIsolation(s, "iso", { name: "m", namespace: "models", modelSelector: { app: "m" }, port: 80, kong: KONG, metrics: { port: 9090, scraper: [] } } as any); },
    '[s/iso] metrics.scraper ([]) is an unknown option; did you mean "scrapers"?',
  ],
  [
    "KongProxyPeerAttributes",
    () => KongProxyPeer.fromAttributes({ ...KONG, proxySelector: {} } as any),
    '[KongProxyPeer.fromAttributes] attrs.proxySelector ({}) is an unknown option; did you mean "proxySelectorLabels"?',
  ],
  [
    "DefaultDenyIngressProps",
    () => new DefaultDenyIngress(stack(), "deny", { namespace: "models", label: {} } as any),
    '[s/deny] label ({}) is an unknown option; did you mean "labels"?',
  ],
  [
    "KongClusterProps",
    () => cluster({ workers: 2 }),
    '[s/kong] workers (2) is an unknown option; did you mean "workerProcesses"?',
  ],
  [
    "ContainerResources",
    () => cluster({ resources: { request: {} } }),
    '[s/kong] resources.request ({}) is an unknown option; did you mean "requests"?',
  ],
  [
    "ResourceQuantities",
    () => cluster({ resources: { requests: { cpus: "1" } } }),
    '[s/kong] resources.requests.cpus ("1") is an unknown option; did you mean "cpu"?',
  ],
  [
    "SecretKeyRef",
    () => cluster({ envFromSecrets: { KONG_X: { name: "s", keys: "k" } } }),
    ['[s/kong] envFromSecrets.KONG_X.keys ("k") is an unknown option; did you mean "key"?', "[s/kong] envFromSecrets.KONG_X.key (undefined) is required: the key of the value of KONG_X in the Secret"].join("\n"),
  ],
  [
    "LoadBalancerProxyOptions",
    () => cluster({ proxy: ProxyEndpoint.loadBalancer({ sourceRange: [] } as any) }),
    '[s/kong] proxy.sourceRange ([]) is an unknown option; did you mean "sourceRanges"?',
  ],
  [
    "ProxyPorts (clusterIp)",
    () => cluster({ proxy: ProxyEndpoint.clusterIp({ httpsport: 443 } as any) }),
    '[s/kong] proxy.httpsport (443) is an unknown option; did you mean "httpsPort"?',
  ],
  [
    "NodePortProxyOptions",
    () => cluster({ proxy: ProxyEndpoint.nodePort({ externalTraffic: "Local" } as any) }),
    '[s/kong] proxy.externalTraffic ("Local") is an unknown option; did you mean "externalTrafficPolicy"?',
  ],
  [
    "ClusterIpAdminOptions",
    () => cluster({ admin: AdminEndpoint.clusterIp({ allow: [] } as any) }),
    '[s/kong] admin.allow ([]) is an unknown option; did you mean "allowFrom"?',
  ],
  [
    "ProxyRouteAdminOptions",
    () => validated(AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges: ["10.0.0.0/8"], paths: "/" } as any), "admin"),
    '[s/kong] admin.paths ("/") is an unknown option; did you mean "path"?',
  ],
  [
    "AdminPeer",
    () => cluster({ admin: AdminEndpoint.clusterIp({ allowFrom: [{ cidr: "10.0.0.0/8", ports: [] }] } as any) }),
    "[s/kong] admin.allowFrom[0].ports ([]) is an unknown option; the options are cidr, namespaceSelector, podSelector",
  ],
  [
    "InClusterPostgresProps",
    () => new InClusterPostgres(stack(), "db", { namespace: "kong", storage: "10Gi" } as any),
    '[s/db] storage ("10Gi") is an unknown option; did you mean "storageSize"?',
  ],
  [
    "PostgresBackupOptions",
    () => new InClusterPostgres(stack(), "db", { namespace: "kong", backup: { keeps: 3 } } as any),
    '[s/db] backup.keeps (3) is an unknown option; did you mean "keep"?',
  ],
  [
    "PostgresBackupProps",
    () => { const s = stack(); new PostgresBackup(s, "b", { database: db(s), namespace: "kong", name: "pg", image: "postgres:16.9", schedul: "x" } as any); },
    '[s/b] schedul ("x") is an unknown option; did you mean "schedule"?',
  ],
  [
    "ExistingPostgresProps",
    () => new ExistingPostgres(stack(), "db", { namespace: "kong", host: "pg.local", sslmode: "require" } as any),
    '[s/db] sslmode ("require") is an unknown option; did you mean "sslMode"?',
  ],
  [
    "KongDatabaseAttributes",
    () => KongDatabase.fromAttributes(stack(), "db", { host: "pg.local", passwordSecret: { name: "s", key: "k" }, database: "kong" } as any),
    '[s/db] database ("kong") is an unknown option; did you mean "databaseName"?',
  ],
  [
    "AiPlatformProps",
    () => platform({ enviroment: "dev" }),
    '[acme] enviroment ("dev") is an unknown option; did you mean "environment"?',
  ],
  [
    "AiPlatformNamespaces",
    () => platform({ namespaces: { model: "models" } }),
    '[acme] namespaces.model ("models") is an unknown option; did you mean "models"?',
  ],
  [
    "AiPlatformModelScale",
    () => platform({ modelScale: { minReplicas: 1, max: 2 } }),
    "[acme] modelScale.max (2) is an unknown option; the options are minReplicas, maxReplicas",
  ],
  [
    "AiPlatformKongProps (supplied)",
    () => platform({ kong: { proxy: ProxyEndpoint.clusterIp(), namespace: "x" } }),
    '[acme] kong.namespace ("x") is not an option here: the platform runs Kong in namespaces.kong',
  ],
  [
    "PlatformInClusterDatabaseProps (supplied)",
    () => platform({ database: PlatformDatabase.inCluster({ namespace: "x" } as any) }),
    "[acme] database.namespace (\"x\") is not an option here: the platform puts the database's objects in Kong's namespace (namespaces.kong)",
  ],
  [
    "ModelDefinition (supplied)",
    () => platform({}).addModel("m", { name: "m", image: "r.local/m:1.0.0", namespace: "x" } as any),
    '[acme-platform-dev/m] namespace ("x") is not an option here: the platform runs every model in namespaces.models',
  ],
  [
    "ConsumerDefinition (supplied)",
    () => platform({}).addConsumer("c", { username: "c", sensitiveOutputs: false } as any),
    "[acme-gateway-dev/gateway/c] sensitiveOutputs (false) is not an option here: the platform always exposes consumer credentials as sensitive outputs",
  ],
  [
    "AiPlatformCatalogOptions",
    () => platform({ catalog: { directry: "acme-dev" } }),
    '[acme] catalog.directry ("acme-dev") is an unknown option; did you mean "directory"?',
  ],
  [
    "ApiCatalogProps",
    () => { const g = gw(); return new ApiCatalog(g.stack, "catalog", { gateway: g, titel: "Models" } as any); },
    '[s/catalog] titel ("Models") is an unknown option; did you mean "title"?',
  ],
  [
    "PlatformTeamProps",
    () => platform({}).addTeam("vision", { namespaces: "x" } as any),
    '[acme-platform-dev/team-vision] namespaces ("x") is an unknown option; did you mean "namespace"?',
  ],
  [
    "TeamQuota",
    () => platform({}).addTeam("vision", { quota: { gpu: 1 } } as any),
    '[acme-platform-dev/team-vision] quota.gpu (1) is an unknown option; did you mean "gpus"?',
  ],
  [
    "TeamAdminCredentials",
    () => platform({}).addTeam("vision", { adminCredentials: { kind: "token", source: "vault:x", value: "x" } } as any),
    '[acme-platform-dev/team-vision] adminCredentials.value ("x") is an unknown option; the options are kind, source',
  ],
  [
    "PlatformAttachmentValues",
    () => PlatformAttachment.fromOutput(attach({ kongAdminURL: "x" })),
    '[PlatformAttachment.fromOutput] kongAdminURL ("x") is an unknown option; did you mean "kongAdminUrl"?',
  ],
  [
    "TeamAppProps",
    () => new TeamApp(Testing.app(), "vision", { platform: PlatformAttachment.fromOutput(attach()), stack: "x" } as any),
    '[vision] stack ("x") is an unknown option; did you mean "stackName"?',
  ],
  [
    "TeamModelDefinition (supplied)",
    () => new TeamApp(Testing.app(), "vision", { platform: PlatformAttachment.fromOutput(attach()) }).addModel("m", { name: "vision-m", image: "r.local/m:1.0.0", kong: KONG } as any),
    "[ai-team-vision-dev/m] kong ({\"namespace\":\"kong\",\"proxySelectorLabels\":{\"app\":\"kong\"}}) is not an option here: a team's models admit Kong's proxy pods (published by the platform)",
  ],
  [
    "LocalStateOptions",
    () => StateBackend.local({ dir: "x" } as any),
    '[StateBackend.local] dir ("x") is an unknown option; the options are directory',
  ],
  [
    "S3StateOptions",
    () => StateBackend.s3({ bucket: "b", region: "r", lockfile: true } as any),
    '[StateBackend.s3] lockfile (true) is an unknown option; did you mean "useLockfile"?',
  ],
  [
    "PgStateOptions",
    () => StateBackend.pg({ schema: "x" } as any),
    '[StateBackend.pg] schema ("x") is an unknown option; did you mean "schemaPrefix"?',
  ],
  [
    "InClusterRedisProps",
    () => new InClusterRedis(stack(), "redis", { namespace: "kong", img: "redis:7.2.7" } as any),
    '[s/redis] img ("redis:7.2.7") is an unknown option; the options are namespace, name, image, resources',
  ],
  [
    "ExistingRedisProps",
    () => new ExistingRedis(stack(), "redis", { host: "redis.local", tls: true } as any),
    "[s/redis] tls (true) is an unknown option; the options are host, port, passwordSecret, username, database, ssl, sslVerify, serverName, timeoutMs",
  ],
  [
    "PlatformInClusterRedisProps (supplied)",
    () => new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() }, redis: PlatformRedis.inCluster({ namespace: "x" } as any) }),
    "[acme] redis.namespace (\"x\") is not an option here: the platform runs Redis in Kong's namespace (namespaces.kong)",
  ],
  [
    "RedisCountersOptions",
    () => gw().addService("svc", { host: "a.local" }).addPlugin(Plugin.rateLimiting({ minute: 5, counters: RateLimitCounters.redis({ host: "redis.local" }, { syncRate: 1 } as any) })),
    '[s/gw/svc] rateLimiting.counters.syncRate (1) is an unknown option; did you mean "syncRateSeconds"?',
  ],
  [
    "ProxyTlsSecretOptions",
    () => validated(ProxyTls.fromSecret({ secretName: "tls", hosts: ["api.example.com"], host: "x" } as any), "tls"),
    '[s/kong] tls.host ("x") is an unknown option; did you mean "hosts"?',
  ],
  [
    "ManualReloadOptions",
    () => validated(ProxyTls.fromSecret({ secretName: "tls", hosts: ["api.example.com"], reload: CertificateReload.manual({ generations: "1" } as any) }), "tls"),
    '[s/kong] tls.reload.generations ("1") is an unknown option; did you mean "generation"?',
  ],
  [
    "AdminApiRouteProps",
    () => { const g = gw(); new AdminApiRoute(g, "admin", { host: "kong-admin.example.com", sourceRanges: ["10.0.0.0/8"], apiKey: new TerraformVariable(g.stack, "k", { type: "string", sensitive: true }), sourceRange: [] } as any); },
    '[s/gw/admin] sourceRange ([]) is an unknown option; did you mean "sourceRanges"?',
  ],
  [
    "AuthenticationAccess",
    () => Authentication.keyAuth().attachTo(gw().addService("svc", { host: "a.local" }), { allow: ["a"], hideGroups: true } as any),
    '[s/gw/svc] access.hideGroups (true) is an unknown option; did you mean "hideGroupsHeader"?',
  ],
  [
    "KeyAuthMethodOptions",
    () => model({ authentication: Authentication.keyAuth({ keyName: ["x"] } as any) }),
    '[s/m] authentication.keyAuth.keyName (["x"]) is an unknown option; did you mean "keyNames"?',
  ],
  [
    "KeyAuthMethodOptions (supplied)",
    () => model({ authentication: Authentication.keyAuth({ anonymous: "x" } as any) }),
    "[s/m] authentication.keyAuth.anonymous (\"x\") is not an option here: Authentication.anyOf(...) sets it to the gateway's anonymous consumer",
  ],
  [
    "ModelServerTls",
    () => model({ serverTls: { secretName: "tls", verfy: false } }),
    '[s/m] serverTls.verfy (false) is an unknown option; did you mean "verify"?',
  ],
];

describe("every options object of the public API refuses a misspelt key, at the construct's path", () => {
  test.each(EVERY_OPTIONS_OBJECT)("%s", (_interface, build, message) => {
    expect(errorOf(build)).toBe(message);
  });
});
