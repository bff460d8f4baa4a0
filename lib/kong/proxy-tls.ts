import { eachElement, noUnsetValue, plainObject } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { isToken } from "../core/tokens";
import { snapshotOptions } from "../kubernetes/load-balancer";
import { dns1123Subdomain } from "../kubernetes/names";

/** Options of `ProxyTls.fromSecret`. */
export interface ProxyTlsSecretOptions {
  /**
   * A Kubernetes TLS Secret in Kong's namespace, with the keys `tls.crt` (the certificate chain) and `tls.key`: what
   * cert-manager writes for a `Certificate` (`spec.secretName`), or `kubectl create secret tls`.
   */
  readonly secretName: string;
  /**
   * The host names the certificate is for (its DNS SANs: cert-manager's `dnsNames`), at least one; a leading `*.`
   * label for a wildcard (`*.example.com` covers `api.example.com`, not `example.com`). Route hosts and the Admin API's
   * host must be among them: a client verifying the certificate would refuse any other name.
   */
  readonly hosts: string[];
  /** How Kong picks up a renewed certificate. @default CertificateReload.manual(): you restart Kong after a renewal */
  readonly reload?: CertificateReload;
}

/** Options of `CertificateReload.manual`. */
export interface ManualReloadOptions {
  /**
   * Any text, written to the pod template as the annotation `ai-platform/tls-generation`: change it (e.g. to the date
   * of the renewal) and deploy, and Terraform rolls Kong's pods, which then read the renewed files.
   * @default none: no annotation; restart with `kubectl rollout restart` (Terraform ignores the annotation that adds)
   */
  readonly generation?: string;
}

/**
 * How Kong picks up a renewed certificate. Kong reads its certificate files (and builds its trusted-CA bundle) when
 * it starts: a renewed Secret reaches the mounted files within a minute or two, but Kong keeps serving the old
 * certificate until its pods restart.
 * - `CertificateReload.manual({ generation? })`: you restart Kong (`kubectl rollout restart`, or change `generation`
 *   and deploy) within the renewal window (cert-manager renews a 90-day certificate 30 days before it expires).
 * - `CertificateReload.reloader()`: Stakater Reloader (installed in the cluster, run with
 *   `--reload-strategy=annotations`) rolls Kong whenever one of its certificate Secrets or CA ConfigMaps changes.
 */
export class CertificateReload {
  /** You restart Kong after each renewal; `generation` gives Terraform a value to roll the pods with. */
  public static manual(options: ManualReloadOptions = {}): CertificateReload {
    return new CertificateReload("manual", options);
  }

  /**
   * Stakater Reloader restarts Kong when a mounted certificate Secret or CA ConfigMap changes: the Deployment names
   * them in `secret.reloader.stakater.com/reload` and `configmap.reloader.stakater.com/reload`, and Terraform ignores
   * the pod-template annotation Reloader writes (`reloader.stakater.com/last-reloaded-from`, the `annotations`
   * strategy; its default `env-vars` strategy edits the containers, which Terraform would undo at the next apply).
   */
  public static reloader(): CertificateReload {
    return new CertificateReload("reloader", {});
  }

  /** The generation annotation's value (manual only). */
  public readonly generation?: string;
  private readonly options: unknown;

  private constructor(
    /** Who restarts Kong after a renewal. */
    public readonly kind: "manual" | "reloader",
    given: unknown,
  ) {
    const options = snapshotOptions(given);
    this.options = options;
    const o = (options !== null && typeof options === "object" ? options : {}) as ManualReloadOptions;
    this.generation = o.generation;
  }

  /** Records the problems of the options under `field`; returns whether there was none. */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    if (!plainObject(v, field, this.options, "must be an object { generation? }")) return false;
    strictKeys(v, field, this.options, MANUAL_KEYS);
    const g = this.generation;
    if (g !== undefined && !isToken(g) && (typeof g !== "string" || g.trim() === "")) {
      v.add(`${field}.generation`, g, 'must be a non-empty string, e.g. "2025-06-01": change it to roll Kong\'s pods');
    }
    return v.count === before;
  }
}

/** A DNS name, or one with a leading `*.` label: what a certificate's DNS SAN may hold. */
const TLS_KEYS = knownKeys<ProxyTlsSecretOptions>()(["secretName", "hosts", "reload"]);
const MANUAL_KEYS = knownKeys<ManualReloadOptions>()(["generation"]);

