import { plainObject } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { isToken } from "../core/tokens";
import { snapshotOptions } from "../kubernetes/load-balancer";
import { ADMIN_API, adminCidr, AdminPeer } from "./admin-access";

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

/** Options of `AdminEndpoint.throughProxy`. */
export interface ProxyRouteAdminOptions {
  /**
   * Host name of the Admin API's route on the proxy (a DNS name of its own, e.g. `kong-admin.example.com`), among the
   * hosts of the proxy's certificate (`tls.hosts`): the Terraform provider verifies the certificate against it.
   */
  readonly host: string;
  /** Path prefix of the route, stripped before the Admin API sees the request. @default "/" (the whole host) */
  readonly path?: string;
  /**
   * CIDR blocks allowed to call the Admin API (Kong's ip-restriction on the route), e.g. the CI runners that apply the
   * gateway stack: required, non-empty, none covering every address.
   */
  readonly sourceRanges: string[];
}

/** The Admin API's route on the proxy, as `AdminEndpoint.throughProxy` was given it (path defaulted). */
export interface AdminProxyRoute {
  readonly host: string;
  readonly path: string;
  readonly sourceRanges: readonly string[];
}

type AdminKind = "ClusterIP" | "LoadBalancer" | "ThroughProxy";

/**
 * How Kong's Admin API (no authentication of its own in Kong OSS) is reached: `AdminEndpoint.clusterIp()` keeps it
 * inside the cluster; `AdminEndpoint.throughProxy({ host, sourceRanges })` publishes it the way Kong documents for
 * open-source Kong: the Admin API listens on the pod's loopback only, and a route on the proxy (HTTPS only, a host of
 * its own) forwards to it behind key-auth, an ACL and ip-restriction. A NodePort, which would open it on every node,
 * cannot be written, and a load balancer in front of the bare Admin API (`AdminEndpoint.loadBalancer`) is refused.
 */
export class AdminEndpoint {
  /** Inside the cluster only: reach it with `kubectl port-forward` or from the `allowFrom` peers. */
  public static clusterIp(options: ClusterIpAdminOptions = {}): AdminEndpoint {
    return new AdminEndpoint("ClusterIP", options);
  }

  /**
   * Through the proxy, over HTTPS, with a credential: KongCluster makes the Admin API listen on 127.0.0.1 only (its
   * Service stays, for `kubectl port-forward`), and the gateway (`AdminApiRoute`, added by AiPlatform) routes
   * `https://<host><path>` to it behind key-auth (the key the Terraform provider sends, `kong_api_key`), an ACL and
   * ip-restriction for `sourceRanges`. Needs the proxy's `tls` to cover `host`.
   */
  public static throughProxy(options: ProxyRouteAdminOptions): AdminEndpoint {
    return new AdminEndpoint("ThroughProxy", options);
  }

  /**
   * Refused when validated: a load balancer in front of the Admin API, which has no authentication in Kong OSS, lets
   * anyone in `sourceRanges` reconfigure the gateway. Use `AdminEndpoint.throughProxy({ host, sourceRanges })`.
   * @deprecated the bare Admin API is never exposed: use `AdminEndpoint.throughProxy`
   */
  public static loadBalancer(options: LoadBalancerAdminOptions): AdminEndpoint {
    return new AdminEndpoint("LoadBalancer", options);
  }

  /** The Service type (`ClusterIP` through the proxy: the Service only serves `kubectl port-forward`). */
  public readonly type: "ClusterIP" | "LoadBalancer";
  /** The route on the proxy (`throughProxy` only). */
  public readonly route?: AdminProxyRoute;
  /** CIDR blocks allowed through the load balancer (LoadBalancer only). */
  public readonly sourceRanges?: readonly string[];
  /** Annotations of the Service (LoadBalancer only). */
  public readonly annotations?: Readonly<Record<string, string>>;
  /** In-cluster peers the NetworkPolicy admits, as given (checked by `validate`). */
  public readonly allowFrom?: unknown;
  private readonly options: unknown;

  private readonly kind: AdminKind;

