import { Construct } from "constructs";
import { Target as KongTargetResource } from "../../.gen/providers/kong/target";
import { Upstream as KongUpstreamResource, UpstreamHealthchecks } from "../../.gen/providers/kong/upstream";
import { bool, integerIn, isToken, oneOf, required, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { clearableFields, tagsOf } from "./clearable";
import { IGatewayContext } from "./context";
import { cookieName, headerName, hostWithOptionalPort, numberBetween, path, sni, targetAddress, upstreamName, uuid } from "./validation";

/** Hash inputs the kevholditch/kong 6.5.1 provider can express (it has no query_arg / uri_capture fields). */
const HASH_ON = Object.freeze(["none", "consumer", "ip", "header", "cookie", "path"] as const);
export type HashOn = (typeof HASH_ON)[number];

const HEALTHCHECK_TYPES = Object.freeze(["tcp", "http", "https", "grpc", "grpcs"] as const);
export type HealthcheckType = (typeof HEALTHCHECK_TYPES)[number];

/** Active probing of targets (`entities/upstreams.lua` healthchecks.active). */
export interface ActiveHealthcheck {
  /** Probe protocol. @default "http" */
  readonly type?: HealthcheckType;
  /** Seconds a probe may take, 0..65535. @default 1 */
  readonly timeoutSeconds?: number;
  /** Probes run in parallel, 1..2^31. @default 10 */
  readonly concurrency?: number;
  /** Path probed. @default "/" */
  readonly httpPath?: string;
  /** SNI of https probes. @default none: the target's host */
  readonly httpsSni?: string;
  /** Verify the target's certificate in https probes. @default true */
  readonly httpsVerifyCertificate?: boolean;
  /**
   * When a target counts as healthy; `intervalSeconds` (0..65535, 0 = no probing of healthy targets) is the time
   * between probes. @default { intervalSeconds: 0, httpStatuses: [200, 302], successes: 0 }
   */
  readonly healthy?: { readonly intervalSeconds?: number; readonly httpStatuses?: number[]; readonly successes?: number };
  /**
   * When a target counts as unhealthy; `intervalSeconds` (0..65535, 0 = no probing of unhealthy targets) is the time
   * between probes, `timeouts` a count of probe timeouts.
   * @default { intervalSeconds: 0, httpStatuses: [429, 404, 500, 501, 502, 503, 504, 505], tcpFailures: 0, timeouts: 0, httpFailures: 0 }
   */
  readonly unhealthy?: {
    readonly intervalSeconds?: number;
    readonly httpStatuses?: number[];
    readonly tcpFailures?: number;
    readonly timeouts?: number;
    readonly httpFailures?: number;
  };
}

/** Passive checks (circuit breaker) on proxied traffic (`entities/upstreams.lua` healthchecks.passive). */
export interface PassiveHealthcheck {
  /** Traffic protocol. @default "http" */
  readonly type?: HealthcheckType;
  /** @default { httpStatuses: [200..208, 226, 300..308], successes: 0 } */
  readonly healthy?: { readonly httpStatuses?: number[]; readonly successes?: number };
  /** @default { httpStatuses: [429, 500, 503], tcpFailures: 0, timeouts: 0, httpFailures: 0 } */
  readonly unhealthy?: {
    readonly httpStatuses?: number[];
    readonly tcpFailures?: number;
    readonly timeouts?: number;
    readonly httpFailures?: number;
  };
}

export interface UpstreamHealthchecksProps {
  /** Active probes. @default Kong's defaults, written out: no active probing (intervals 0) */
  readonly active?: ActiveHealthcheck;
  /** Passive checks. @default Kong's defaults, written out: circuit breaker off (counters 0) */
  readonly passive?: PassiveHealthcheck;
}

export interface UpstreamTargetProps {
  /** "host[:port]" or "[ipv6]:port". A missing port is written as Kong's default, 8000. */
  readonly target: string;
  /**
   * Share of traffic relative to the other targets, 1..65535. 0 is refused (the provider would send no weight and Kong
   * would store 100): to drain a target, remove it. @default 100
   */
  readonly weight?: number;
  /** Tags. @default none */
  readonly tags?: string[];
}

export interface GatewayUpstreamProps {
  /** Upstream name: a hostname (no IP, no port); services use it as their host. @default the construct id */
  readonly name?: string;
  /**
   * Hash input of consistent hashing. Kong derives the algorithm from it: "none" means round-robin, anything else
   * consistent-hashing (the provider cannot set `algorithm` itself). @default "none"
   */
  readonly hashOn?: HashOn;
  /** Hash input when `hashOn` gives none; not with hashOn "none" or "cookie". @default "none" */
  readonly hashFallback?: HashOn;
  /** Header hashed with hashOn "header". @default none */
  readonly hashOnHeader?: string;
  /** Header hashed with hashFallback "header" (different from hashOnHeader). @default none */
  readonly hashFallbackHeader?: string;
  /** Cookie hashed with hashOn/hashFallback "cookie". @default none */
  readonly hashOnCookie?: string;
  /** Path of the cookie Kong sets. @default "/" */
  readonly hashOnCookiePath?: string;
  /** Hash ring slots, 10..65536. @default 10000 */
  readonly slots?: number;
  /** Host header sent to targets: a hostname or IP, optionally with a port. @default none: the target's host */
  readonly hostHeader?: string;
  /** Kong certificate id (a UUID or a kong_certificate's `id`) presented to targets. @default none */
  readonly clientCertificateId?: string;
  /**
   * Health checks. Both blocks are always rendered whole, Kong's defaults filled in, so that removing a setting (or
   * all of them) is applied. @default Kong's defaults: no active probing, no circuit breaker
   */
  readonly healthchecks?: UpstreamHealthchecksProps;
  /** Targets to add now (more with `addTarget`). @default none */
  readonly targets?: UpstreamTargetProps[];
  /** Tags. The library's tag `managed-by:kong-ai-platform` is always added (see `clearable.ts`). @default none */
  readonly tags?: string[];
}

const PASSIVE_HEALTHY = [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308];

/** A Kong upstream (kong_upstream) and its weighted targets (kong_target), e.g. a 90/10 canary split. */
export class GatewayUpstream extends Construct {
  /** The kong_upstream resource. */
  public readonly resource: KongUpstreamResource;
  /** The upstream's name (the host of services pointing at it). */
  public readonly name: string;
  /** The kong_target resources, in the order added. */
  public readonly targets: KongTargetResource[] = [];
  private readonly targetKeys = new Map<string, string>();

  constructor(gateway: IGatewayContext, id: string, props: GatewayUpstreamProps = {}) {
    super(gateway, id);
    const p: GatewayUpstreamProps = props !== null && typeof props === "object" ? props : {};
    const v = new Problems(this);
    const name = p.name ?? id;
    if (upstreamName(v, "name", name) && !isToken(name)) {
      const holder = gateway.names.claim("upstream", name.toLowerCase(), this.node.path);
      if (holder) v.add("name", name, `is already the name of the upstream ${holder}: Kong upstream names are unique`);
    }
    const hashOnOk = checkHashOn(v, "hashOn", p.hashOn);
    const fallbackOk = checkHashOn(v, "hashFallback", p.hashFallback);
    const onHeaderOk = headerName(v, "hashOnHeader", p.hashOnHeader);
    const fallbackHeaderOk = headerName(v, "hashFallbackHeader", p.hashFallbackHeader);
    cookieName(v, "hashOnCookie", p.hashOnCookie);
    path(v, "hashOnCookiePath", p.hashOnCookiePath);
    if (hashOnOk && fallbackOk) checkHashRules(v, p, onHeaderOk && fallbackHeaderOk);
    hostWithOptionalPort(v, "hostHeader", p.hostHeader);
    uuid(v, "clientCertificateId", p.clientCertificateId, "a Kong certificate (e.g. a kong_certificate resource's id)");
    integerIn(v, "slots", p.slots, 10, 65536);
    stringArray(v, "tags", p.tags);
    const healthchecks = renderHealthchecks(v, p.healthchecks);
    if (p.targets !== undefined && !Array.isArray(p.targets)) v.add("targets", p.targets, "must be a list of { target, weight }");
    v.throwIfAny();

    this.name = name;
    // Fields the provider's PATCH cannot clear: a flip of one replaces the upstream (its targets with it).
    const clearable = clearableFields(this, {
      host_header: p.hostHeader !== undefined,
      hash_on_header: p.hashOnHeader !== undefined,
      hash_fallback_header: p.hashFallbackHeader !== undefined,
      hash_on_cookie: p.hashOnCookie !== undefined,
      client_certificate_id: p.clientCertificateId !== undefined,
      "healthchecks.active.https_sni": healthchecks.active?.httpsSni !== undefined,
    });
    this.resource = new KongUpstreamResource(this, "Resource", {
      name,
      hashOn: p.hashOn ?? "none",
      hashFallback: p.hashFallback ?? "none",
      hashOnHeader: p.hashOnHeader,
      hashFallbackHeader: p.hashFallbackHeader,
      hashOnCookie: p.hashOnCookie,
      hashOnCookiePath: p.hashOnCookiePath ?? "/",
      slots: p.slots ?? 10000,
      hostHeader: p.hostHeader,
      clientCertificateId: p.clientCertificateId,
      healthchecks,
      tags: tagsOf(p.tags),
      lifecycle: { replaceTriggeredBy: [clearable] },
    });
    (p.targets ?? []).forEach((t, i) => this.addTarget(`Target${i}`, t));
  }

  /** The Kong upstream id (a Terraform reference). */
  public get id(): string {
    // made once: every target reuses the token (each new reference token costs cdktf a stack-trace capture)
    if (this.idToken === undefined) this.idToken = this.resource.id;
    return this.idToken;
  }
  private idToken?: string;

  /**
   * Adds a target (kong_target) with a weight, always rendered as host:port. Targets are unique per upstream. Every
   * field of a kong_target forces a new one, so a weight change replaces the target (briefly absent during the apply).
   */
  public addTarget(id: string, props: UpstreamTargetProps): KongTargetResource {
    const v = new Problems(this);
    const t: Partial<UpstreamTargetProps> = props !== null && typeof props === "object" ? props : {};
    let target = t.target;
    if (required(v, `targets.${id}.target`, t.target)) {
      const parsed = targetAddress(v, `targets.${id}.target`, t.target);
      if (parsed) {
        const hostPart = parsed.type === "ipv6" ? `[${parsed.host}]` : parsed.host;
        target = `${hostPart}:${parsed.port ?? 8000}`;
        const holder = this.targetKeys.get(target.toLowerCase());
        if (holder !== undefined) {
          v.add(`targets.${id}.target`, t.target, `is already the target ${holder} of this upstream: Kong targets are unique per upstream`);
        }
      }
    }
    if (t.weight === 0) {
      v.add(
        `targets.${id}.weight`,
        0,
        "cannot be 0: the kong provider 6.5.1 leaves a zero weight out, so Kong would store its default 100 and send the target full traffic (and every plan would replace it). To drain a target, remove it",
      );
    } else {
      integerIn(v, `targets.${id}.weight`, t.weight, 1, 65535);
    }
    stringArray(v, `targets.${id}.tags`, t.tags);
    v.throwIfAny();
    if (!isToken(target)) this.targetKeys.set(String(target).toLowerCase(), id);
    const resource = new KongTargetResource(this, id, {
      upstreamId: this.id,
      target: target as string,
      weight: t.weight ?? 100,
      tags: t.tags,
    });
    this.targets.push(resource);
    return resource;
  }
}

function checkHashOn(v: Problems, field: string, value: unknown): boolean {
  if (value === "query_arg" || value === "uri_capture") {
    v.add(field, value, `is not supported by the kevholditch/kong provider 6.5.1 (it has no field for the ${value} name); use ${HASH_ON.map((h) => JSON.stringify(h)).join(", ")}`);
    return false;
  }
  return oneOf(v, field, value, HASH_ON);
}

/** The conditional entity checks of `entities/upstreams.lua` for hash_on / hash_fallback. */
function checkHashRules(v: Problems, p: GatewayUpstreamProps, headersOk: boolean): void {
  const on = p.hashOn ?? "none";
  const fb = p.hashFallback ?? "none";
  if (on === "header" && p.hashOnHeader === undefined) v.add("hashOnHeader", undefined, 'is required when hashOn is "header"');
  if (fb === "header" && p.hashFallbackHeader === undefined) v.add("hashFallbackHeader", undefined, 'is required when hashFallback is "header"');
  if ((on === "cookie" || fb === "cookie") && p.hashOnCookie === undefined) {
    v.add("hashOnCookie", undefined, 'is required when hashOn or hashFallback is "cookie"');
  }
  if ((on === "none" || on === "cookie") && fb !== "none") {
    v.add("hashFallback", fb, `must be "none" when hashOn is ${describeValue(on)}`);
  } else if (on !== "none" && on !== "header" && fb === on) {
    v.add("hashFallback", fb, "must differ from hashOn (only header fallbacks may repeat the kind, with another header)");
  }
  if (
    headersOk &&
    typeof p.hashOnHeader === "string" &&
    typeof p.hashFallbackHeader === "string" &&
    !isToken(p.hashOnHeader) &&
    !isToken(p.hashFallbackHeader) &&
    p.hashOnHeader.toLowerCase() === p.hashFallbackHeader.toLowerCase()
  ) {
    v.add("hashFallbackHeader", p.hashFallbackHeader, "must differ from hashOnHeader");
  }
}

function statuses(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isToken(value)) return true;
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of HTTP status codes (100..999)");
    return false;
  }
  let ok = true;
  value.forEach((s, i) => (ok = integerIn(v, `${field}[${i}]`, s, 100, 999) && ok));
  return ok;
}

