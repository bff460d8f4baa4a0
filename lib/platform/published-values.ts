import { eachElement, isToken, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { AdminCredentials } from "../gateway/admin-credentials";
import { dns1123Label } from "../kubernetes/names";
import { PublishedCounters, RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import { checkKongPeer, IKongProxyPeer } from "../models/model-isolation";
import type { HttpsRedirectStatusCode } from "../models/props";
import { isPathPrefix } from "./team-convention";

/** How Terraform authenticates to a secured Kong Admin API (see `AdminCredentials`). */
export type AdminCredentialKind = "token" | "apiKey" | "basicAuth";

/** The sensitive variables a team's app declares for each kind: set them with `TF_VAR_<name>`. */
export const ADMIN_CREDENTIAL_VARIABLES: Readonly<Record<AdminCredentialKind, readonly string[]>> = Object.freeze({
  token: ["kong_admin_token"],
  apiKey: ["kong_api_key"],
  basicAuth: ["kong_admin_username", "kong_admin_password"],
});

/** How a team's Terraform authenticates to the Kong Admin API, as the platform publishes it: a reference, never the value. */
export interface TeamAdminCredentials {
  readonly kind: AdminCredentialKind;
  /** Where the team's pipeline reads the value from, e.g. "vault:secret/kong/teams/vision". Published as text. */
  readonly source: string;
}

/** The credential reference in the published values: `{ kind: "none" }` for an Admin API without authentication. */
export type PublishedAdminCredentials = { readonly kind: "none" } | (TeamAdminCredentials & { readonly variables: readonly string[] });

/**
 * What the platform publishes for one team, as the value of the output `team_<name>` of its platform stack (nothing
 * in it is a secret): everything the team's app needs to attach to the platform.
 */
export interface PlatformAttachmentValues {
  /** The format of these values; this library reads 1. */
  readonly formatVersion: 1;
  /** The platform's stack prefix, e.g. "ai" (the first part of the team app's stack name). */
  readonly platform: string;
  /** The platform's environment, e.g. "dev". */
  readonly environment: string;
  /** The team's name. */
  readonly team: string;
  /** The team's namespace: every Kubernetes object of its app goes there. */
  readonly namespace: string;
  /** `<team>-`: every Kong service, route and upstream name of the team starts with it. */
  readonly namePrefix: string;
  /** Every route path of the team starts with it (a regex path with "~" and it), e.g. "/v1/vision/". */
  readonly pathPrefix: string;
  /** The ACL groups the team's models may allow (the platform grants them to consumers). */
  readonly aclGroups: readonly string[];
  /** The Kong Admin API's in-cluster URL (the team app's default `kong_admin_url`). */
  readonly kongAdminUrl: string;
  /** The command that forwards the Admin API to http://localhost:8001, for Terraform runs outside the cluster. */
  readonly kongAdminPortForward: string;
  /** The credential the Admin API wants, by reference. */
  readonly kongAdminCredentials: PublishedAdminCredentials;
  /** Kong's proxy pods: the only peers a team's model admits. */
  readonly kongProxy: IKongProxyPeer;
  /**
   * What the platform's model routes accept from clients: with `httpsOnly`, a team's models accept HTTPS only too
   * (unless a model sets `httpsOnly` itself), so a team's API keys never cross the network in clear text where the
   * platform's do not.
   */
  readonly clientTransport: PublishedClientTransport;
  /** Where the platform's rate limits count (its Redis, or Kong's database): a team's model limits count there too. */
  readonly rateLimitCounters: PublishedCounters;
}

/** The platform's client transport, as published. */
export interface PublishedClientTransport {
  readonly httpsOnly: boolean;
  /** What an https-only route answers plain HTTP with. */
  readonly httpsRedirectStatusCode: HttpsRedirectStatusCode;
}

const VALUES_KEYS = knownKeys<PlatformAttachmentValues>()([
  "formatVersion", "platform", "environment", "team", "namespace", "namePrefix", "pathPrefix", "aclGroups", "kongAdminUrl",
  "kongAdminPortForward", "kongAdminCredentials", "kongProxy", "clientTransport", "rateLimitCounters",
]);

const FIELDS = "{ formatVersion, platform, environment, team, namespace, namePrefix, pathPrefix, aclGroups, kongAdminUrl, kongAdminPortForward, kongAdminCredentials, kongProxy, clientTransport, rateLimitCounters }";

/**
 * The values a team's app attaches to the platform with: the output `team_<name>` the platform published for the team
 * (`terraform output -json team_vision` in the platform stack's folder), checked.
 * ```ts
 * import dev from "./platform/dev.json";   // the output, as the platform team handed it over
 * new TeamApp(app, "vision", { platform: PlatformAttachment.fromOutput(dev) });
 * ```
 */
export class PlatformAttachment implements PlatformAttachmentValues {
  /** The output's value, parsed (an object) or as JSON text; every problem is reported at once. */
  public static fromOutput(value: unknown): PlatformAttachment {
    const v = new Problems("PlatformAttachment.fromOutput");
    let parsed = value;
    if (typeof value === "string") {
      try {
        parsed = JSON.parse(value);
      } catch {
        v.add("value", value.length > 40 ? `${value.slice(0, 37)}...` : value, "must be the JSON of the platform's output team_<name> (terraform output -json team_<name>)").throwIfAny();
      }
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) v.add("value", parsed, `must be the platform's output team_<name>: ${FIELDS}`).throwIfAny();
    const values = checkValues(v, parsed as Partial<PlatformAttachmentValues>);
    v.throwIfAny();
    return new PlatformAttachment(values);
  }

  public readonly formatVersion = 1;
  public readonly platform: string;
  public readonly environment: string;
  public readonly team: string;
  public readonly namespace: string;
  public readonly namePrefix: string;
  public readonly pathPrefix: string;
  public readonly aclGroups: readonly string[];
  public readonly kongAdminUrl: string;
  public readonly kongAdminPortForward: string;
  public readonly kongAdminCredentials: PublishedAdminCredentials;
  public readonly kongProxy: IKongProxyPeer;
  public readonly clientTransport: PublishedClientTransport;
  public readonly rateLimitCounters: PublishedCounters;

  private constructor(values: PlatformAttachmentValues) {
    this.platform = values.platform;
    this.environment = values.environment;
    this.team = values.team;
    this.namespace = values.namespace;
    this.namePrefix = values.namePrefix;
    this.pathPrefix = values.pathPrefix;
    this.aclGroups = Object.freeze([...values.aclGroups]);
    this.kongAdminUrl = values.kongAdminUrl;
    this.kongAdminPortForward = values.kongAdminPortForward;
    this.kongAdminCredentials = values.kongAdminCredentials;
    this.kongProxy = Object.freeze({ namespace: values.kongProxy.namespace, proxySelectorLabels: Object.freeze({ ...values.kongProxy.proxySelectorLabels }) });
    this.clientTransport = Object.freeze({ ...values.clientTransport });
    this.rateLimitCounters = Object.freeze({ ...values.rateLimitCounters });
  }

  /** The `RateLimitCounters` the platform's limits use: a team's models count in them unless they choose. */
  public counters(): RateLimitCounters {
    return RateLimitCounters.fromPublished(new Problems("PlatformAttachment"), "rateLimitCounters", this.rateLimitCounters) as RateLimitCounters;
  }

  /** The `AdminCredentials` of the published kind (declaring its sensitive variables), or none. */
  public adminCredentials(): AdminCredentials | undefined {
    switch (this.kongAdminCredentials.kind) {
      case "token":
        return AdminCredentials.token();
      case "apiKey":
        return AdminCredentials.apiKey();
      case "basicAuth":
        return AdminCredentials.basicAuth();
      default:
        return undefined;
    }
  }
}

/** Every field of the published values, checked; the values themselves when there was no problem. */
function checkValues(v: Problems, o: Partial<PlatformAttachmentValues>): PlatformAttachmentValues {
  strictKeys(v, "", o, VALUES_KEYS);
  if (o.formatVersion !== 1) {
    v.add("formatVersion", o.formatVersion, "must be 1: this version of kong-ai-platform reads attachments of format 1 (published by the same major version of the library)");
  }
  for (const [field, max] of [["platform", 20], ["environment", 30], ["team", 20], ["namespace", 63]] as const) {
    if (required(v, field, o[field])) literalLabel(v, field, o[field], max);
  }
  if (typeof o.team === "string" && o.namePrefix !== `${o.team}-`) {
    v.add("namePrefix", o.namePrefix, `must be ${JSON.stringify(`${o.team}-`)}: the team's name followed by "-"`);
  }
  if (typeof o.pathPrefix !== "string" || !isPathPrefix(o.pathPrefix)) {
    v.add("pathPrefix", o.pathPrefix, 'must be a path of lowercase segments that starts and ends with "/", e.g. "/v1/vision/"');
  }
  checkGroups(v, o);
  if (typeof o.kongAdminUrl !== "string" || !/^https?:\/\/[^/@\s]+(\/\S*)?$/.test(o.kongAdminUrl)) {
    v.add("kongAdminUrl", o.kongAdminUrl, "must be an http:// or https:// URL without credentials, e.g. http://kong-admin.kong.svc.cluster.local:8001");
  }
  if (typeof o.kongAdminPortForward !== "string") v.add("kongAdminPortForward", o.kongAdminPortForward, "must be the command that forwards the Admin API, a string");
  checkCredentials(v, o.kongAdminCredentials);
  if (required(v, "kongProxy", o.kongProxy)) checkKongPeer(v, "kongProxy", o.kongProxy);
  checkTransport(v, o.clientTransport);
  if (required(v, "rateLimitCounters", o.rateLimitCounters)) RateLimitCounters.fromPublished(v, "rateLimitCounters", o.rateLimitCounters);
  return o as PlatformAttachmentValues;
}

function literalLabel(v: Problems, field: string, value: unknown, max: number): void {
  if (isToken(value)) v.add(field, value, "must be a literal value: the published values are read at synth");
  else dns1123Label(v, field, value, max);
}

function checkGroups(v: Problems, o: Partial<PlatformAttachmentValues>): void {
  const groups = o.aclGroups;
  if (!Array.isArray(groups) || groups.length === 0) {
    v.add("aclGroups", groups, "must be a non-empty list of the team's ACL groups");
    return;
  }
  eachElement(
    v,
    "aclGroups",
    groups,
    (f, g) => {
      if (typeof g === "string" && (typeof o.team !== "string" || g === o.team || g.startsWith(`${o.team}-`))) return true;
      v.add(f, g, `must be ${JSON.stringify(o.team)} or start with ${JSON.stringify(`${o.team}-`)}: a team's groups are its own`);
      return false;
    },
    false,
  );
}

function checkCredentials(v: Problems, c: unknown): void {
  const kinds = ["none", ...Object.keys(ADMIN_CREDENTIAL_VARIABLES)];
  if (!plainObject(v, "kongAdminCredentials", c ?? null, '{ kind: "none" } or { kind, variables, source }')) return;
  const o = c as { kind?: unknown; source?: unknown };
  if (!kinds.includes(o.kind as string)) {
    v.add("kongAdminCredentials.kind", o.kind, `must be one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}`);
  } else if (o.kind !== "none" && (typeof o.source !== "string" || o.source === "")) {
    v.add("kongAdminCredentials.source", o.source, "must say where the team's pipeline reads the credential, e.g. \"vault:secret/kong/teams/vision\"");
  }
}

const TRANSPORT_KEYS = knownKeys<PublishedClientTransport>()(["httpsOnly", "httpsRedirectStatusCode"]);

function checkTransport(v: Problems, t: unknown): void {
  if (!required(v, "clientTransport", t) || !plainObject(v, "clientTransport", t ?? null, "must be an object { httpsOnly, httpsRedirectStatusCode }")) return;
  strictKeys(v, "clientTransport", t, TRANSPORT_KEYS);
  const o = t as Partial<PublishedClientTransport>;
  if (typeof o.httpsOnly !== "boolean") v.add("clientTransport.httpsOnly", o.httpsOnly, "must be true or false");
  if (![426, 301, 302, 307, 308].includes(o.httpsRedirectStatusCode as number)) {
    v.add("clientTransport.httpsRedirectStatusCode", o.httpsRedirectStatusCode, "must be one of 426, 301, 302, 307, 308");
  }
}
