import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { Lazy, TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { dns1123Label, isToken } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { sanitizeLabelValue, standardLabels } from "../core/labels";
import { NameRegistry } from "../core/registry";
import { defaultSecretName, outputBaseOf, snake } from "./consumer-names";
import { dns1123Subdomain } from "./validation";

export interface ConsumerCredentialsSecretOptions {
  /** Namespace of the Kubernetes Secret (must exist). */
  readonly namespace: string;
  /**
   * Secret name: a DNS-1123 subdomain, unique per namespace among the gateway's consumers.
   * @default "kong-consumer-<username or custom_id>", lowercased and sanitized, at most 63 characters (with a short
   * hash of the name when it has non-ASCII characters; the construct id when both are Terraform references)
   */
  readonly name?: string;
}

/** @internal Where a consumer publishes its credentials, after checking. */
export interface PublishingPlan {
  /** The credentials Secret, if one was asked for. */
  readonly secret?: { readonly name: string; readonly namespace: string };
  /** Whether each credential is also a sensitive output. */
  readonly outputs: boolean;
  /** The username or custom_id (else the construct id) that default names derive from. */
  readonly base: string;
}

/**
 * @internal Checks `credentialsSecret` and claims its namespace/name in the gateway, so two consumers never write one
 * Secret. Returns the Secret's name and namespace, or undefined without one (or with problems).
 */
export function checkCredentialsSecret(v: Problems, names: NameRegistry, holderPath: string, cs: unknown, base: string): PublishingPlan["secret"] {
  if (cs === undefined) return undefined;
  if (cs === null || typeof cs !== "object" || Array.isArray(cs)) {
    v.add("credentialsSecret", cs, "must be { namespace, name? }");
    return undefined;
  }
  const o = cs as Partial<ConsumerCredentialsSecretOptions>;
  if (o.namespace === undefined) v.add("credentialsSecret.namespace", undefined, "is required");
  const namespaceOk = dns1123Label(v, "credentialsSecret.namespace", o.namespace);
  const nameOk = dns1123Subdomain(v, "credentialsSecret.name", o.name);
  const name = o.name ?? defaultSecretName(base);
  if (namespaceOk && nameOk && typeof o.namespace === "string" && !isToken(o.namespace) && !isToken(name)) {
    const holder = names.claim("kubernetes-secret", `${o.namespace}/${name}`, holderPath);
    if (holder) {
      v.add(
        "credentialsSecret.name",
        name,
        `is already the credentials Secret of the consumer ${holder} in namespace ${describeValue(o.namespace)}: one would overwrite the other; set credentialsSecret.name to a unique name`,
      );
    }
  }
  return { name, namespace: o.namespace as string };
}

/**
 * @internal Publishes a consumer's credentials to its owner: as data of a Kubernetes Secret (`CredentialsSecret`,
 * rendered once at synth from every credential added) and/or as sensitive Terraform outputs named
 * `consumer_<name>_<data key in snake_case>`. Data keys are unique in the consumer and output names in the gateway's
 * stack; both are reserved before a credential creates anything.
 */
export class CredentialPublisher {
  /** The Kubernetes Secret holding the credentials, if requested. */
  public readonly secret?: SecretV1;
  private readonly data: Record<string, string> = {};
  /** Data keys published or reserved so far, with the credential that holds each. */
  private readonly keys = new Map<string, string>();
  private readonly outputBase: string;

  constructor(
    private readonly consumer: Construct,
    private readonly names: NameRegistry,
    private readonly plan: PublishingPlan,
    /** Who the outputs' descriptions name, e.g. the username. */
    private readonly describedAs: string | undefined,
  ) {
    this.outputBase = outputBaseOf(plan.base);
    const s = plan.secret;
    if (s) {
      this.secret = new SecretV1(consumer, "CredentialsSecret", {
        metadata: {
          name: s.name,
          namespace: s.namespace,
          labels: standardLabels({
            name: "kong-consumer",
            instance: sanitizeLabelValue(isToken(s.name) ? consumer.node.id : s.name) || "kong-consumer",
            component: "credentials",
          }),
        },
        type: "Opaque",
        data: Token.asStringMap(Lazy.anyValue({ produce: () => ({ ...this.data }) })),
      });
    }
  }

  /** Reserves data keys and, with sensitive outputs, their output names; reports collisions under `field`. */
  public reserve(v: Problems, field: string, value: unknown, holder: string, keys: readonly string[]): void {
    for (const key of keys) {
      const other = this.keys.get(key);
      if (other !== undefined) {
        v.add(field, value, `would publish its credential as ${describeValue(key)}, which ${other} already uses (ids differing only in case share it): use another id`);
        continue;
      }
      if (this.plan.outputs) {
        const name = this.outputName(key);
        const taken = this.names.claim("output", name, `${this.consumer.node.path}/output-${key}`);
        if (taken) {
          v.add(
            "sensitiveOutputs",
            name,
            `is already the name of the output ${taken}: Terraform output names are unique per stack and derive from the username (or custom_id) in snake_case; rename one consumer or turn its sensitiveOutputs off`,
          );
          continue;
        }
      }
      this.keys.set(key, holder);
    }
  }

  /** Adds a credential (reserved with `reserve`) to the Secret's data and/or a sensitive output. */
  public publish(key: string, value: string): void {
    if (this.secret) this.data[key] = value;
    if (this.plan.outputs) {
      const output = new TerraformOutput(this.consumer, `output-${key}`, {
        value,
        sensitive: true,
        description: `${key} of Kong consumer ${this.describedAs}`,
      });
      // a name a human types: terraform output -raw consumer_mobile_app_key_auth
      output.overrideLogicalId(this.outputName(key));
    }
  }

  /** The Terraform output name of a credential, e.g. `consumer_mobile_app_key_auth`. */
  private outputName(key: string): string {
    return `consumer_${this.outputBase}_${snake(key)}`;
  }
}
