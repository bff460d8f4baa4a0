import { Construct } from "constructs";
import { Service as KongServiceResource } from "../../.gen/providers/kong/service";
import { bool, integerIn, isToken, oneOf, required, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { gatewayOfScope, IGatewayContext } from "./context";
import { clearableFields, idAddress, tagsOf } from "./clearable";
import { GatewayEntity, IGatewayEntity } from "./entity";
import { PluginHost } from "./plugin-host";
import { GatewayRoute, GatewayRouteProps } from "./route";
import { GatewayUpstream } from "./upstream";
import { host, kongName, path, uuid, uuidList } from "./validation";

const SERVICE_PROTOCOLS = Object.freeze(["grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"] as const);
export type ServiceProtocol = (typeof SERVICE_PROTOCOLS)[number];

export interface GatewayServiceProps {
  /** Kong service name (letters, digits, `.-_~`), unique in the gateway. @default the construct id */
  readonly name?: string;
  /** Backend host: the model VIP's cluster DNS name or IP, without port. Set this or `upstream`. */
  readonly host?: string;
  /** A Kong upstream to balance over; the service's host becomes the upstream's name. Set this or `host`. */
  readonly upstream?: GatewayUpstream;
  /** Backend port, 0..65535. @default 80 */
  readonly port?: number;
  /** Protocol to the backend. @default "http" */
  readonly protocol?: ServiceProtocol;
  /**
   * Path prefix added to proxied requests (http/https only). @default "/" for http and https (Kong treats no path as
   * "/"; written out so that removing a path is applied), none for other protocols
   */
  readonly path?: string;
  /** Retries on failure, 0..32767. @default 5 */
  readonly retries?: number;
  /** Milliseconds to connect, 1..2147483646. @default 60000 */
  readonly connectTimeoutMs?: number;
  /** Milliseconds between two reads, 1..2147483646. @default 60000 */
  readonly readTimeoutMs?: number;
  /** Milliseconds between two writes, 1..2147483646. @default 60000 */
  readonly writeTimeoutMs?: number;
  /** Verify the backend's TLS certificate (https/tls only). @default none: Kong's nginx setting */
  readonly tlsVerify?: boolean;
  /** Certificate chain depth to verify, 0..64 (https/tls only). @default none: Kong's nginx setting */
  readonly tlsVerifyDepth?: number;
  /** Kong CA certificate ids (UUIDs) to verify the backend with (https/tls only). @default none */
  readonly caCertificateIds?: string[];
  /** Kong certificate id (a UUID or a kong_certificate's `id`) presented to the backend (https/tls only). @default none */
  readonly clientCertificateId?: string;
  /** Tags. The library's tag `managed-by:kong-ai-platform` is always added (see `clearable.ts`). @default none */
  readonly tags?: string[];
}

/** A Kong service configured elsewhere, to add routes and plugins to (`GatewayService.fromServiceAttributes`). */
export interface GatewayServiceAttributes {
  /** The Kong id of the service: a UUID, or a Terraform reference to one. */
  readonly serviceId: string;
  /** The Kong name of the service (the default prefix of its routes' names). */
  readonly name: string;
}

/** A Kong service: one made by `gateway.addService`, or one configured elsewhere (`fromServiceAttributes`). */
export interface IGatewayService extends IGatewayEntity {
  /** Adds a route that sends matching requests to this service. */
  addRoute(id: string, props: GatewayRouteProps): GatewayRoute;
}

/** What every service offers: routes, whose authentication together covers the service's ACL. */
abstract class ServiceBase extends GatewayEntity implements IGatewayService {
  /** The routes added with `addRoute`. */
  public readonly routes: GatewayRoute[] = [];

  public addRoute(id: string, props: GatewayRouteProps): GatewayRoute {
    const route = new GatewayRoute(this, id, props);
    this.routes.push(route);
    return route;
  }

  protected partPlugins(): readonly PluginHost[] {
    return this.routes.map((r) => r._plugins);
  }
}

/** A Kong service (kong_service) with its routes and service-scoped plugins. */
export class GatewayService extends ServiceBase {
  /**
   * A Kong service configured elsewhere (e.g. by the platform that owns the gateway), to add routes and plugins to.
   * The stack of `scope` must hold the gateway (`new KongGateway` or `KongGateway.fromAdminUrl`): its kong provider
   * creates them. Plugins attached to the service elsewhere are not known here, so an ACL needs its authentication
   * plugin on the same service or route in this app.
   */
  public static fromServiceAttributes(scope: Construct, id: string, attrs: GatewayServiceAttributes): IGatewayService {
    return new ImportedGatewayService(scope, id, attrs);
  }

  /** The kong_service resource. */
  public readonly resource: KongServiceResource;
  /** The Kong service name. */
  public readonly name: string;
  /** The backend protocol. */
  public readonly protocol: ServiceProtocol;

  constructor(gateway: IGatewayContext, id: string, props: GatewayServiceProps) {
    super(gateway, id, gateway, "service");
    const p: GatewayServiceProps = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    if (props === null || typeof props !== "object") v.add("props", props, "must be an object with at least host or upstream");
    const name = p.name ?? id;
    if (required(v, "name", name) && kongName(v, "name", name) && !isToken(name)) {
      const holder = gateway.names.claim("service", name, this.node.path);
      if (holder) v.add("name", name, `is already the name of the service ${holder}: Kong service names are unique`);
    }
    const protocol: ServiceProtocol = p.protocol ?? "http";
    checkServiceProps(v, p, oneOf(v, "protocol", p.protocol, SERVICE_PROTOCOLS) ? protocol : undefined);
    v.throwIfAny();
    this.name = name;
    this.protocol = protocol;
    const upstream = p.upstream;
    const path = p.path ?? (protocol === "http" || protocol === "https" ? "/" : undefined);
    // Fields the provider's PATCH cannot clear: a flip of one replaces the service (with its routes and plugins).
    const clearable = clearableFields(this, {
      path: path !== undefined,
      tls_verify: p.tlsVerify !== undefined,
      tls_verify_depth: p.tlsVerifyDepth !== undefined,
      ca_certificate_ids: (p.caCertificateIds?.length ?? 0) > 0,
      client_certificate_id: p.clientCertificateId !== undefined,
    });
    this.resource = new KongServiceResource(this, "Resource", {
      name,
      protocol,
      host: upstream ? upstream.name : p.host,
      port: p.port ?? 80,
      path,
      retries: p.retries ?? 5,
      connectTimeout: p.connectTimeoutMs ?? 60000,
      readTimeout: p.readTimeoutMs ?? 60000,
      writeTimeout: p.writeTimeoutMs ?? 60000,
      tlsVerify: p.tlsVerify,
      tlsVerifyDepth: p.tlsVerifyDepth,
      caCertificateIds: p.caCertificateIds,
      clientCertificateId: p.clientCertificateId,
      tags: tagsOf(p.tags),
      dependsOn: upstream ? [upstream.resource] : undefined,
      lifecycle: { replaceTriggeredBy: [clearable] },
    });
  }

  /** @internal Its routes and plugins are replaced with the service: Kong refuses to delete a service with routes. */
  public _replacedWith(): readonly string[] {
    return (this.replacedWith ??= Object.freeze([idAddress(this.resource)]));
  }
  private replacedWith?: readonly string[];

  protected kongId(): string {
    return this.resource.id;
  }
}

/** Checks the backend, timeout and TLS props; `protocol` is undefined when the protocol itself is wrong. */
function checkServiceProps(v: Problems, p: GatewayServiceProps, protocol: ServiceProtocol | undefined): void {
  if (p.host !== undefined && p.upstream !== undefined) {
    v.add("host", p.host, "cannot be combined with upstream: the service's host is the upstream's name");
  } else if (p.upstream !== undefined && !(p.upstream instanceof GatewayUpstream)) {
    v.add("upstream", "<value>", "must be a GatewayUpstream made with gateway.addUpstream()");
  } else if (p.upstream === undefined && required(v, "host", p.host, "is required (or set upstream)")) {
    host(v, "host", p.host);
  }
  integerIn(v, "port", p.port, 0, 65535);
  if (path(v, "path", p.path) && p.path !== undefined && protocol !== undefined && ["tcp", "tls", "udp", "grpc", "grpcs"].includes(protocol)) {
    v.add("path", p.path, `must not be set when protocol is ${describeValue(protocol)}: Kong only forwards a path over http and https`);
  }
  integerIn(v, "retries", p.retries, 0, 32767);
  integerIn(v, "connectTimeoutMs", p.connectTimeoutMs, 1, 2147483646);
  integerIn(v, "readTimeoutMs", p.readTimeoutMs, 1, 2147483646);
  integerIn(v, "writeTimeoutMs", p.writeTimeoutMs, 1, 2147483646);
  bool(v, "tlsVerify", p.tlsVerify);
  integerIn(v, "tlsVerifyDepth", p.tlsVerifyDepth, 0, 64);
  uuidList(v, "caCertificateIds", p.caCertificateIds, "a Kong CA certificate");
  uuid(v, "clientCertificateId", p.clientCertificateId, "a Kong certificate (e.g. a kong_certificate resource's id)");
  stringArray(v, "tags", p.tags);
  if (protocol !== undefined && protocol !== "https" && protocol !== "tls") {
    const tlsFields = { tlsVerify: p.tlsVerify, tlsVerifyDepth: p.tlsVerifyDepth, caCertificateIds: p.caCertificateIds, clientCertificateId: p.clientCertificateId };
    for (const [field, value] of Object.entries(tlsFields)) {
      if (value !== undefined) v.add(field, value, `is only allowed when protocol is "https" or "tls" (it is ${describeValue(protocol)})`);
    }
  }
}

/** A Kong service configured elsewhere: routes and plugins added here point at its id. */
class ImportedGatewayService extends ServiceBase {
  public readonly name: string;
  private readonly serviceId: string;

  constructor(scope: Construct, id: string, attrs: GatewayServiceAttributes) {
    const a: Partial<GatewayServiceAttributes> = attrs !== null && typeof attrs === "object" ? attrs : {};
    const gateway = gatewayOfScope(scope);
    const v = new Problems(scope.node.path ? `${scope.node.path}/${id}` : id);
    if (gateway === undefined) {
      v.add(
        "scope",
        scope.node.path || "<root>",
        "is in a stack without a Kong gateway: create a KongGateway, or KongGateway.fromAdminUrl(...), in this stack first; its kong provider creates the service's routes and plugins",
      );
    }
    if (required(v, "serviceId", a.serviceId)) uuid(v, "serviceId", a.serviceId, "a Kong service");
    if (required(v, "name", a.name)) kongName(v, "name", a.name);
    v.throwIfAny();
    super(scope, id, gateway as IGatewayContext, "service");
    this.name = a.name as string;
    this.serviceId = a.serviceId as string;
  }

  protected kongId(): string {
    return this.serviceId;
  }
}
