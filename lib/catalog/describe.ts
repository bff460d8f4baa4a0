import type { AuthenticationInfo, CacheInfo, CatalogAuthMethod, CorsInfo, CredentialLocation, RateLimitInfo, ReplicaInfo, RequestSizeInfo, WorkloadInfo } from "./types";

/** Short texts shared by the OpenAPI descriptions, the Markdown catalog and the topology diagram. */

const POLICIES: Readonly<Record<string, string>> = {
  local: "each Kong pod counts separately",
  cluster: "counted across Kong pods in its database",
  redis: "counted across Kong pods in Redis",
};

export function locationText(loc: CredentialLocation): string {
  if (loc.scheme === "bearer") return `${loc.name}: Bearer <token>`;
  if (loc.scheme === "basic") return `${loc.name}: Basic`;
  return `${loc.in} ${loc.name}`;
}

export function methodText(m: CatalogAuthMethod): string {
  const claims = m.claimsVerified?.length ? `; the token must carry ${m.claimsVerified.join(" and ")}` : "";
  return `${m.plugin} (${m.locations.map(locationText).join(" or ")}${claims})${m.anonymous ? ", optional" : ""}`;
}

/** How a route authenticates, e.g. `key-auth (header apikey)`, `any of: jwt (...), key-auth (...)`, `none (public)`. */
export function authenticationText(auth: AuthenticationInfo): string {
  if (auth.mode === "none") return "none (public)";
  const methods = auth.methods.map(methodText);
  if (auth.mode === "all") return methods.length === 1 ? methods[0] : `all of: ${methods.join("; ")}`;
  const open = auth.anonymousAdmitted ? "; without a credential: anonymous access" : "";
  if (auth.mode === "any") return `any one of: ${auth.methods.map((m) => methodText({ ...m, anonymous: false })).join("; ")}${open}`;
  return `${auth.methods.filter((m) => !m.anonymous).map(methodText).join("; ")}; optional: ${auth.methods.filter((m) => m.anonymous).map(methodText).join("; ")}`;
}

/** e.g. `10/second, 300/minute per consumer (policy local: each Kong pod counts separately)`. */
export function rateLimitText(rl: RateLimitInfo): string {
  const windows = rl.windows.map((w) => `${w.limit}/${w.window}`).join(", ");
  const policy = POLICIES[rl.policy] ? `policy ${rl.policy}: ${POLICIES[rl.policy]}` : `policy ${rl.policy}`;
  return `${windows} per ${rl.limitBy} (${policy})`;
}

/** e.g. `10 megabytes (10485760 bytes)`. */
export function sizeText(rs: RequestSizeInfo): string {
  return `${rs.size} ${rs.unit}${rs.unit === "bytes" ? "" : ` (${rs.bytes} bytes)`}${rs.requireContentLength ? ", Content-Length required" : ""}`;
}

export function corsText(cors: CorsInfo): string {
  const origins = cors.origins.length > 0 ? cors.origins.join(", ") : "every origin";
  const preflight = !cors.preflightRouted
    ? "preflights never reach Kong's cors plugin: the route does not match OPTIONS, so browsers get 404"
    : cors.preflightContinue
      ? "preflights passed to the backend"
      : "preflights answered by Kong";
  return `${origins} (${cors.methods.join(", ")}; ${preflight})`;
}

/** e.g. `GET, HEAD answers 200, 301, 404 (text/plain, application/json) for 300 s, per consumer; each Kong pod keeps its own`. */
export function cacheText(cache: CacheInfo): string {
  const key = ["consumer", "method", "path", cache.varyQueryParams ? `query ${cache.varyQueryParams.join(", ") || "none"}` : "query", ...cache.varyHeaders.map((h) => `header ${h}`)];
  const control = cache.cacheControl ? "; honours Cache-Control" : "; ignores Cache-Control (no-store and private included)";
  return `${cache.methods.join(", ")} answers ${cache.responseCodes.join(", ")} (${cache.contentTypes.join(", ")}) for ${cache.ttlSeconds} s, keyed by ${key.join(", ")}${control}; each Kong pod keeps its own`;
}

/** e.g. `1..2 pods (autoscaled at 70% CPU)`, `3 pods`. */
export function replicasText(r: ReplicaInfo): string {
  const count = r.min === r.max ? `${r.min} pod${r.min === 1 ? "" : "s"}` : `${r.min}..${r.max} pods`;
  if (!r.autoscaled) return count;
  return `${count} (autoscaled${r.cpuTargetPercent !== undefined ? ` at ${r.cpuTargetPercent}% CPU` : ""})`;
}

export function gpuText(w: WorkloadInfo): string | undefined {
  return w.gpus ? `${w.gpus.count} × ${w.gpus.resource} per pod` : undefined;
}
