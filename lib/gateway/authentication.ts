import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { plainObject, SelfValidating, stringArray } from "../core/checks";
import { ProblemRecorder, Problems, ValidationProblem } from "../core/errors";
import { knownKeys, strictKeys, suppliedKeys } from "../core/keys";
import { anonymousConsumerOf } from "./anonymous-consumer";
import type { GatewayConsumer } from "./consumer";
import type { IGatewayEntity } from "./entity";
import type { JwtOptions } from "./plugins/jwt";
import type { KeyAuthOptions } from "./plugins/key-auth";
import { Plugin, PluginPolicy } from "./plugins/plugin";

/** A way clients prove who they are: Kong's key-auth (an API key) or jwt (a signed JSON Web Token). */
export type AuthenticationMethod = "key-auth" | "jwt";

/** Options of `Authentication.keyAuth`: Kong's key-auth options, but `anonymous`, which the library sets. */
export type KeyAuthMethodOptions = Omit<KeyAuthOptions, "anonymous">;

/** Options of `Authentication.jwt`: Kong's jwt options, but `anonymous`, which the library sets. */
export type JwtMethodOptions = Omit<JwtOptions, "anonymous">;

/** Who may call, besides being authenticated: the consumer groups of the ACL after the authentication plugins. */
export interface AuthenticationAccess {
  /** Consumer groups allowed through (the ACL's allow list, at least one). */
  readonly allow: string[];
  /** Do not send the X-Consumer-Groups header upstream. @default true */
  readonly hideGroupsHeader?: boolean;
}

const ACCESS_KEYS = knownKeys<AuthenticationAccess>()(["allow", "hideGroupsHeader"]);

/** What `attachTo` attached. */
export interface AttachedAuthentication {
  /** The authentication plugins, one per method, in the order given. */
  readonly plugins: KongPluginResource[];
  /** The ACL plugin after them. */
  readonly acl: KongPluginResource;
  /** The gateway's anonymous consumer, when several methods are accepted (`anyOf`). */
  readonly anonymousConsumer?: GatewayConsumer;
}

/** Keys only in a header (a key in the query string ends up in access logs and browser history), hidden upstream. */
const KEY_AUTH_DEFAULTS: KeyAuthMethodOptions = { hideCredentials: true, keyInQuery: false };
/**
 * Tokens must carry an expiry, which Kong checks: a leaked token without one would be valid for ever. Only in the
 * Authorization header (Kong also reads `?jwt=` by default): a token in the query string ends up in access logs.
 */
const JWT_DEFAULTS: JwtMethodOptions = { claimsToVerify: ["exp"], uriParamNames: [] };

type Method = { readonly method: AuthenticationMethod; readonly make: (anonymous?: string) => PluginPolicy };

/**
 * How clients of a model (or of a Kong service or route) authenticate, as one typed choice:
 * ```ts
 * Authentication.keyAuth()                                            // an API key in the `apikey` header
 * Authentication.jwt()                                                // a JWT (HS256 by default) with an expiry
 * Authentication.anyOf(Authentication.keyAuth(), Authentication.jwt()) // either one suffices
 * Authentication.allOf(Authentication.keyAuth(), Authentication.jwt()) // both are required (only when asked for)
 * ```
 * Kong enforces every authentication plugin on a request (AND) unless each has `anonymous`. `anyOf` is rendered with
 * Kong's anonymous-consumer pattern: every plugin names the gateway's anonymous consumer, so a request without one
 * method's credential goes on to the next, and the ACL after them (`allow`) refuses whoever is left anonymous with
 * 401. A consumer outside the allowed groups gets 403.
 */
export class Authentication implements SelfValidating {
  /** An API key (Kong's key-auth). @default options: keys in the `apikey` header only (never the query string), removed before the model sees them */
  public static keyAuth(options: KeyAuthMethodOptions = {}): Authentication {
    const o = { ...KEY_AUTH_DEFAULTS, ...plain(options) };
    return new Authentication("one", [{ method: "key-auth", make: (anonymous) => Plugin.keyAuth({ ...o, anonymous }) }], shapeProblems("keyAuth", options));
  }

  /** A signed JSON Web Token (Kong's jwt): `Authorization: Bearer <token>`, its `iss` naming the consumer's credential. @default options: claimsToVerify ["exp"], uriParamNames [] (the header only) */
  public static jwt(options: JwtMethodOptions = {}): Authentication {
    const o = { ...JWT_DEFAULTS, ...plain(options) };
    return new Authentication("one", [{ method: "jwt", make: (anonymous) => Plugin.jwt({ ...o, anonymous }) }], shapeProblems("jwt", options));
  }

  /** Any one of the methods suffices (logical OR). */
  public static anyOf(...methods: Authentication[]): Authentication {
    return Authentication.combine("any", methods);
  }

  /** Every one of the methods is required (logical AND): a client must present all their credentials. */
  public static allOf(...methods: Authentication[]): Authentication {
    return Authentication.combine("all", methods);
  }

