import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { pathOf, ValidationError, ValidationProblem } from "../core/errors";
import { IKongGateway } from "../gateway/gateway-base";
import { GatewayRoute } from "../gateway/route";
import { GatewayService } from "../gateway/service";
import { GatewayUpstream } from "../gateway/upstream";
import { addCanaryUpstream } from "./canary-upstream";
import { ModelKongScope } from "./model-kong-scope";
import { defaultPolicies } from "./model-policies";
import type { ResolvedModel, ResolvedRoute } from "./resolved";

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
 * The Kong side of a model, in one scope named after it in the gateway, `<gateway>/<model name>` (possibly in another
 * stack, which is made to depend on the model's: only plain names cross): a service (`Service`) pointing at the VIP,
 * or at a weighted upstream over both tracks (`Upstream`) when a canary is configured; under the service, its routes,
 * each with the id of its name, and its policies. What the gateway refuses while they are created is reported at the
 * model's path, under the model's prop names.
 */
export function addGatewayEntities(model: Construct, p: ResolvedModel, gateway: IKongGateway): ModelGatewayEntities {
  const modelStack = TerraformStack.of(model);
  if (gateway.stack !== modelStack) gateway.stack.addDependency(modelStack);

  const scope = new ModelKongScope(gateway, p.name);
  const hosts = { stable: clusterDns(p.name, p.namespace), canary: clusterDns(`${p.name}-canary`, p.namespace) };
  const upstream = p.canary ? addCanaryUpstream(p, scope, hosts) : undefined;
  const service = new GatewayService(scope, "Service", {
    name: p.name,
    protocol: p.protocol === "grpc" ? "grpc" : p.serverTls ? "https" : "http",
    // Verified against the KongCluster's upstreamCaCertificate (nginx's trusted certificate for upstreams).
    tlsVerify: p.serverTls ? p.serverTls.verify : undefined,
    ...(upstream ? { upstream } : { host: clusterDns(p.name, p.namespace) }),
    port: p.vip.port,
    connectTimeoutMs: p.timeoutMs,
    readTimeoutMs: p.timeoutMs,
    writeTimeoutMs: p.timeoutMs,
    retries: 2,
  });
  const authentication = p.authentication;
  if (authentication) reportedAt(model, "authentication", () => authentication.attachTo(service, { allow: p.allowedGroups }));
  const routes = p.routes.map((r, i) => addRoute(model, service, r, p, `routes[${i}]`));
  for (const policy of defaultPolicies(p)) service.addPlugin(policy);
  p.plugins.forEach((policy, i) => reportedAt(model, `plugins[${i}]`, () => service.addPlugin(policy)));
  return { service, routes, upstream };
}

function addRoute(model: IConstruct, service: GatewayService, r: ResolvedRoute, p: ResolvedModel, field: string): GatewayRoute {
  const grpc = p.protocol === "grpc";
  const route = reportedAt(model, field, () =>
    service.addRoute(r.name, {
      name: r.kongName,
      paths: r.paths,
      methods: r.methods,
      hosts: r.hosts,
      stripPath: r.stripPath,
      protocols: routeProtocols(grpc, p.httpsOnly),
      httpsRedirectStatusCode: p.httpsOnly && !grpc ? p.httpsRedirectStatusCode : undefined,
    }),
  );
  r.plugins.forEach((policy, j) => reportedAt(model, `${field}.plugins[${j}]`, () => route.addPlugin(policy)));
  return route;
}

/** The schemes a model's route accepts: with `httpsOnly`, only the TLS one (Kong answers the other before any plugin). */
function routeProtocols(grpc: boolean, httpsOnly: boolean): ("grpc" | "grpcs" | "http" | "https")[] {
  if (grpc) return httpsOnly ? ["grpcs"] : ["grpc", "grpcs"];
  return httpsOnly ? ["https"] : ["http", "https"];
}

/**
 * Runs `create` (a call into the gateway) and reports what the gateway refuses at the model's path, under `field`:
 * `[ai-platform-dev/ocr] routes[0].paths (...)` rather than the gateway's internal path.
 */
function reportedAt<T>(model: IConstruct, field: string, create: () => T): T {
  try {
    return create();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(pathOf(model), e.problems.map((problem) => rehome(field, problem)));
  }
}

/** A gateway problem under the model's field: `paths[0]` of routes[1] becomes `routes[1].paths[0]`. */
function rehome(field: string, problem: ValidationProblem): ValidationProblem {
  const own = problem.field === "plugins" || problem.field === "plugin" || problem.field === "props";
  return { ...problem, field: own ? field : `${field}.${problem.field}` };
}
