import { ValidationProblem } from "../../core/errors";

/** Plugins whose Kong schema says `consumer = typedefs.no_consumer`: they cannot be scoped to a Consumer. */
export const NO_CONSUMER_PLUGINS: ReadonlySet<string> = new Set([
  "acl",
  "basic-auth",
  "bot-detection",
  "cors",
  "hmac-auth",
  "jwt",
  "key-auth",
  "ldap-auth",
  "oauth2",
  "session",
]);

/** Plugins that identify a consumer: an `acl` plugin needs one of them on the same route or service, or globally. */
export const AUTHENTICATION_PLUGINS: ReadonlySet<string> = new Set([
  "basic-auth",
  "hmac-auth",
  "jwt",
  "key-auth",
  "ldap-auth",
  "oauth2",
]);

/** What `PluginPolicy` is built from (each factory of `Plugin` fills it in). */
export interface PluginPolicyInit {
  /** Kong's plugin name, e.g. `rate-limiting`. */
  readonly name: string;
  /** The factory's name, used to prefix fields in error messages, e.g. `rateLimiting`. */
  readonly label: string;
  /** The plugin's `config` in Kong's snake_case form. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Problems found in the options (reported when the policy is attached, with the construct path). */
  readonly problems: readonly ValidationProblem[];
  /** False for `Plugin.custom`: the config is passed to Kong as given. */
  readonly validated: boolean;
}

/**
 * A Kong plugin and its configuration, not yet attached to anything. Create one with the static factories of
 * `Plugin` and attach it with `addPlugin` on a KongGateway (global), GatewayService, GatewayRoute or
 * GatewayConsumer. One policy object may be attached to several scopes; its JSON is rendered once.
 */
export abstract class PluginPolicy {
  /** Kong's plugin name, e.g. `rate-limiting`. */
  public readonly name: string;
  /** Options name used as the prefix of error fields, e.g. `rateLimiting`. */
  public readonly label: string;
  /** The config in Kong's snake_case form. */
  public readonly config: Readonly<Record<string, unknown>>;
  /** Problems of the options, reported (with the construct path) when the policy is attached. */
  public readonly problems: readonly ValidationProblem[];
  /** False when the config was not checked against Kong's schema (`Plugin.custom`). */
  public readonly validated: boolean;
  /** Whether Kong allows this plugin on a Consumer (its schema has no `no_consumer`). */
  public abstract readonly consumerScopable: boolean;
  private json?: string;

  protected constructor(init: PluginPolicyInit) {
    this.name = init.name;
    this.label = init.label;
    this.config = init.config;
    this.problems = init.problems;
    this.validated = init.validated;
  }

  /** Whether this plugin authenticates consumers (key-auth, jwt, basic-auth, ...). */
  public get authenticates(): boolean {
    return AUTHENTICATION_PLUGINS.has(this.name);
  }

  /** `config_json`: the config as JSON with object keys sorted at every level, computed once. */
  public get configJson(): string {
    if (this.json === undefined) this.json = stableJson(this.config);
    return this.json;
  }
}

/** A plugin Kong allows on every scope, consumers included (rate-limiting, ip-restriction, ...). */
export class ConsumerScopablePolicy extends PluginPolicy {
  public readonly consumerScopable = true as const;
  constructor(init: PluginPolicyInit) {
    super(init);
  }
}

/**
 * A plugin Kong refuses on a Consumer (`no_consumer`: key-auth, jwt, acl, cors, bot-detection). Its type is not
 * accepted by `GatewayConsumer.addPlugin`, and the consumer also checks at run time.
 */
export class NoConsumerPolicy extends PluginPolicy {
  public readonly consumerScopable = false as const;
  constructor(init: PluginPolicyInit) {
    super(init);
  }
}

/** JSON with object keys sorted recursively (arrays keep their order): the same config always gives the same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[k];
      if (item !== undefined) out[k] = sortKeys(item);
    }
    return out;
  }
  return value;
}

/** Drops undefined entries so rendered configs hold only what is set or defaulted. */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
}

/** Options may arrive as anything from JavaScript callers: treat non-objects as empty so checks report them. */
export function optionsOf<T extends object>(opts: T | undefined): Partial<T> {
  return opts !== null && typeof opts === "object" && !Array.isArray(opts) ? opts : {};
}

/** Kong's `set` type drops duplicates; rendering them already deduplicated keeps plans free of drift. */
export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
