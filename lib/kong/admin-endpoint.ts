import { plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { isToken } from "../core/tokens";
import { annotationMap } from "../kubernetes/annotations";
import { snapshotOptions, sourceRanges } from "../kubernetes/load-balancer";
import { ADMIN_API, AdminPeer } from "./admin-access";

/** Options of `AdminEndpoint.clusterIp`. */
export interface ClusterIpAdminOptions {
  /** In-cluster sources allowed to reach the Admin API ports by the NetworkPolicy. @default none: only `kubectl port-forward` */
  readonly allowFrom?: AdminPeer[];
}

/** Options of `AdminEndpoint.loadBalancer`. */
export interface LoadBalancerAdminOptions {
  /**
   * CIDR blocks allowed to reach the Admin API: required, non-empty, a literal list (its elements may be tokens: each
   * becomes a rule of the NetworkPolicy), none covering every address.
   */
  readonly sourceRanges: string[];
  /** Annotations of the admin Service (e.g. an internal load balancer). @default none */
  readonly annotations?: Record<string, string>;
  /** More sources allowed to reach the Admin API ports by the NetworkPolicy. @default none: only `sourceRanges` */
  readonly allowFrom?: AdminPeer[];
}

const CLUSTER_IP_KEYS = knownKeys<ClusterIpAdminOptions>()(["allowFrom"]);
const LOAD_BALANCER_KEYS = knownKeys<LoadBalancerAdminOptions>()(["sourceRanges", "annotations", "allowFrom"]);

/**
 * How Kong's Admin API (no authentication of its own in Kong OSS) is reached: `AdminEndpoint.clusterIp()` keeps it
 * inside the cluster, `AdminEndpoint.loadBalancer({ sourceRanges })` exposes it to the listed networks only. A NodePort,
 * which would open it on every node, cannot be written.
 */
export class AdminEndpoint {
  /** Inside the cluster only: reach it with `kubectl port-forward` or from the `allowFrom` peers. */
  public static clusterIp(options: ClusterIpAdminOptions = {}): AdminEndpoint {
    return new AdminEndpoint("ClusterIP", options);
  }

  /** A load balancer admitting only `sourceRanges` (and the NetworkPolicy admitting the same, plus `allowFrom`). */
  public static loadBalancer(options: LoadBalancerAdminOptions): AdminEndpoint {
    return new AdminEndpoint("LoadBalancer", options);
  }

  /** The Service type. */
  public readonly type: "ClusterIP" | "LoadBalancer";
  /** CIDR blocks allowed through the load balancer (LoadBalancer only). */
  public readonly sourceRanges?: readonly string[];
  /** Annotations of the Service (LoadBalancer only). */
  public readonly annotations?: Readonly<Record<string, string>>;
  /** In-cluster peers the NetworkPolicy admits, as given (checked by `validate`). */
  public readonly allowFrom?: unknown;
  private readonly options: unknown;

  private constructor(
    type: "ClusterIP" | "LoadBalancer",
    given: unknown,
  ) {
    const options = snapshotOptions(given);
    this.options = options;
    const o = (options !== null && typeof options === "object" ? options : {}) as Partial<LoadBalancerAdminOptions>;
    this.type = type;
    this.allowFrom = o.allowFrom;
    if (type === "LoadBalancer") {
      this.sourceRanges = Array.isArray(o.sourceRanges) ? o.sourceRanges : undefined;
      this.annotations = o.annotations;
    }
  }

  /** Whether the Admin API is exposed through a load balancer. */
  public get isLoadBalancer(): boolean {
    return this.type === "LoadBalancer";
  }

  /**
   * Records the problems of the Service settings under `field` (e.g. `admin.sourceRanges[0]`) and returns whether there
   * was none; `allowFrom` is checked where it is rendered (`adminPeers`). Called by KongCluster.
   */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    const lb = this.type === "LoadBalancer";
    const shape = lb ? "must be an object { sourceRanges, annotations?, allowFrom? }" : "must be an object { allowFrom? }";
    if (!plainObject(v, field, this.options, shape)) return false;
    strictKeys(v, field, this.options, lb ? LOAD_BALANCER_KEYS : CLUSTER_IP_KEYS);
    if (!lb) return v.count === before;
    const o = (this.options ?? {}) as Partial<LoadBalancerAdminOptions>;
    if (isToken(o.sourceRanges)) {
      v.add(
        `${field}.sourceRanges`,
        o.sourceRanges,
        "must be a literal list (its elements may be tokens): each entry becomes a rule of the Admin API's NetworkPolicy, which must be known when the plan is made",
      );
    } else {
      sourceRanges(v, `${field}.sourceRanges`, o.sourceRanges, { required: true, exposes: ADMIN_API });
    }
    annotationMap(v, `${field}.annotations`, o.annotations);
    return v.count === before;
  }
}
