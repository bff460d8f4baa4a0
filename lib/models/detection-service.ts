import { Construct, IConstruct } from "constructs";
import { Problems } from "../core/errors";
import type { Authentication } from "../gateway/authentication";
import { IKongGateway } from "../gateway/gateway-base";
import { GatewayRoute } from "../gateway/route";
import { GatewayService } from "../gateway/service";
import { GatewayUpstream } from "../gateway/upstream";
import { addGatewayEntities, clusterDns } from "./model-gateway";
import { ModelIsolation } from "./model-isolation";
import { addKubernetesObjects } from "./model-kubernetes";
import { ModelWorkload } from "./model-workload";
import type { DetectionServiceProps } from "./props";
import type { ResolvedModel } from "./resolved";
import { resolveModelProps } from "./resolve-props";

export type { DetectionServiceProps } from "./props";

/**
 * One AI model served behind Kong: the container Deployment with its VIP, autoscaling, disruption budget and a
 * NetworkPolicy that admits only Kong's proxy pods, plus its Kong service, routes and plugin policies
 * (authentication (key-auth by default) + ACL + rate limit + payload limit). Kubernetes objects live in `scope`; Kong entities live
 * under the gateway, so the two may sit in different stacks (the gateway stack is made to depend on this one, and
 * only plain names cross the boundary).
 */
export class DetectionService extends Construct {
  /** The stable version's workload (Deployment, Service, autoscaler, budget). */
  public readonly workload: ModelWorkload;
  /** The canary version's workload, when a canary is configured. */
  public readonly canaryWorkload?: ModelWorkload;
  public readonly isolation: ModelIsolation;
  /** Kong entities of the model (in the gateway's scope, under `<gateway>/<model name>`). */
  public readonly kongService: GatewayService;
  /** The model's Kong routes, in the order of `routes`; find one by name with `route(name)`. */
  public readonly routes: GatewayRoute[];
  public readonly upstream?: GatewayUpstream;
  /** In-cluster DNS name of the VIP. */
  public readonly vipHost: string;
  public readonly name: string;
  /** How clients authenticate; undefined for a public model. */
  public readonly authentication?: Authentication;
  /**
   * Every consumer group an ACL of the model allows, from any source: the model's own ACL (`allowedGroups`) and
   * acl policies in its `plugins` or its routes' `plugins` (a public model may carry one too).
   */
  public readonly aclGroups: readonly string[];

  constructor(scope: Construct, id: string, props: DetectionServiceProps) {
    super(scope, id);
    const p = resolveModelProps(this, props);
    this.name = p.name;
    this.authentication = p.authentication;
    this.aclGroups = aclGroupsOf(p);
    registerName(this, props.gateway, p.name);
    this.vipHost = clusterDns(p.name, p.namespace);

    const kubernetes = addKubernetesObjects(this, p, props.kong);
    this.workload = kubernetes.workload;
    this.canaryWorkload = kubernetes.canaryWorkload;
    this.isolation = kubernetes.isolation;

    const kong = addGatewayEntities(this, p, props.gateway);
    this.kongService = kong.service;
    this.routes = kong.routes;
    this.upstream = kong.upstream;
  }

  /** The Kong route of the given route name (`ModelRoute.name`, or the name derived from its first path). */
  public route(name: string): GatewayRoute | undefined {
    return this.routes.find((r) => r.node.id === name);
  }
}

/**
 * Claims the model's name in its gateway's name registry: two models of one name would share a Kong service, and the
 * model's Kong entities live under `<gateway>/<name>`, which nothing else in the gateway may hold.
 */
function registerName(scope: IConstruct, gateway: IKongGateway, name: string): void {
  const v = new Problems(scope);
  const other = gateway.names.claim("model", name, scope.node.path);
  if (other !== undefined) {
    v.add("name", name, `is already used by the model at ${other}: model names must be unique in a platform`);
  } else {
    const taken = gateway.node.tryFindChild(name);
    if (taken) {
      v.add("name", name, `is already taken in the gateway by ${taken.node.path}: a model's Kong entities live under <gateway>/<model name>; rename the model or that construct`);
    }
  }
  v.throwIfAny();
}

/** The groups every ACL of the model allows, in order of appearance, without repeats. */
function aclGroupsOf(p: ResolvedModel): string[] {
  const groups = new Set<string>(p.authentication ? p.allowedGroups : []);
  for (const policy of [...p.plugins, ...p.routes.flatMap((r) => r.plugins)]) {
    const allow = policy.name === "acl" ? policy.config.allow : undefined;
    if (Array.isArray(allow)) for (const g of allow) if (typeof g === "string") groups.add(g);
  }
  return [...groups];
}
