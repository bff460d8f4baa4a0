import { alternatives, Presented } from "./authentication";
import type { AuthenticationInfo, CredentialLocation } from "./types";

/** An OpenAPI Security Scheme Object. */
export type SecurityScheme = Readonly<Record<string, string>>;

/** An OpenAPI Security Requirement Object: scheme name -> scopes (none for these schemes). */
export type SecurityRequirement = Record<string, string[]>;

const PLUGIN_BASES: Readonly<Record<string, string>> = { "key-auth": "keyAuth", jwt: "jwt", "basic-auth": "basicAuth" };

const WHAT: Readonly<Record<string, string>> = {
  "key-auth": "the consumer's API key (Kong key-auth)",
  jwt: "a JWT signed with the consumer's JWT credential (Kong jwt)",
  "basic-auth": "the consumer's username and password (Kong basic-auth)",
};

/**
 * The security schemes of a document, collected as operations name them: one per way a credential is presented
 * (`keyAuth-header-apikey`, `jwt-bearer`, `jwt-query-jwt`, ...). Names are stable: the plugin and the location.
 */
export class SecuritySchemes {
  private readonly schemes = new Map<string, SecurityScheme>();

  /** The schemes used so far, sorted by name. */
  public get all(): Record<string, SecurityScheme> {
    return Object.fromEntries([...this.schemes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * The Security Requirement Objects of an operation: one per way to authenticate (OR), each naming the credentials
   * to present together (AND); `[]` when no credential is needed. A way that needs a credential OpenAPI cannot place
   * (a key in the request body) is left out; `omitted` says how many were.
   */
  public requirements(auth: AuthenticationInfo, httpMethod: string): { security: SecurityRequirement[]; omitted: number } {
    const ways = alternatives(auth, httpMethod);
    if (ways.length === 1 && ways[0].length === 0) return { security: [], omitted: 0 };
    const security: SecurityRequirement[] = [];
    const seen = new Set<string>();
    let omitted = 0;
    for (const way of ways) {
      const names = way.map((p) => this.nameOf(p));
      if (names.some((n) => n === undefined)) {
        omitted++;
        continue;
      }
      const requirement: SecurityRequirement = {};
      for (const name of names as string[]) requirement[name] = [];
      const key = Object.keys(requirement).sort().join("+");
      if (!seen.has(key)) {
        seen.add(key);
        security.push(requirement);
      }
    }
    return { security, omitted };
  }

  /** The scheme of one presented credential, registered on first use; undefined for a key in the body. */
  private nameOf(p: Presented): string | undefined {
    const loc = p.location;
    if (loc.in === "body") return undefined;
    const plugin = p.method.plugin;
    const base = PLUGIN_BASES[plugin] ?? plugin.replace(/[^A-Za-z0-9.\-_]/g, "_");
    const name = loc.scheme !== undefined ? `${base}-${loc.scheme}` : `${base}-${loc.in}-${loc.name.replace(/[^A-Za-z0-9.\-_]/g, "_")}`;
    if (!this.schemes.has(name)) this.schemes.set(name, schemeOf(plugin, loc));
    return name;
  }
}

function schemeOf(plugin: string, loc: CredentialLocation): SecurityScheme {
  const what = WHAT[plugin] ?? `the credential Kong's ${plugin} plugin checks`;
  if (loc.scheme === "bearer") {
    return plugin === "jwt"
      ? { type: "http", scheme: "bearer", bearerFormat: "JWT", description: `Authorization: Bearer <token>: ${what}` }
      : { type: "http", scheme: "bearer", description: `Authorization: Bearer <token>: ${what}` };
  }
  if (loc.scheme === "basic") return { type: "http", scheme: "basic", description: what };
  const form = plugin === "jwt" && loc.in === "header" ? `Bearer <token>` : plugin === "jwt" ? "<token>" : "<key>";
  return { type: "apiKey", in: loc.in, name: loc.name, description: `${loc.in} ${loc.name}: ${form}, ${what}` };
}
