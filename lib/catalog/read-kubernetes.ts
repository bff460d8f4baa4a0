import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { KongCluster } from "../kong/kong-cluster";
import type { DatabaseInfo, KongInfo, ProxyInfo, ReplicaInfo, WorkloadInfo } from "./types";

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * A value as the reader of a document should see it: literals as they are, a Terraform reference as its expression
 * (`${var.kong_host}`), resolved in the scope that holds it (never preparing: no cross-stack reference is made).
 */
export function shown<T>(scope: IConstruct, value: T): T | string {
  if (!Token.isUnresolved(value)) return value;
  return Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER }) as T | string;
}

/** A number input as the reader should see it: the number, or a Terraform reference's expression (`${var.port}`). */
export function numberShown(scope: IConstruct, value: unknown): number | string {
  const v = shown(scope, value);
  if (typeof v === "number") return v;
  const n = Number(v);
  return typeof v === "string" && v.trim() !== "" && Number.isFinite(n) ? n : String(v);
}

/** A value resolved in `scope` (Lazy values produced, references as expressions), for reading what a resource holds. */
export function resolvedIn(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER });
}

/** The stack name of a construct, e.g. `ai-platform-dev`. */
export function stackOf(scope: IConstruct): string {
  return TerraformStack.of(scope).node.id;
}

type Record_ = Record<string, unknown>;

function recordOf(value: unknown): Record_ {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record_) : {};
}

function firstOf(value: unknown): Record_ {
  return Array.isArray(value) ? recordOf(value[0]) : recordOf(value);
}

function numeric(value: unknown, fallback: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}

/**
 * A Deployment's pod count: its autoscaler's range, or its fixed replicas. Read field by field from the resources'
 * inputs (a whole `specInput` would copy the Deployment's spec: a cost at a thousand models).
 */
export function replicasOf(deployment: DeploymentV1, autoscaler: HorizontalPodAutoscalerV2 | undefined): ReplicaInfo {
  if (autoscaler !== undefined) {
    const spec = autoscaler.spec;
    const min = numeric(spec.minReplicasInput, 1);
    const metric: unknown = spec.metric.internalValue;
    const cpu = (Array.isArray(metric) ? metric.map(recordOf) : []).map((m) => recordOf(m.resource)).find((r) => r.name === "cpu");
    const target = recordOf(cpu?.target).averageUtilization;
    const out: ReplicaInfo = { min, max: numeric(spec.maxReplicasInput, min), autoscaled: true };
    return typeof target === "number" ? { ...out, cpuTargetPercent: target } : out;
  }
  const replicas = numeric(deployment.spec.replicasInput, 1);
  return { min: replicas, max: replicas, autoscaled: false };
}

/** A model's Deployment as the catalog shows it: where it runs, its image, pods and GPUs. */
export function workloadOf(deployment: DeploymentV1, autoscaler: HorizontalPodAutoscalerV2 | undefined): WorkloadInfo {
  const container = firstOf(deployment.spec.template.spec.container.internalValue);
  const limits = recordOf(recordOf(container.resources).limits);
  const gpu = Object.keys(limits)
    .sort()
    .find((k) => k.endsWith("/gpu"));
  const info: WorkloadInfo = {
    namespace: String(shown(deployment, deployment.metadata.namespaceInput ?? "default")),
    deployment: String(shown(deployment, deployment.metadata.nameInput)),
    image: String(shown(deployment, container.image)),
    replicas: replicasOf(deployment, autoscaler),
  };
  return gpu === undefined ? info : { ...info, gpus: { count: numeric(limits[gpu], 1), resource: gpu } };
}

/** Kong's proxy: its Service type, fixed address, ports and client networks, read from the proxy Service. */
export function proxyOf(kong: KongCluster): ProxyInfo {
  const spec = kong.proxyService.spec;
  const portList: unknown = spec.port.internalValue;
  const ports = Array.isArray(portList) ? portList.map(recordOf) : [];
  const portNamed = (name: string, fallback: number) => numeric(ports.find((p) => p.name === name)?.port, fallback);
  const ranges = spec.loadBalancerSourceRangesInput;
  const address = spec.loadBalancerIpInput;
  return {
    type: String(spec.typeInput ?? "ClusterIP"),
    ...(address !== undefined ? { address: String(shown(kong, address)) } : {}),
    inClusterHost: kong.proxyHost,
    httpPort: portNamed("kong-proxy", 80),
    httpsPort: portNamed("kong-proxy-tls", 443),
    ...(Array.isArray(ranges) ? { sourceRanges: ranges.map((r) => String(shown(kong, r))) } : {}),
    ...(kong.tls ? { tlsHosts: kong.tls.hosts.map((h) => String(shown(kong, h))) } : {}),
    addressOutput: { stack: stackOf(kong), name: kong.proxyAddressOutput.friendlyUniqueId },
  };
}

/** Kong's own pods. */
export function kongOf(kong: KongCluster): KongInfo {
  return {
    name: kong.name,
    namespace: kong.namespace,
    image: String(shown(kong, kong.image)),
    replicas: replicasOf(kong.deployment, kong.autoscaler),
  };
}

/** Kong's PostgreSQL: in the cluster (its pods have labels Kong's NetworkPolicy names), or a server outside it. */
export function databaseOf(kong: KongCluster): DatabaseInfo {
  const db = kong.database;
  return {
    kind: db.podSelectorLabels !== undefined ? "in-cluster" : "external",
    host: String(shown(kong, db.host)),
    port: numeric(shown(kong, db.port), 5432),
    database: String(shown(kong, db.databaseName)),
    ssl: db.ssl,
  };
}