  private constructor(kind: AdminKind, given: unknown) {
    const options = snapshotOptions(given);
    this.options = options;
    const o = (options !== null && typeof options === "object" ? options : {}) as Partial<LoadBalancerAdminOptions>;
    this.kind = kind;
    this.type = kind === "LoadBalancer" ? "LoadBalancer" : "ClusterIP";
    if (kind === "ThroughProxy") {
      const r = o as Partial<ProxyRouteAdminOptions>;
      this.route = { host: r.host as string, path: r.path ?? "/", sourceRanges: Array.isArray(r.sourceRanges) ? r.sourceRanges : [] };
      return;
    }
    this.allowFrom = o.allowFrom;
    if (kind === "LoadBalancer") {
      this.sourceRanges = Array.isArray(o.sourceRanges) ? o.sourceRanges : undefined;
      this.annotations = o.annotations;
    }
  }

  /** Whether the Admin API is exposed through a load balancer. */
  public get isLoadBalancer(): boolean {
    return this.type === "LoadBalancer";
  }

  /** Whether the Admin API is published through the proxy (and listens on the pod's loopback only). */
  public get isThroughProxy(): boolean {
    return this.kind === "ThroughProxy";
  }

  /**
   * Records the problems of the Service settings under `field` (e.g. `admin.sourceRanges[0]`) and returns whether there
   * was none; `allowFrom` is checked where it is rendered (`adminPeers`). Called by KongCluster.
   */
  public validate(v: Problems, field: string): boolean {
    if (this.kind === "ThroughProxy") return this.validateRoute(v, field);
    if (this.kind === "LoadBalancer") {
      v.add(
        field,
        "AdminEndpoint.loadBalancer(...)",
        `would put a load balancer in front of ${ADMIN_API} so anyone in its sourceRanges could reconfigure the gateway. Publish it through the proxy with a credential instead: AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges }) (key-auth over HTTPS; tls must cover host), or keep AdminEndpoint.clusterIp() and kubectl port-forward`,
      );
      return false;
    }
    return plainObject(v, field, this.options, "must be an object { allowFrom? }");
  }

  private validateRoute(v: Problems, field: string): boolean {
    const before = v.count;
    if (!plainObject(v, field, this.options, "must be an object { host, sourceRanges, path? }")) return false;
    const o = (this.options ?? {}) as Partial<ProxyRouteAdminOptions>;
    if (o.host === undefined || o.host === "") {
      v.add(`${field}.host`, o.host, 'is required: a host name of its own for the Admin API on the proxy, e.g. "kong-admin.example.com"');
    } else if (!isToken(o.host) && (typeof o.host !== "string" || !ADMIN_HOST.test(o.host))) {
      v.add(`${field}.host`, o.host, 'must be a DNS name without wildcard, port or scheme, e.g. "kong-admin.example.com"');
    }
    if (o.path !== undefined && !isToken(o.path) && (typeof o.path !== "string" || !ADMIN_PATH.test(o.path))) {
      v.add(`${field}.path`, o.path, 'must be a plain path prefix: "/" or "/" followed by segments of letters, digits, \'-\', \'_\' and \'.\' (not starting with \'.\'), e.g. "/kong-admin"');
    }
    if (isToken(o.sourceRanges)) {
      v.add(`${field}.sourceRanges`, o.sourceRanges, "must be a literal list (its elements may be tokens): it becomes the allow list of the route's ip-restriction");
    } else if (!Array.isArray(o.sourceRanges) || o.sourceRanges.length === 0) {
      v.add(
        `${field}.sourceRanges`,
        o.sourceRanges,
        `is required: the CIDR blocks allowed to call the Admin API through the proxy, e.g. ["10.99.0.0/24"] for the CI runners (${describeValue("0.0.0.0/0")} is refused)`,
      );
    } else {
      o.sourceRanges.forEach((cidr, i) => adminCidr(v, `${field}.sourceRanges[${i}]`, cidr));
    }
    return v.count === before;
  }
}

/** A DNS name, lowercase, no wildcard: the Admin API's own host on the proxy. */
const ADMIN_HOST = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
/** "/" or "/seg/seg": what the Terraform provider can prefix its Admin API paths with. */
const ADMIN_PATH = /^\/([A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)?$/;