const CERT_HOST = /^(\*\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The certificate Kong's proxy serves to clients. `ProxyTls.fromSecret({ secretName, hosts })` mounts a Kubernetes TLS
 * Secret into Kong's proxy container (a directory mount, so renewals reach the files) and makes it Kong's default
 * certificate (`KONG_SSL_CERT` / `KONG_SSL_CERT_KEY`): Kong serves it on every TLS connection, whatever name the client
 * asks for, so one certificate lists every host (its SANs, or a wildcard). The private key stays in the cluster:
 * nothing of it enters Terraform's JSON or state.
 */
export class ProxyTls {
  /** The certificate and key of a Kubernetes TLS Secret in Kong's namespace. */
  public static fromSecret(options: ProxyTlsSecretOptions): ProxyTls {
    return new ProxyTls(options);
  }

  /** Name of the TLS Secret. */
  public readonly secretName: string;
  /** The host names the certificate is for, lowercase, as given. */
  public readonly hosts: readonly string[];
  /** How a renewal reaches Kong. */
  public readonly reload: CertificateReload;
  private readonly options: unknown;

  private constructor(given: unknown) {
    const options = snapshotOptions(given);
    this.options = options;
    const o = (options !== null && typeof options === "object" ? options : {}) as Partial<ProxyTlsSecretOptions>;
    this.secretName = o.secretName as string;
    this.hosts = Array.isArray(o.hosts) ? o.hosts.map((h) => (typeof h === "string" && !isToken(h) ? h.toLowerCase() : h)) : [];
    this.reload = o.reload instanceof CertificateReload ? o.reload : CertificateReload.manual();
  }

  /**
   * Whether the certificate names `host` (a route host, possibly with a port or a wildcard label): an exact match, or
   * a wildcard SAN `*.example.com` for a name one label below it. A token host cannot be checked and counts as covered.
   */
  public covers(host: string): boolean {
    if (isToken(host)) return true;
    const name = host.toLowerCase().replace(/:\d+$/, "");
    return this.hosts.some((san) => isToken(san) || san === name || (san.startsWith("*.") && !name.startsWith("*.") && wildcardMatch(san, name)));
  }

  /** Records every problem under `field` (e.g. `tls.hosts[0]`); returns whether there was none. Called by KongCluster. */
  public validate(v: Problems, field: string): boolean {
    const before = v.count;
    if (!plainObject(v, field, this.options, "must be an object { secretName, hosts, reload? }")) return false;
    const o = (this.options ?? {}) as Partial<ProxyTlsSecretOptions>;
    strictKeys(v, field, o, TLS_KEYS);
    if (o.secretName === undefined || o.secretName === "") {
      v.add(`${field}.secretName`, o.secretName, "is required: the TLS Secret in Kong's namespace (keys tls.crt and tls.key), e.g. the spec.secretName of a cert-manager Certificate");
    } else {
      dns1123Subdomain(v, `${field}.secretName`, o.secretName);
    }
    checkHosts(v, `${field}.hosts`, o.hosts);
    if (o.reload !== undefined) {
      if (o.reload instanceof CertificateReload) o.reload.validate(v, `${field}.reload`);
      else v.add(`${field}.reload`, o.reload, "must be made with CertificateReload.manual({ generation? }) or CertificateReload.reloader()");
    }
    return v.count === before;
  }
}

function checkHosts(v: Problems, field: string, hosts: unknown): void {
  if (isToken(hosts)) {
    v.add(field, hosts, "must be a literal list (its elements may be tokens): route hosts are checked against it at synth");
    return;
  }
  if (!Array.isArray(hosts) || hosts.length === 0) {
    v.add(
      field,
      hosts,
      'must list the host names the certificate is for (at least one, e.g. ["api.example.com"]): clients verify the certificate against the name they call, and routes and the Admin API are checked against this list',
    );
    return;
  }
  const seen = new Set<string>();
  eachElement(v, field, hosts, (f, h) => {
    if (!noUnsetValue(v, f, h)) return false;
    if (typeof h !== "string" || !CERT_HOST.test(h.toLowerCase()) || h.length > 253) {
      v.add(f, h, 'must be a DNS name, optionally with a leading "*." label for a wildcard (e.g. "api.example.com", "*.example.com"); no IP address, port or scheme');
      return false;
    }
    if (seen.has(h.toLowerCase())) {
      v.add(f, h, `is listed twice: remove the second ${describeValue(h)}`);
      return false;
    }
    seen.add(h.toLowerCase());
    return true;
  });
}

/** `*.example.com` matches `api.example.com` (exactly one label in place of the `*`). */
function wildcardMatch(san: string, name: string): boolean {
  const suffix = san.slice(1);
  if (!name.endsWith(suffix)) return false;
  const label = name.slice(0, name.length - suffix.length);
  return label.length > 0 && !label.includes(".");
}
