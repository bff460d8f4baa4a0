import { integerIn, oneOf, plainObject } from "../core/checks";
import { Problems } from "../core/errors";
import { KnownKeys, knownKeys, strictKeys } from "../core/keys";
import { annotationMap } from "../kubernetes/annotations";
import { loadBalancerIp, snapshotOptions, sourceRanges } from "../kubernetes/load-balancer";

/** The two Service ports of Kong's proxy. */
export interface ProxyPorts {
  /** Service port for HTTP, mapped to Kong's 8000. @default 80 */
  readonly httpPort?: number;
  /** Service port for HTTPS, mapped to Kong's 8443. @default 443 */
  readonly httpsPort?: number;
}

/** Options of `ProxyEndpoint.loadBalancer`. */
export interface LoadBalancerProxyOptions extends ProxyPorts {
  /**
   * CIDR blocks allowed through the load balancer; when given, not empty.
   * @default every address: the proxy is the clients' entry point, and Kong's plugins authenticate each request
   */
  readonly sourceRanges?: string[];
  /** A fixed address for the load balancer (the cloud must support it). @default assigned by the cloud */
  readonly ip?: string;
  /** Annotations of the proxy Service (a cloud's load-balancer settings). @default none */
  readonly annotations?: Record<string, string>;
  /**
   * `Local` keeps client source addresses (for ip-restriction and rate limiting by IP); `Cluster` spreads load over
   * every node.
   * @default "Cluster"
   */
  readonly externalTrafficPolicy?: "Cluster" | "Local";
}

/** Options of `ProxyEndpoint.nodePort`. */
export interface NodePortProxyOptions extends ProxyPorts {
  /** `Local` keeps client source addresses; `Cluster` spreads load over every node. @default "Cluster" */
  readonly externalTrafficPolicy?: "Cluster" | "Local";
}

type ProxyType = "LoadBalancer" | "ClusterIP" | "NodePort";

const OPTION_KEYS: Record<ProxyType, KnownKeys<object>> = {
  LoadBalancer: knownKeys<LoadBalancerProxyOptions>()(["sourceRanges", "ip", "annotations", "externalTrafficPolicy", "httpPort", "httpsPort"]),
  ClusterIP: knownKeys<ProxyPorts>()(["httpPort", "httpsPort"]),
  NodePort: knownKeys<NodePortProxyOptions>()(["externalTrafficPolicy", "httpPort", "httpsPort"]),
};

/**
 * How clients reach Kong's proxy: `ProxyEndpoint.loadBalancer()` (the platform's virtual IP, the default),
 * `ProxyEndpoint.clusterIp()` (only inside the cluster, e.g. behind an ingress), or `ProxyEndpoint.nodePort()` (a port on
 * every node, for clusters without a load-balancer controller where an outside balancer forwards to the nodes).
 * Unlike the Admin API, the proxy may face every address: Kong's plugins authenticate each request.
 */
export class ProxyEndpoint {
  /** A cloud load balancer, open to `sourceRanges` (every address by default). */
  public static loadBalancer(options: LoadBalancerProxyOptions = {}): ProxyEndpoint {
    return new ProxyEndpoint("LoadBalancer", options);
  }

  /** Reachable only inside the cluster. */
  public static clusterIp(options: ProxyPorts = {}): ProxyEndpoint {
    return new ProxyEndpoint("ClusterIP", options);
  }

  /** A port on every node (the cluster picks it), the Service ports inside the cluster. */
  public static nodePort(options: NodePortProxyOptions = {}): ProxyEndpoint {
    return new ProxyEndpoint("NodePort", options);
  }

  /** The Service type. */
  public readonly type: ProxyType;
  /** Service port for HTTP. */
  public readonly httpPort: number;
  /** Service port for HTTPS. */
  public readonly httpsPort: number;
  /** CIDR blocks allowed through the load balancer (LoadBalancer only; undefined: every address). */
  public readonly sourceRanges?: readonly string[];
  /** Fixed load-balancer address (LoadBalancer only). */
  public readonly ip?: string;
  /** Annotations of the Service (LoadBalancer only). */
  public readonly annotations?: Readonly<Record<string, string>>;
  /** External traffic policy (LoadBalancer and NodePort). */
  public readonly externalTrafficPolicy?: "Cluster" | "Local";
  private readonly options: unknown;

  private constructor(
    type: ProxyType,
    given: unknown,
  ) {
    const options = snapshotOptions(given);
    this.options = options;
    const o = (options !== null && typeof options === "object" ? options : {}) as LoadBalancerProxyOptions;
    this.type = type;
    this.httpPort = typeof o.httpPort === "number" ? o.httpPort : 80;
    this.httpsPort = typeof o.httpsPort === "number" ? o.httpsPort : 443;
    if (type !== "ClusterIP") this.externalTrafficPolicy = o.externalTrafficPolicy ?? "Cluster";
    if (type === "LoadBalancer") {
      this.sourceRanges = Array.isArray(o.sourceRanges) ? o.sourceRanges : undefined;
      this.ip = o.ip;
      this.annotations = o.annotations;
    }
  }

  /** Whether the proxy is a load balancer (Terraform then waits for its address). */
  public get isLoadBalancer(): boolean {
    return this.type === "LoadBalancer";
  }

  /**
   * Records every problem of this endpoint under `field` (e.g. `proxy.httpPort`) and returns whether there was none.
   * Called by KongCluster, so that messages carry its path.
   */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    const shape = {
      LoadBalancer: "must be an object { sourceRanges?, ip?, annotations?, externalTrafficPolicy?, httpPort?, httpsPort? }",
      ClusterIP: "must be an object { httpPort?, httpsPort? }",
      NodePort: "must be an object { externalTrafficPolicy?, httpPort?, httpsPort? }",
    }[this.type];
    if (!plainObject(v, field, this.options, shape)) return false;
    const o = (this.options ?? {}) as LoadBalancerProxyOptions;
    strictKeys(v, field, o, OPTION_KEYS[this.type]);
    const okHttp = integerIn(v, `${field}.httpPort`, o.httpPort, 1, 65535);
    const okHttps = integerIn(v, `${field}.httpsPort`, o.httpsPort, 1, 65535);
    if (okHttp && okHttps && this.httpPort === this.httpsPort) {
      v.add(`${field}.httpsPort`, this.httpsPort, `must differ from httpPort (${this.httpPort})`);
    }
    if (this.type !== "ClusterIP") oneOf(v, `${field}.externalTrafficPolicy`, o.externalTrafficPolicy, ["Cluster", "Local"]);
    if (this.type === "LoadBalancer") {
      sourceRanges(v, `${field}.sourceRanges`, o.sourceRanges, { required: false });
      loadBalancerIp(v, `${field}.ip`, o.ip);
      annotationMap(v, `${field}.annotations`, o.annotations);
    }
    return v.count === before;
  }
}