function objectOrEmpty<T extends object>(v: Problems, field: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    v.add(field, value, "must be an object");
    return {};
  }
  return value;
}

/** The status lists and counters active and passive checks share (Kong's healthchecks schema, 0..255 each). */
function checkHealthCounters(
  v: Problems,
  f: (s: string) => string,
  h: { httpStatuses?: number[]; successes?: number },
  u: { httpStatuses?: number[]; tcpFailures?: number; timeouts?: number; httpFailures?: number },
): void {
  statuses(v, f("healthy.httpStatuses"), h.httpStatuses);
  integerIn(v, f("healthy.successes"), h.successes, 0, 255);
  statuses(v, f("unhealthy.httpStatuses"), u.httpStatuses);
  integerIn(v, f("unhealthy.tcpFailures"), u.tcpFailures, 0, 255);
  integerIn(v, f("unhealthy.timeouts"), u.timeouts, 0, 255);
  integerIn(v, f("unhealthy.httpFailures"), u.httpFailures, 0, 255);
}

/**
 * Checks the health checks and renders both blocks whole, Kong's defaults filled in: the provider's healthchecks are
 * optional and computed, so a block left out would keep what Kong has.
 */
function renderHealthchecks(v: Problems, value: UpstreamHealthchecksProps | undefined): UpstreamHealthchecks {
  const hc = objectOrEmpty(v, "healthchecks", value);
  return { active: renderActive(v, hc.active ?? {}), passive: renderPassive(v, hc.passive ?? {}) };
}

