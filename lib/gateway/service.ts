import { Construct } from "constructs";
import { Service as KongServiceResource } from "../../.gen/providers/kong/service";
import { bool, integerIn, oneOf, required, stringArray } from "../core/checks";
import { isToken } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import type { KongGateway } from "./gateway";
import { aclWithoutAuthentication, PluginHost } from "./plugin-host";
import { PluginPolicy } from "./plugins/base";
import { GatewayRoute, GatewayRouteProps } from "./route";
import { GatewayUpstream } from "./upstream";
import { host, kongName, path, uuid, uuidList } from "./validation";

export const SERVICE_PROTOCOLS = ["grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"] as const;
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
  /** Path prefix added to proxied requests (http/https only). @default none */
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
  /** Tags. @default none */
  readonly tags?: string[];
}

/** A Kong service (kong_service) with its routes and service-scoped plugins. */
export class GatewayService extends Construct {
  /** The kong_service resource. */
  public readonly resource: KongServiceResource;
  /** The gateway this service is registered in. */
  public readonly gateway: KongGateway;
  /** The Kong service name. */
  public readonly name: string;
  /** The backend protocol. */
  public readonly protocol: ServiceProtocol;
  /** The routes added with `addRoute`. */
  public readonly routes: GatewayRoute[] = [];
  /** @internal */
  public readonly _plugins: PluginHost;

  constructor(gateway: KongGateway, id: string, props: GatewayServiceProps) {
    super(gateway, id);
    this.gateway = gateway;
    const p: GatewayServiceProps = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    if (props === null || typeof props !== "object") v.add("props", props, "must be an object with at least host or upstream");
    const name = p.name ?? id;
    if (required(v, "name", name) && kongName(v, "name", name) && !isToken(name)) {
      const holder = gateway._claim("service", name, this.node.path);
      if (holder) v.add("name", name, `is already the name of the service ${holder}: Kong service names are unique`);
    }
    const protocolOk = oneOf(v, "protocol", p.protocol, SERVICE_PROTOCOLS);
    const protocol: ServiceProtocol = p.protocol ?? "http";
    if (p.host !== undefined && p.upstream !== undefined) {
      v.add("host", p.host, "cannot be combined with upstream: the service's host is the upstream's name");
    } else if (p.upstream !== undefined && !(p.upstream instanceof GatewayUpstream)) {
      v.add("upstream", "<value>", "must be a GatewayUpstream made with gateway.addUpstream()");
    } else if (p.upstream === undefined && required(v, "host", p.host, "is required (or set upstream)")) {
      host(v, "host", p.host);
    }
    integerIn(v, "port", p.port, 0, 65535);
    if (path(v, "path", p.path) && p.path !== undefined && protocolOk && ["tcp", "tls", "udp", "grpc", "grpcs"].includes(protocol)) {
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
    if (protocolOk && protocol !== "https" && protocol !== "tls") {
      const tlsFields = { tlsVerify: p.tlsVerify, tlsVerifyDepth: p.tlsVerifyDepth, caCertificateIds: p.caCertificateIds, clientCertificateId: p.clientCertificateId };
      for (const [field, value] of Object.entries(tlsFields)) {
        if (value !== undefined) v.add(field, value, `is only allowed when protocol is "https" or "tls" (it is ${describeValue(protocol)})`);
      }
    }
    v.throwIfAny();
    this.name = name;
    this.protocol = protocol;
    const upstream = p.upstream;
    this.resource = new KongServiceResource(this, "Resource", {
      name,
      protocol,
      host: upstream ? upstream.name : p.host,
      port: p.port ?? 80,
      path: p.path,
      retries: p.retries ?? 5,
      connectTimeout: p.connectTimeoutMs ?? 60000,
      readTimeout: p.readTimeoutMs ?? 60000,
      writeTimeout: p.writeTimeoutMs ?? 60000,
      tlsVerify: p.tlsVerify,
      tlsVerifyDepth: p.tlsVerifyDepth,
      caCertificateIds: p.caCertificateIds,
      clientCertificateId: p.clientCertificateId,
      tags: p.tags,
      dependsOn: upstream ? [upstream.resource] : undefined,
    });
    this._plugins = new PluginHost(this, "service", () => ({ serviceId: this.id }));
  }

  /**
   * The Kong service id (a Terraform reference). The token is made once and reused by every route, plugin and
   * credential that points here: each new reference token costs cdktf a full stack-trace capture.
   */
  public get id(): string {
    if (this.idToken === undefined) this.idToken = this.resource.id;
    return this.idToken;
  }
  private idToken?: string;

  /** Adds a route that sends matching requests to this service. */
  public addRoute(id: string, props: GatewayRouteProps): GatewayRoute {
    const route = new GatewayRoute(this, id, props);
    this.routes.push(route);
    return route;
  }

  /** Attaches a plugin to this service (all its routes). */
  public addPlugin(policy: PluginPolicy): this {
    this._plugins.add(policy);
    if (policy?.name === "acl") {
      this.node.addValidation({
        validate: () =>
          this._plugins.authenticates ||
          this.gateway._plugins.authenticates ||
          (this.routes.length > 0 && this.routes.every((r) => r._plugins.authenticates))
            ? []
            : [aclWithoutAuthentication("this service, each of its routes, or the gateway (globally)")],
      });
    }
    return this;
  }
}
