import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { Problems } from "../core/errors";

/** The provider settings an AdminCredentials resolves to. */
export interface AdminCredentialsConfig {
  readonly kongAdminToken?: string;
  readonly kongApiKey?: string;
  readonly kongAdminUsername?: string;
  readonly kongAdminPassword?: string;
}

type Kind = "token" | "apiKey" | "basicAuth";

/**
 * How Terraform authenticates to a secured Kong Admin API. Values always come from sensitive Terraform variables
 * (set with TF_VAR_... at plan time), never from literals in code: pass your own sensitive `TerraformVariable`, or
 * let the gateway declare one with a fixed name (`kong_admin_token`, `kong_api_key`, `kong_admin_username` +
 * `kong_admin_password`).
 */
export class AdminCredentials {
  /** `Kong-Admin-Token` header (RBAC token). @default variable: a sensitive variable `kong_admin_token` */
  public static token(variable?: TerraformVariable): AdminCredentials {
    return new AdminCredentials("token", [variable]);
  }
  /** `apikey` of a key-auth protected admin API. @default variable: a sensitive variable `kong_api_key` */
  public static apiKey(variable?: TerraformVariable): AdminCredentials {
    return new AdminCredentials("apiKey", [variable]);
  }
  /** HTTP basic auth. @default variables: sensitive variables `kong_admin_username` and `kong_admin_password` */
  public static basicAuth(username?: TerraformVariable, password?: TerraformVariable): AdminCredentials {
    return new AdminCredentials("basicAuth", [username, password]);
  }

  private constructor(
    public readonly kind: Kind,
    private readonly variables: ReadonlyArray<TerraformVariable | undefined>,
  ) {}

  /** @internal Resolves to provider settings; reports non-sensitive or non-variable inputs. */
  public _bind(scope: Construct, v: Problems): AdminCredentialsConfig {
    const names: Record<Kind, string[]> = {
      token: ["kong_admin_token"],
      apiKey: ["kong_api_key"],
      basicAuth: ["kong_admin_username", "kong_admin_password"],
    };
    const values = names[this.kind].map((name, i) => {
      const given = this.variables[i];
      const field = `adminCredentials.${this.kind}${names[this.kind].length > 1 ? `[${i}]` : ""}`;
      if (given === undefined) return sensitiveVariable(scope, name).stringValue;
      if (!(given instanceof TerraformVariable)) {
        v.add(field, "<literal>", "must be a TerraformVariable with sensitive: true, never a literal");
        return "";
      }
      if (given.sensitive !== true) {
        v.add(field, given.node.id, "must be declared with sensitive: true so Terraform never prints it");
      }
      return given.stringValue;
    });
    switch (this.kind) {
      case "token":
        return { kongAdminToken: values[0] };
      case "apiKey":
        return { kongApiKey: values[0] };
      default:
        return { kongAdminUsername: values[0], kongAdminPassword: values[1] };
    }
  }
}

/** A stack-level sensitive string variable with a fixed name, declared once per stack. */
function sensitiveVariable(scope: Construct, name: string): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(name);
  if (existing instanceof TerraformVariable) return existing;
  return new TerraformVariable(stack, name, {
    type: "string",
    sensitive: true,
    description: `Kong Admin API credential (${name}); set it with TF_VAR_${name}, never in code.`,
  });
}
