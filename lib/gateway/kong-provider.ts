import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { KongProvider } from "../../.gen/providers/kong/provider";
import { bool, isToken, nonEmptyString } from "../core/checks";
import { Problems } from "../core/errors";
import { AdminCredentials } from "./admin-credentials";

/** How Terraform talks to Kong's Admin API: the settings of the kong provider a gateway configures in its stack. */
export interface KongProviderOptions {
  /** Credentials of a secured Admin API, from sensitive variables only. @default none (an unsecured admin API) */
  readonly adminCredentials?: AdminCredentials;
  /** Kong Enterprise workspace (open source Kong has none). @default none: the default workspace */
  readonly workspace?: string;
  /**
   * Make the provider compare each plugin's `config_json` with the whole config Kong echoes, so a plugin edited by hand
   * in Kong shows as a diff in `plan` (and the next apply puts it back). Typed plugins are rendered with every field
   * Kong echoes, so they converge; a `Plugin.custom` config converges only when written in full, as Kong echoes it.
   * Set false to compare only at apply time: hand edits in Kong then stay unseen.
   * @default true
   */
  readonly strictPluginsMatch?: boolean;
  /** Skip TLS verification of an https admin URL. @default false */
  readonly tlsSkipVerify?: boolean;
}

/**
 * @internal Checks the admin URL and provider options (problems go to `v`), then returns a function that creates the
 * kong provider as `<scope>/Provider` once the caller has thrown any problem. Without a URL, the provider reads the
 * stack-level variable `kong_admin_url`.
 */
export function kongProviderOf(
  scope: Construct,
  v: Problems,
  adminUrl: string | undefined,
  options: KongProviderOptions,
): () => { provider: KongProvider; adminUrl: string } {
  const p = options !== null && typeof options === "object" ? options : {};
  if (adminUrl !== undefined && !isToken(adminUrl)) checkAdminUrl(v, adminUrl);
  nonEmptyString(v, "workspace", p.workspace);
  bool(v, "strictPluginsMatch", p.strictPluginsMatch);
  bool(v, "tlsSkipVerify", p.tlsSkipVerify);
  if (p.adminCredentials !== undefined && !(p.adminCredentials instanceof AdminCredentials)) {
    v.add("adminCredentials", "<value>", "must be made with AdminCredentials.token(), .apiKey() or .basicAuth()");
  }
  const credentials = p.adminCredentials instanceof AdminCredentials ? p.adminCredentials._bind(scope, v) : {};
  return () => {
    const url = adminUrl ?? adminUrlVariable(scope).stringValue;
    const provider = new KongProvider(scope, "Provider", {
      kongAdminUri: url,
      ...credentials,
      kongWorkspace: p.workspace,
      strictPluginsMatch: p.strictPluginsMatch ?? true,
      tlsSkipVerify: p.tlsSkipVerify ?? false,
    });
    return { provider, adminUrl: url };
  };
}

function checkAdminUrl(v: Problems, adminUrl: unknown): void {
  if (hasUserinfo(adminUrl)) {
    v.add(
      "adminUrl",
      redactUserinfo(adminUrl as string),
      "must not carry a username or password: they would be stored in plain text in the Terraform JSON and state. Remove them from the URL and set adminCredentials: AdminCredentials.basicAuth(), .token() or .apiKey() (sensitive Terraform variables)",
    );
  } else if (!isHttpUrl(adminUrl)) {
    v.add("adminUrl", adminUrl, "must be an http:// or https:// URL, e.g. http://kong-admin.kong.svc.cluster.local:8001");
  }
}

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
