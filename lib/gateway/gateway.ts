import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { KongProvider } from "../../.gen/providers/kong/provider";
import { bool, isToken, nonEmptyString } from "../core/checks";
import { Problems } from "../core/errors";
import { AdminCredentials } from "./admin-credentials";
import { GatewayConsumer, GatewayConsumerProps } from "./consumer";
import { aclWithoutAuthentication, PluginHost } from "./plugin-host";
import { PluginPolicy } from "./plugins/base";
import { GatewayService, GatewayServiceProps } from "./service";
import { GatewayUpstream, GatewayUpstreamProps } from "./upstream";

export interface KongGatewayProps {
  /**
   * Kong Admin API URL, e.g. `cluster.adminUrl` ("http://kong-admin.kong.svc.cluster.local:8001").
   * @default a Terraform variable `kong_admin_url` (set TF_VAR_kong_admin_url at plan time)
   */
  readonly adminUrl?: string;
  /** Credentials of a secured Admin API, from sensitive variables only. @default none (an unsecured admin API) */
  readonly adminCredentials?: AdminCredentials;
  /** Kong Enterprise workspace (open source Kong has none). @default none: the default workspace */
  readonly workspace?: string;
  /**
   * Make the provider compare a plugin's whole config with Kong's (including defaults we do not render).
   * @default false: only the rendered keys are compared
   */
  readonly strictPluginsMatch?: boolean;
  /** Skip TLS verification of an https admin URL. @default false */
  readonly tlsSkipVerify?: boolean;
}

/**
 * The Kong entities of one gateway: configures the `kevholditch/kong` provider and holds global plugins, services
 * (with routes), upstreams (with targets) and consumers. Keeps O(1) indexes so duplicate names, duplicate routes and
 * conflicting plugins are reported at synth time.
 * ```ts
 * const gw = new KongGateway(stack, "gateway", { adminUrl: cluster.adminUrl });
 * const svc = gw.addService("face", { host: "face.models.svc.cluster.local", port: 80 });
 * svc.addRoute("v1", { paths: ["/v1/face"], methods: ["POST"] });
 * svc.addPlugin(Plugin.keyAuth());
 * ```
 */
export class KongGateway extends Construct {
  /** The generated Kong provider. */
  public readonly provider: KongProvider;
  /** The admin URL given to the provider (a variable reference when not given). */
  public readonly adminUrl: string;
  /** @internal */
  public readonly _plugins: PluginHost;
  private readonly claims = new Map<string, string>();

  constructor(scope: Construct, id: string, props: KongGatewayProps = {}) {
    super(scope, id);
    const p = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    const stack = TerraformStack.of(this);
    const other = gatewayOfStack.get(stack);
    if (other) {
      v.add("scope", stack.node.id, `already holds the KongGateway ${other.node.path}: one gateway (one kong provider) per stack; put the second gateway in its own stack`);
    } else {
      gatewayOfStack.set(stack, this);
    }
    if (p.adminUrl !== undefined && !isToken(p.adminUrl)) {
      if (hasUserinfo(p.adminUrl)) {
        v.add(
          "adminUrl",
          redactUserinfo(p.adminUrl as string),
          "must not carry a username or password: they would be stored in plain text in the Terraform JSON and state. Remove them from the URL and set adminCredentials: AdminCredentials.basicAuth(), .token() or .apiKey() (sensitive Terraform variables)",
        );
      } else if (!isHttpUrl(p.adminUrl)) {
        v.add("adminUrl", p.adminUrl, "must be an http:// or https:// URL, e.g. http://kong-admin.kong.svc.cluster.local:8001");
      }
    }
    nonEmptyString(v, "workspace", p.workspace);
    bool(v, "strictPluginsMatch", p.strictPluginsMatch);
    bool(v, "tlsSkipVerify", p.tlsSkipVerify);
    if (p.adminCredentials !== undefined && !(p.adminCredentials instanceof AdminCredentials)) {
      v.add("adminCredentials", "<value>", "must be made with AdminCredentials.token(), .apiKey() or .basicAuth()");
    }
    const credentials = p.adminCredentials instanceof AdminCredentials ? p.adminCredentials._bind(this, v) : {};
    v.throwIfAny();
    this.adminUrl = p.adminUrl ?? adminUrlVariable(this).stringValue;
    this.provider = new KongProvider(this, "Provider", {
      kongAdminUri: this.adminUrl,
      ...credentials,
      kongWorkspace: p.workspace,
      strictPluginsMatch: p.strictPluginsMatch ?? false,
      tlsSkipVerify: p.tlsSkipVerify ?? false,
    });
    this._plugins = new PluginHost(this, "gateway", () => ({}));
  }

  /** Adds a global plugin (applies to every service, route and consumer). */
  public addPlugin(policy: PluginPolicy): this {
    this._plugins.add(policy);
    if (policy?.name === "acl") {
      this.node.addValidation({
        validate: () => (this._plugins.authenticates ? [] : [aclWithoutAuthentication("the gateway (globally)")]),
      });
    }
    return this;
  }

  /** Registers a Kong service (a backend); add routes to it with `addRoute`. */
  public addService(id: string, props: GatewayServiceProps): GatewayService {
    return new GatewayService(this, id, props);
  }

  /** Registers a Kong upstream (a load-balanced set of targets) for services to point at. */
  public addUpstream(id: string, props: GatewayUpstreamProps = {}): GatewayUpstream {
    return new GatewayUpstream(this, id, props);
  }

  /** Registers a Kong consumer with its credentials. */
  public addConsumer(id: string, props: GatewayConsumerProps): GatewayConsumer {
    return new GatewayConsumer(this, id, props);
  }

  /**
   * @internal Claims a unique key (e.g. a service name) for the construct at `path`.
   * Returns the path of the construct that already holds it, or undefined when the claim succeeds.
   */
  public _claim(kind: string, key: string, path: string): string | undefined {
    const k = `${kind}\u0000${key}`;
    const holder = this.claims.get(k);
    if (holder !== undefined) return holder;
    this.claims.set(k, path);
    return undefined;
  }
}

const gatewayOfStack = new WeakMap<TerraformStack, KongGateway>();

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Whether a URL carries userinfo (`scheme://user:password@host`), parsed or not. */
function hasUserinfo(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const u = new URL(value);
    if (u.username !== "" || u.password !== "") return true;
  } catch {
    // not a URL: fall through to the textual check
  }
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*@/.test(value);
}

/** The URL with its userinfo replaced, so an error message never repeats a password. */
function redactUserinfo(value: string): string {
  return value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, "$1<redacted>@");
}

/** The stack-level `kong_admin_url` variable, declared once per stack. */
function adminUrlVariable(scope: Construct): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild("kong_admin_url");
  if (existing instanceof TerraformVariable) return existing;
  return new TerraformVariable(stack, "kong_admin_url", {
    type: "string",
    description: "URL of the Kong Admin API, e.g. http://kong-admin.kong.svc.cluster.local:8001",
  });
}