  private static combine(combination: "any" | "all", given: Authentication[]): Authentication {
    const factory = combination === "any" ? "anyOf" : "allOf";
    const problems: ValidationProblem[] = [];
    const methods: Method[] = [];
    given.forEach((m, i) => {
      if (!(m instanceof Authentication)) {
        problems.push({ field: `${factory}[${i}]`, value: m, message: "must be made with Authentication.keyAuth() or Authentication.jwt()" });
      } else if (m.combination !== "one") {
        problems.push({ field: `${factory}[${i}]`, value: m.describe(), message: `cannot be nested: Kong combines the authentication plugins of one request either all with "anonymous" (any one) or none (all); list the methods directly` });
      } else if (methods.some((x) => x.method === m.methods[0])) {
        problems.push({ field: `${factory}[${i}]`, value: m.methods[0], message: "is listed twice: Kong runs one plugin of a name per scope" });
      } else {
        methods.push(...m.entries);
        problems.push(...m.problems);
      }
    });
    if (given.length === 0) problems.push({ field: factory, value: [], message: "needs at least one method, e.g. Authentication.keyAuth()" });
    return new Authentication(methods.length === 1 && problems.length === 0 ? "one" : combination, methods, problems);
  }

  private readonly policies = new Map<string | undefined, PluginPolicy[]>();

  private constructor(
    /** "one" method, "any" of several, or "all" of several. */
    public readonly combination: "one" | "any" | "all",
    private readonly entries: readonly Method[],
    private readonly problems: readonly ValidationProblem[],
  ) {}

  /** The accepted methods, in the order given. */
  public get methods(): AuthenticationMethod[] {
    return this.entries.map((e) => e.method);
  }

  /** Whether a client with credentials for `methods` would get through (before the ACL). */
  public admits(methods: ReadonlySet<AuthenticationMethod>): boolean {
    return this.combination === "all" ? this.methods.every((m) => methods.has(m)) : this.methods.some((m) => methods.has(m));
  }

  /** A short description for messages, e.g. `anyOf(key-auth, jwt)`. */
  public describe(): string {
    return this.combination === "one" ? this.methods[0] ?? "none" : `${this.combination}Of(${this.methods.join(", ")})`;
  }

  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    for (const p of this.problems) v.add(`${field}.${p.field}`, p.value, p.message);
    for (const policy of this._policies()) for (const p of policy.problems) v.add(`${field}.${p.field}`, p.value, p.message);
    return v.count === before;
  }

  /**
   * Attaches the authentication plugins and, after them, an ACL allowing `access.allow` to a Kong service or route.
   * With several methods (`anyOf`), every plugin names the gateway's anonymous consumer (created once per gateway).
   */
  public attachTo(scope: IGatewayEntity, access: AuthenticationAccess): AttachedAuthentication {
    const v = new Problems(scope);
    this.validate(v, "authentication");
    if (plainObject(v, "access", access ?? null, "must be { allow, hideGroupsHeader? }")) strictKeys(v, "access", access, ACCESS_KEYS);
    const allow = access?.allow;
    if (stringArray(v, "allow", allow) && (allow ?? []).length === 0) {
      v.add("allow", allow, "must list at least one consumer group: the ACL after the authentication plugins admits only these (and refuses the anonymous consumer)");
    }
    v.throwIfAny();
    const anonymousConsumer = this.combination === "any" ? anonymousConsumerOf(scope) : undefined;
    const plugins = this._policies(anonymousConsumer?.id).map((policy) => scope._plugins.add(policy, { allOf: this.combination === "all" }));
    const acl = scope._plugins.add(Plugin.acl({ allow, hideGroupsHeader: access.hideGroupsHeader ?? true }));
    return { plugins, acl, anonymousConsumer };
  }

  /** @internal The plugin policies, with `anonymous` when given (the same objects for the same consumer). */
  public _policies(anonymous?: string): PluginPolicy[] {
    let policies = this.policies.get(anonymous);
    if (policies === undefined) {
      policies = this.entries.map((e) => e.make(anonymous));
      this.policies.set(anonymous, policies);
    }
    return policies;
  }
}

function isPlain(options: unknown): boolean {
  return options !== null && typeof options === "object" && !Array.isArray(options);
}

function plain<T extends object>(options: T): Partial<T> {
  return isPlain(options) ? options : {};
}

function shapeProblems(factory: string, options: unknown): ValidationProblem[] {
  if (!isPlain(options)) return [{ field: factory, value: options, message: "must be an options object ({} or nothing for the defaults)" }];
  // the other options are the plugin's own, checked (strictly) by Plugin.keyAuth / Plugin.jwt
  const v = new ProblemRecorder(factory);
  suppliedKeys(v, "", options, { anonymous: "Authentication.anyOf(...) sets it to the gateway's anonymous consumer" });
  return [...v.items];
}
