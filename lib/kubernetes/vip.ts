import { factoryMadeProp, integerIn, oneOf, plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { annotationMap } from "./annotations";
import { loadBalancerIp, snapshotOptions, sourceRanges } from "./load-balancer";

/** Options of `Vip.clusterIp`. */
export interface ClusterIpVipOptions {
  /** Service port. @default 80 */
  readonly port?: number;
}

/** Options of `Vip.loadBalancer`. */
export interface LoadBalancerVipOptions {
  /**
   * CIDR blocks allowed through the load balancer: required and non-empty, and none may cover every address
   * (`0.0.0.0/0`, `::/0`): nothing is public by accident.
   */
  readonly sourceRanges: string[];
  /** A fixed address for the load balancer (the cloud must support it). @default assigned by the cloud */
  readonly ip?: string;
  /** Annotations of the Service (a cloud's load-balancer settings, e.g. an internal load balancer). @default none */
  readonly annotations?: Record<string, string>;
  /** Service port. @default 80 */
  readonly port?: number;
  /**
   * `Local` keeps the client's source address, so NetworkPolicies that admit `sourceRanges` see who calls; `Cluster`
   * spreads load over every node but hides the client address.
   * @default "Local"
   */
  readonly externalTrafficPolicy?: "Cluster" | "Local";
}

const CLUSTER_IP_KEYS = knownKeys<ClusterIpVipOptions>()(["port"]);
const LOAD_BALANCER_KEYS = knownKeys<LoadBalancerVipOptions>()(["sourceRanges", "ip", "annotations", "port", "externalTrafficPolicy"]);

/** The fields of a Service's `spec` a VIP decides. */
export interface VipServiceSpec {
  readonly type: "ClusterIP" | "LoadBalancer";
  readonly loadBalancerIp?: string;
  readonly loadBalancerSourceRanges?: string[];
  readonly externalTrafficPolicy?: string;
}

type Spec =
  | { readonly type: "ClusterIP"; readonly options: unknown }
  | { readonly type: "LoadBalancer"; readonly options: unknown };

/**
 * How a workload's Service is reached: `Vip.clusterIp()` only inside the cluster, or `Vip.loadBalancer({ sourceRanges })`
 * from the listed networks. NodePort is not offered: it opens the port on every node, past any source range.
 */
export class Vip {
  /** Reachable only inside the cluster. */
  public static clusterIp(options: ClusterIpVipOptions = {}): Vip {
    return new Vip({ type: "ClusterIP", options: snapshotOptions(options) });
  }

  /** A cloud load balancer admitting only `sourceRanges`. */
  public static loadBalancer(options: LoadBalancerVipOptions): Vip {
    return new Vip({ type: "LoadBalancer", options: snapshotOptions(options) });
  }

  /** `ClusterIP` or `LoadBalancer`. */
  public readonly type: "ClusterIP" | "LoadBalancer";
  /** Service port. */
  public readonly port: number;
  /** CIDR blocks allowed through the load balancer (LoadBalancer only). */
  public readonly sourceRanges?: readonly string[];
  /** Fixed load-balancer address (LoadBalancer only). */
  public readonly ip?: string;
  /** Annotations of the Service (LoadBalancer only). */
  public readonly annotations?: Readonly<Record<string, string>>;
  /** External traffic policy (LoadBalancer only). */
  public readonly externalTrafficPolicy?: "Cluster" | "Local";

  private constructor(private readonly spec: Spec) {
    const o = (spec.options !== null && typeof spec.options === "object" ? spec.options : {}) as Partial<LoadBalancerVipOptions>;
    this.type = spec.type;
    this.port = typeof o.port === "number" ? o.port : 80;
    if (spec.type === "LoadBalancer") {
      this.sourceRanges = Array.isArray(o.sourceRanges) ? o.sourceRanges : undefined;
      this.ip = o.ip;
      this.annotations = o.annotations;
      this.externalTrafficPolicy = o.externalTrafficPolicy ?? "Local";
    }
  }

  /** Whether the VIP is a load balancer. */
  public get isLoadBalancer(): boolean {
    return this.type === "LoadBalancer";
  }

  /** The Service `spec` fields this VIP sets (undefined fields are not written). */
  public serviceSpec(): VipServiceSpec {
    return {
      type: this.type,
      loadBalancerIp: this.ip,
      loadBalancerSourceRanges: this.sourceRanges ? [...this.sourceRanges] : undefined,
      externalTrafficPolicy: this.externalTrafficPolicy,
    };
  }

  /**
   * Records every problem of this VIP under `field` (e.g. `vip.sourceRanges[0]`) and returns whether there was none.
   * Called by the construct that takes it, so that messages carry that construct's path.
   */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    const lb = this.spec.type === "LoadBalancer";
    const shape = lb
      ? "must be an object { sourceRanges, ip?, annotations?, port?, externalTrafficPolicy? }"
      : "must be an object { port? }";
    if (!plainObject(v, field, this.spec.options, shape)) return false;
    const o = (this.spec.options ?? {}) as Partial<LoadBalancerVipOptions>;
    if (lb) strictKeys(v, field, o, LOAD_BALANCER_KEYS);
    else strictKeys(v, field, o, CLUSTER_IP_KEYS);
    integerIn(v, `${field}.port`, o.port, 1, 65535);
    if (!lb) return v.count === before;
    sourceRanges(v, `${field}.sourceRanges`, o.sourceRanges, { required: true, exposes: "the load balancer" });
    loadBalancerIp(v, `${field}.ip`, o.ip);
    annotationMap(v, `${field}.annotations`, o.annotations);
    oneOf(v, `${field}.externalTrafficPolicy`, o.externalTrafficPolicy, ["Cluster", "Local"]);
    return v.count === before;
  }
}

/**
 * Checks a `vip` prop: absent gives `fallback`; anything but a `Vip` is refused; a `Vip` is validated under `field`.
 * Returns the VIP to render (`fallback` when the value was refused, so other checks go on).
 */
export function vipProp(v: Problems, field: string, value: unknown, fallback: Vip): Vip {
  return factoryMadeProp(v, field, value, fallback, "Vip.clusterIp({ port? }) or Vip.loadBalancer({ sourceRanges, ... })");
}
