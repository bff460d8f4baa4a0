import { TerraformElement, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { AdminApiRoute } from "../gateway/admin-api-route";
import { GatewayConsumer } from "../gateway/consumer";
import { IGatewayEntity } from "../gateway/entity";
import { IKongGateway } from "../gateway/gateway-base";
import { GatewayRoute } from "../gateway/route";
import { GatewayService } from "../gateway/service";
import { GatewayUpstream } from "../gateway/upstream";
import { KongCluster } from "../kong/kong-cluster";
import { DetectionService } from "../models/detection-service";
import { ConsumerGroups } from "./authentication";
import { PluginReader } from "./plugins";
import { consumerEntry } from "./read-consumer";
import { databaseOf, kongOf, numberShown, proxyOf, shown, stackOf, workloadOf } from "./read-kubernetes";
import { listOf, routeEntry } from "./read-route";
import { ApiEntry, CATALOG_FORMAT, CatalogData, HealthCheckInfo, ServiceInfo, UpstreamInfo } from "./types";

/** What a catalog describes: a gateway, and optionally the Kong cluster whose proxy serves it. */
export interface CatalogSource {
  readonly gateway: IKongGateway;
  readonly kong?: KongCluster;
  readonly title: string;
}

/** The constructs of an app that belong to one gateway, found in one walk of the construct tree. */
interface Found {
  readonly models: DetectionService[];
  /** Routes by the service they send requests to, in creation order. */
  readonly routes: Map<IGatewayEntity, GatewayRoute[]>;
  readonly consumers: GatewayConsumer[];
  readonly upstreams: Map<string, GatewayUpstream>;
  /** The services that publish Kong's Admin API (AdminApiRoute). */
  readonly admin: Set<IGatewayEntity>;
}

/**
 * Reads the catalog of a gateway from the constructs of its app: every route registered in the gateway (a model's or
 * not), with the plugins Kong applies to it; the models' workloads; the consumers; Kong's proxy and database. Called
 * at synth, when the app is complete. One walk of the construct tree, then work linear in the routes and consumers.
 */
export function readCatalog(root: IConstruct, source: CatalogSource): CatalogData {
  const { gateway, kong } = source;
  const found = findParts(root, gateway);
  const reader = new PluginReader();
  const groupsOf = consumerGroups(found.consumers);
  const modelOf = new Map<IGatewayEntity, DetectionService>(found.models.map((m) => [m.kongService, m]));
  const apis: ApiEntry[] = [];
  for (const [service, routes] of found.routes) {
    const model = modelOf.get(service);
    const entries = routes.map((r) => routeEntry(r, gateway._plugins, reader, groupsOf));
    const upstream = upstreamOf(service, found.upstreams);
    apis.push({
      name: model?.name ?? String(shown(service, service.name)),
      kind: model ? "model" : found.admin.has(service) ? "admin" : "service",
      service: serviceOf(service),
      ...(model ? modelParts(model, upstream) : {}),
      ...(upstream ? { upstream } : {}),
      routes: entries,
    });
  }
  apis.sort((a, b) => compare(a.name, b.name));
  const consumers = found.consumers.map((c) => consumerEntry(c, reader, apis)).sort((a, b) => compare(a.name, b.name));
  return {
    format: CATALOG_FORMAT,
    title: source.title,
    gatewayStack: stackOf(gateway),
    ...(kong ? { proxy: proxyOf(kong), kong: kongOf(kong), database: databaseOf(kong) } : {}),
    globalPlugins: reader.attached(gateway._plugins, "global").map((p) => ({ name: p.name, scope: p.scope })),
    apis,
    consumers,
  };
}

/**
 * Walks the tree in creation order, not descending where nothing of interest can be: into resources and outputs,
 * into models (their Kong entities live in the gateway), routes, consumers and upstreams. At a thousand models this
 * visits a quarter of the nodes a full walk would.
 */
function findParts(root: IConstruct, gateway: IKongGateway): Found {
  const mine = gateway._plugins;
  const found: Found = { models: [], routes: new Map(), consumers: [], upstreams: new Map(), admin: new Set() };
  const visit = (scope: IConstruct): void => {
    for (const c of scope.node.children) {
      if (c instanceof TerraformElement) continue;
      if (c instanceof GatewayRoute) {
        if (c.gateway._plugins !== mine) continue;
        const list = found.routes.get(c.service);
        if (list) list.push(c);
        else found.routes.set(c.service, [c]);
      } else if (c instanceof DetectionService) {
        found.models.push(c);
      } else if (c instanceof GatewayConsumer) {
        if (c.gateway._plugins === mine) found.consumers.push(c);
      } else if (c instanceof GatewayUpstream) {
        if (TerraformStack.of(c) === gateway.stack) found.upstreams.set(c.name, c);
      } else {
        if (c instanceof AdminApiRoute) found.admin.add(c.service);
        visit(c);
      }
    }
  };
  visit(root);
  return found;
}

/** The ACL groups of a consumer by every reference Kong accepts for `anonymous`: its id, username and custom_id. */
function consumerGroups(consumers: readonly GatewayConsumer[]): ConsumerGroups {
  const byRef = new Map<string, string[]>();
  for (const c of consumers) {
    const groups = [...c.aclGroups.keys()];
    for (const ref of [c.id, c.username, c.customId]) if (ref !== undefined) byRef.set(ref, groups);
  }
  return (ref) => byRef.get(ref);
}

function serviceOf(service: IGatewayEntity): ServiceInfo {
  const plugins = service._plugins.names;
  const name = String(shown(service, service.name));
  if (!(service instanceof GatewayService)) return { name, protocol: "", host: "", port: 0, plugins };
  const r = service.resource;
  return {
    name,
    protocol: String(shown(service, r.protocolInput ?? "http")),
    host: String(shown(service, r.hostInput ?? "")),
    port: numberShown(service, r.portInput ?? 80),
    plugins,
  };
}

/** The upstream a service balances over (its host is the upstream's name), with its targets and health checks. */
function upstreamOf(service: IGatewayEntity, upstreams: ReadonlyMap<string, GatewayUpstream>): UpstreamInfo | undefined {
  if (!(service instanceof GatewayService)) return undefined;
  const u = upstreams.get(String(service.resource.hostInput));
  if (u === undefined) return undefined;
  const targets = u.targets.map((t) => ({ target: String(shown(t, t.targetInput)), weight: numberShown(t, t.weightInput ?? 100) }));
  // shares are known when every weight is (a weight that is a reference is known at apply only)
  const weights = targets.map((t) => t.weight).filter((w): w is number => typeof w === "number");
  const total = weights.length === targets.length ? weights.reduce((sum, w) => sum + w, 0) : 0;
  return {
    name: String(shown(u, u.name)),
    targets: targets.map((t) => (typeof t.weight === "number" && total > 0 ? { ...t, percent: Math.round((t.weight * 1000) / total) / 10 } : t)),
    healthChecks: healthChecksOf(u),
  };
}

type Loose = Record<string, Record<string, unknown> | undefined> | undefined;

function healthChecksOf(u: GatewayUpstream): HealthCheckInfo {
  const hc = (u.resource.healthchecksInput ?? {}) as { active?: Record<string, unknown>; passive?: Record<string, unknown> };
  const out: { active?: HealthCheckInfo["active"]; passive?: HealthCheckInfo["passive"] } = {};
  const active = hc.active as Loose;
  const healthyInterval = Number(active?.healthy?.interval ?? 0);
  const unhealthyInterval = Number(active?.unhealthy?.interval ?? 0);
  if (active && (healthyInterval > 0 || unhealthyInterval > 0)) {
    out.active = {
      type: String((active as Record<string, unknown>).type ?? "http"),
      path: String((active as Record<string, unknown>).httpPath ?? "/"),
      healthyIntervalSeconds: healthyInterval,
      unhealthyIntervalSeconds: unhealthyInterval,
    };
  }
  const unhealthy = (hc.passive as Loose)?.unhealthy ?? {};
  const passive = { httpFailures: Number(unhealthy.httpFailures ?? 0), timeouts: Number(unhealthy.timeouts ?? 0), tcpFailures: Number(unhealthy.tcpFailures ?? 0) };
  if (passive.httpFailures > 0 || passive.timeouts > 0 || passive.tcpFailures > 0) out.passive = passive;
  return out;
}

/** A model's Deployments; the canary's share is the weight of the upstream target that is its VIP. */
function modelParts(model: DetectionService, upstream: UpstreamInfo | undefined): Pick<ApiEntry, "workload" | "canary"> {
  const stable = model.workload;
  const workload = workloadOf(stable.deployment, stable.autoscaler);
  const c = model.canaryWorkload;
  if (c === undefined) return { workload };
  const canary = workloadOf(c.deployment, c.autoscaler);
  const serviceName = listOf(c.service, [(c.service.metadataInput as { name?: string } | undefined)?.name])[0];
  const target = upstream?.targets.find((t) => t.target.startsWith(`${serviceName}.`));
  return { workload, canary: { ...canary, weightPercent: target?.percent ?? 0 } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
