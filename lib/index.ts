// The public API: re-exports only.
export { ValidationError } from "./core/errors";
export type { ValidationProblem } from "./core/errors";
export { standardLabels, selectorLabels } from "./core/labels";
export type { StandardLabelsOptions } from "./core/labels";

export { KongDatabase } from "./database/kong-database";
export type { IKongDatabase, KongDatabaseAttributes, KongDatabasePasswordSecret } from "./database/kong-database";
export { InClusterPostgres, DEFAULT_POSTGRES_IMAGE } from "./database/in-cluster-postgres";
export type { InClusterPostgresProps } from "./database/in-cluster-postgres";
export { PostgresBackup } from "./database/postgres-backup";
export type { PostgresBackupOptions, PostgresBackupProps } from "./database/postgres-backup";
export { ExistingPostgres } from "./database/existing-postgres";
export type { ExistingPostgresProps, PostgresSslMode } from "./database/existing-postgres";
export type { ContainerResources, ResourceQuantities } from "./kubernetes/container-resources";

export { Scaling } from "./kubernetes/scaling";
export type { CpuScalingOptions } from "./kubernetes/scaling";
export { Rollout } from "./kubernetes/rollout";
export type { ReplaceRolloutOptions, RolloutStrategy, SurgeRolloutOptions } from "./kubernetes/rollout";
export { Vip } from "./kubernetes/vip";
export type { ClusterIpVipOptions, LoadBalancerVipOptions } from "./kubernetes/vip";
export type { SecretKeyRef } from "./kubernetes/secret-ref";
export { CaCertificate } from "./kubernetes/ca-certificate";
export { DefaultDenyIngress } from "./kubernetes/default-deny";
export type { DefaultDenyIngressProps } from "./kubernetes/default-deny";

export { KongCluster, DEFAULT_KONG_IMAGE } from "./kong/kong-cluster";
export type { KongClusterProps } from "./kong/kong-cluster";
export { ProxyEndpoint } from "./kong/proxy-endpoint";
export type { ProxyPorts, LoadBalancerProxyOptions, NodePortProxyOptions } from "./kong/proxy-endpoint";
export { AdminEndpoint } from "./kong/admin-endpoint";
export type { ClusterIpAdminOptions, LoadBalancerAdminOptions, ProxyRouteAdminOptions, AdminProxyRoute } from "./kong/admin-endpoint";
export { ProxyTls, CertificateReload } from "./kong/proxy-tls";
export type { ProxyTlsSecretOptions, ManualReloadOptions } from "./kong/proxy-tls";
export type { AdminPeer } from "./kong/admin-access";

export * from "./gateway";

export type * from "./models/props";
export { DetectionService } from "./models/detection-service";
export type { DetectionServiceProps } from "./models/detection-service";
export type { ModelWorkload } from "./models/model-workload";
export type { ModelWorkloadProps } from "./models/model-workload";
export { ModelIsolation } from "./models/model-isolation";
export type { ModelIsolationProps, IKongProxyPeer } from "./models/model-isolation";
export { KongProxyPeer } from "./models/kong-proxy-peer";
export type { KongProxyPeerAttributes } from "./models/kong-proxy-peer";

export { InClusterRedis, DEFAULT_REDIS_IMAGE } from "./redis/in-cluster-redis";
export type { InClusterRedisProps } from "./redis/in-cluster-redis";
export { ExistingRedis } from "./redis/existing-redis";
export type { ExistingRedisProps } from "./redis/existing-redis";
export type { IKongRedis } from "./redis/kong-redis";

export { NamespaceOrder } from "./policy/namespace-order";

export { AiPlatform } from "./platform/ai-platform";
export type {
  AiPlatformProps,
  AiPlatformNamespaces,
  AiPlatformKongProps,
  AiPlatformModelScale,
  ModelDefinition,
  ConsumerDefinition,
} from "./platform/ai-platform";
export { PlatformTeam } from "./platform/team";
export type { PlatformTeamProps, ITeamHost } from "./platform/team";
export type { TeamQuota } from "./platform/team-namespace";
export { PlatformAttachment } from "./platform/published-values";
export type { PlatformAttachmentValues, TeamAdminCredentials, PublishedAdminCredentials, PublishedClientTransport, AdminCredentialKind } from "./platform/published-values";
export { TeamApp } from "./platform/team-app";
export type { TeamAppProps, TeamModelDefinition } from "./platform/team-app";
export { PlatformDatabase } from "./platform/platform-database";
export { PlatformRedis } from "./platform/platform-redis";
export type { PlatformInClusterRedisProps } from "./platform/platform-redis";
export type { PlatformInClusterDatabaseProps, PlatformExistingDatabaseProps } from "./platform/platform-database";
export { ApiCatalog } from "./catalog/api-catalog";
export type { ApiCatalogProps, AiPlatformCatalogOptions } from "./catalog/api-catalog";
export type * from "./catalog/types";
export { StateBackend } from "./app/state-backend";
export type { LocalStateOptions, S3StateOptions, PgStateOptions } from "./app/state-backend";
export { synthesize } from "./app/synthesize";
export type { SynthesizeOptions } from "./app/synthesize";
