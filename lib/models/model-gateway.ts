import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { KongGateway } from "../gateway/gateway";
import { GatewayRoute } from "../gateway/route";
import { GatewayService } from "../gateway/service";
import { GatewayUpstream } from "../gateway/upstream";
import { modelPolicies } from "./model-policies";
import type { ResolvedModel } from "./resolved";

/** The Kong entities of one model. */
export interface ModelGatewayEntities {
  readonly service: GatewayService;
  readonly routes: GatewayRoute[];
  readonly upstream?: GatewayUpstream;
}

/** In-cluster DNS name of a model's Service. */
export function clusterDns(service: string, namespace: string): string {
  return `${service}.${namespace}.svc.cluster.local`;
}

/**
 * The Kong side of a model, in the gateway's scope (possibly another stack, which is made to depend on the model's:
 * only plain names cross): a service pointing at the VIP (or at a weighted upstream over both tracks when a canary
 * is configured), its routes, and its policies.
 */
export function addGatewayEntities(model: Construct, p: ResolvedModel, gateway: KongGateway): ModelGatewayEntities {
  const modelStack = TerraformStack.of(model);
  const gatewayStack = TerraformStack.of(gateway);
  if (gatewayStack !== modelStack) gatewayStack.addDependency(modelStack);

  const upstream = p.canary ? addCanaryUpstream(p, gateway, p.canary.weightPercent) : undefined;
  const grpc = p.protocol === "grpc";
  const service = gateway.addService(`${p.name}-service`, {
    name: p.name,
    protocol: grpc ? "grpc" : "http",
    ...(upstream ? { upstream } : { host: clusterDns(p.name, p.namespace) }),
    port: p.vip.port,
    connectTimeout: p.timeoutMs,
    readTimeout: p.timeoutMs,
    writeTimeout: p.timeoutMs,
    retries: 2,
  });
  const routes = p.routes.map((r, i) =>
    service.addRoute(`${p.name}-route-${i}`, {
      name: p.routes.length === 1 ? p.name : `${p.name}-${i}`,
      paths: r.paths,
      methods: grpc ? undefined : (r.methods ?? ["POST"]),
      hosts: r.hosts,
      stripPath: grpc ? false : (r.stripPath ?? true),
      protocols: grpc ? ["grpc", "grpcs"] : ["http", "https"],
    }),
  );
  for (const policy of modelPolicies(p)) service.addPlugin(policy);
  return { service, routes, upstream };
}

/** Both tracks' VIPs as weighted targets of one upstream, with passive health checks. */
function addCanaryUpstream(p: ResolvedModel, gateway: KongGateway, canaryWeight: number): GatewayUpstream {
  return gateway.addUpstream(`${p.name}-upstream`, {
    name: `${p.name}.upstream`,
    targets: [
      { target: `${clusterDns(p.name, p.namespace)}:${p.vip.port}`, weight: 100 - canaryWeight },
      { target: `${clusterDns(`${p.name}-canary`, p.namespace)}:${p.vip.port}`, weight: canaryWeight },
    ],
    healthchecks: { passive: { unhealthy: { httpFailures: 5, timeouts: 3 } } },
  });
}
