import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ConsumerKeyAuth } from "../../.gen/providers/kong/consumer-key-auth";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { isToken } from "../core/checks";
import { describeValue, pathOf, Problems, ValidationError } from "../core/errors";
import { NameRegistry } from "../core/registry";
import { GatewayConsumer } from "./consumer";
import { IGatewayContext } from "./context";
import { IKongGateway } from "./gateway-base";
import { PluginHost } from "./plugin-host";
import { Plugin, PluginPolicy } from "./plugins/plugin";
import { GatewayRoute } from "./route";
import { GatewayService } from "./service";

/** The ACL group of the Admin API's consumer: no other consumer may be in it (it would reach the Admin API). */
export const ADMIN_API_GROUP = "kong-admin";
/** Kong's Admin API on the pod's loopback (`KONG_ADMIN_LISTEN=127.0.0.1:8001`). */
const LOOPBACK_ADMIN = { host: "127.0.0.1", port: 8001 } as const;

export interface AdminApiRouteProps {
  /** Host name of the route, e.g. `kong-admin.example.com` (the proxy's certificate must name it). */
  readonly host: string;
  /** Path prefix of the route, stripped before the Admin API sees the request. @default "/" */
  readonly path?: string;
  /** CIDR blocks allowed to call the route (ip-restriction's allow list). */
  readonly sourceRanges: readonly string[];
  /**
   * The sensitive variable holding the key, the same the gateway's provider sends (`AdminCredentials.apiKey(variable)`):
   * it becomes the key-auth credential of the consumer `kong-admin`.
   */
  readonly apiKey: TerraformVariable;
}

const NOT_A_PLUGIN_SCOPE = "cannot be added to the Admin API's scope: its route has exactly the plugins that protect it; add global plugins to the gateway";

/**
 * Kong's Admin API published through Kong's own proxy, as Kong documents for open-source Kong ("Kong API Loopback"):
 * the Kong service `kong-admin-api` points at the Admin API on the pod's loopback (`http://127.0.0.1:8001`); its
 * route accepts only HTTPS requests for `host` (plain HTTP is answered 426), and carries ip-restriction (only
 * `sourceRanges`), key-auth (the `apikey` header only, removed before the Admin API sees it) and an ACL that admits
 * only the group `kong-admin`, whose one member, the consumer `kong-admin`, holds the key from `apiKey`. Any other
 * consumer's key authenticates but is refused by the ACL. Created in `<gateway>/<id>`.
 * ```ts
 * const apiKey = new TerraformVariable(stack, "kong_api_key", { type: "string", sensitive: true });
 * const gateway = new KongGateway(stack, "gateway", { adminUrl: cluster.adminUrl, adminCredentials: AdminCredentials.apiKey(apiKey) });
 * new AdminApiRoute(gateway, "admin-api", { ...cluster.adminRoute!, apiKey });
 * ```
 */
export class AdminApiRoute extends Construct implements IGatewayContext {
  public readonly stack: TerraformStack;
  public readonly names: NameRegistry;
  /** The Kong service pointing at the Admin API on the loopback. */
  public readonly service: GatewayService;
  /** The HTTPS-only route, with ip-restriction, key-auth and the ACL. */
  public readonly route: GatewayRoute;
  /** The consumer `kong-admin` (ACL group `kong-admin`). */
  public readonly consumer: GatewayConsumer;
  /** Its key-auth credential, whose key is the `apiKey` variable. */
  public readonly key: ConsumerKeyAuth;

  constructor(
    private readonly gateway: IKongGateway,
    id: string,
    props: AdminApiRouteProps,
  ) {
    super(gateway, id);
    this.stack = gateway.stack;
    this.names = gateway.names;
    const p = (props !== null && typeof props === "object" ? props : {}) as Partial<AdminApiRouteProps>;
    checkProps(this, p);
    this.service = new GatewayService(this, "Service", { name: "kong-admin-api", ...LOOPBACK_ADMIN, protocol: "http" });
    this.route = this.service.addRoute("https", {
      name: "kong-admin-api",
      protocols: ["https"],
      hosts: [p.host as string],
      paths: [p.path ?? "/"],
      stripPath: true,
      httpsRedirectStatusCode: 426,
    });
    this.route.addPlugin(Plugin.ipRestriction({ allow: [...(p.sourceRanges ?? [])] }));
    this.route.addPlugin(Plugin.keyAuth({ keyNames: ["apikey"], hideCredentials: true, keyInQuery: false, keyInBody: false }));
    this.route.addPlugin(Plugin.acl({ allow: [ADMIN_API_GROUP], hideGroupsHeader: true }));
    this.consumer = new GatewayConsumer(this, "Consumer", { username: ADMIN_API_GROUP, aclGroups: [ADMIN_API_GROUP] });
    this.key = new ConsumerKeyAuth(this.consumer, "ApiKey", { consumerId: this.consumer.id, key: (p.apiKey as TerraformVariable).stringValue });
    // Checked at synth, when every consumer is known: a second member of the group could reconfigure the gateway.
    this.node.addValidation({ validate: () => this.otherAdmins() });
  }

  /** @internal The gateway's global plugins: they cover the Admin API's route too. */
  public get _plugins(): PluginHost {
    return this.gateway._plugins;
  }

  /** Refused: the route carries exactly the plugins that protect it. */
  public addPlugin(policy: PluginPolicy): KongPluginResource {
    const value = policy instanceof PluginPolicy ? policy.name : policy;
    throw new ValidationError(pathOf(this), [{ field: "plugins", value, message: NOT_A_PLUGIN_SCOPE }]);
  }

  private otherAdmins(): string[] {
    return this.stack.node
      .findAll()
      .filter((c): c is GatewayConsumer => c instanceof GatewayConsumer && c !== this.consumer && c.aclGroups.has(ADMIN_API_GROUP))
      .map(
        (c) =>
          `aclGroups of the consumer ${c.node.path} (${describeValue(ADMIN_API_GROUP)}) would let its key reconfigure the gateway through the Admin API's route: the group is reserved for the Admin API's own consumer; remove it`,
      );
  }
}

function checkProps(scope: Construct, p: Partial<AdminApiRouteProps>): void {
  const v = new Problems(scope);
  if (typeof p.host !== "string" || p.host === "") v.add("host", p.host, 'is required: the host name of the Admin API on the proxy, e.g. "kong-admin.example.com"');
  if (isToken(p.sourceRanges) || !Array.isArray(p.sourceRanges) || p.sourceRanges.length === 0) {
    v.add("sourceRanges", p.sourceRanges, 'must be a literal, non-empty list of CIDR blocks allowed to call the Admin API, e.g. ["10.99.0.0/24"]');
  }
  if (!(p.apiKey instanceof TerraformVariable)) {
    v.add("apiKey", p.apiKey === undefined ? undefined : "<literal>", "must be a TerraformVariable with sensitive: true (the one AdminCredentials.apiKey() gives the provider), never a literal");
  } else if (p.apiKey.sensitive !== true) {
    v.add("apiKey", p.apiKey.node.id, "must be declared with sensitive: true so Terraform never prints it");
  }
  v.throwIfAny();
}