function renderActive(v: Problems, value: ActiveHealthcheck): UpstreamHealthchecks["active"] {
  const a = objectOrEmpty(v, "healthchecks.active", value);
  const f = (s: string) => `healthchecks.active.${s}`;
  oneOf(v, f("type"), a.type, HEALTHCHECK_TYPES);
  numberBetween(v, f("timeoutSeconds"), a.timeoutSeconds, 0, 65535);
  integerIn(v, f("concurrency"), a.concurrency, 1, 2 ** 31);
  path(v, f("httpPath"), a.httpPath);
  sni(v, f("httpsSni"), a.httpsSni);
  bool(v, f("httpsVerifyCertificate"), a.httpsVerifyCertificate);
  const h = objectOrEmpty(v, f("healthy"), a.healthy);
  numberBetween(v, f("healthy.intervalSeconds"), h.intervalSeconds, 0, 65535);
  const u = objectOrEmpty(v, f("unhealthy"), a.unhealthy);
  numberBetween(v, f("unhealthy.intervalSeconds"), u.intervalSeconds, 0, 65535);
  checkHealthCounters(v, f, h, u);
  return {
    type: a.type ?? "http",
    timeout: a.timeoutSeconds ?? 1,
    concurrency: a.concurrency ?? 10,
    httpPath: a.httpPath ?? "/",
    httpsSni: a.httpsSni,
    httpsVerifyCertificate: a.httpsVerifyCertificate ?? true,
    healthy: { interval: h.intervalSeconds ?? 0, httpStatuses: h.httpStatuses ?? [200, 302], successes: h.successes ?? 0 },
    unhealthy: {
      interval: u.intervalSeconds ?? 0,
      httpStatuses: u.httpStatuses ?? [429, 404, 500, 501, 502, 503, 504, 505],
      tcpFailures: u.tcpFailures ?? 0,
      timeouts: u.timeouts ?? 0,
      httpFailures: u.httpFailures ?? 0,
    },
  };
}

function renderPassive(v: Problems, value: PassiveHealthcheck): UpstreamHealthchecks["passive"] {
  const ps = objectOrEmpty(v, "healthchecks.passive", value);
  const f = (s: string) => `healthchecks.passive.${s}`;
  oneOf(v, f("type"), ps.type, HEALTHCHECK_TYPES);
  const h = objectOrEmpty(v, f("healthy"), ps.healthy);
  const u = objectOrEmpty(v, f("unhealthy"), ps.unhealthy);
  checkHealthCounters(v, f, h, u);
  return {
    type: ps.type ?? "http",
    healthy: { httpStatuses: h.httpStatuses ?? PASSIVE_HEALTHY, successes: h.successes ?? 0 },
    unhealthy: {
      httpStatuses: u.httpStatuses ?? [429, 500, 503],
      tcpFailures: u.tcpFailures ?? 0,
      timeouts: u.timeouts ?? 0,
      httpFailures: u.httpFailures ?? 0,
    },
  };
}
