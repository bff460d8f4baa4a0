import { IGatewayContext } from "../gateway/context";
import { GatewayUpstream, UpstreamHealthchecksProps } from "../gateway/upstream";
import type { ResolvedModel } from "./resolved";

/**
 * The health checks of a model's upstream (http models). Kong's passive checks only ever take a target out: once
 * they have, only an active probe (or an Admin API call) brings it back (Kong's "Health checks and circuit
 * breakers": "Passive health checks cannot" re-enable a target). So:
 * - active probes of the model's readiness path: every 10 s while a target is healthy (2 failures take it out, as a
 *   readiness probe would), every 5 s while it is unhealthy, and 2 successes bring it back;
 * - passive checks on live traffic, without 429: a model answering 429 is busy or rate limiting, not broken, and
 *   must not be ejected for it.
 * `successes`, `httpFailures`, `tcpFailures`, `timeouts` are counts; intervals are seconds. Kong keeps health per
 * Kong node: each proxy pod probes and decides on its own.
 */
export function modelHealthchecks(readinessPath: string): UpstreamHealthchecksProps {
  return {
    active: {
      type: "http",
      httpPath: readinessPath,
      timeoutSeconds: 2,
      healthy: { intervalSeconds: 10, successes: 2 },
      unhealthy: { intervalSeconds: 5, httpStatuses: [404, 500, 501, 502, 503, 504, 505], httpFailures: 2, tcpFailures: 2, timeouts: 3 },
    },
    passive: {
      type: "http",
      unhealthy: { httpStatuses: [500, 503], httpFailures: 5, timeouts: 3 },
    },
  };
}

/**
 * A canary's upstream, `<gateway>/<model>/Upstream`: both tracks' VIPs as weighted targets, `Target0` the stable
 * version and `Target1` the canary (ids that never depend on which tracks have a share, so a promotion replaces only the targets whose weight changed). A track
 * with no share (weightPercent 0 or 100) is left out, never given weight 0.
 *
 * http models get `modelHealthchecks`. gRPC models get no health checks: Kong's active probes speak HTTP/1.x (a
 * `tcp` probe runs only in Kong's stream subsystem), which a gRPC server does not answer, and passive checks alone
 * would take a failed version out for good. Kubernetes' readiness probes still keep unready pods out of each VIP.
 */
export function addCanaryUpstream(p: ResolvedModel, scope: IGatewayContext, hosts: { stable: string; canary: string }): GatewayUpstream {
  const canaryWeightPercent = p.canary?.weightPercent ?? 0;
  const upstream = new GatewayUpstream(scope, "Upstream", {
    name: `${p.name}.upstream`,
    healthchecks: p.protocol === "http" ? modelHealthchecks(p.probes.readinessPath) : undefined,
  });
  const stableWeight = 100 - canaryWeightPercent;
  if (stableWeight > 0) upstream.addTarget("Target0", { target: `${hosts.stable}:${p.vip.port}`, weight: stableWeight });
  if (canaryWeightPercent > 0) {
    upstream.addTarget("Target1", { target: `${hosts.canary}:${p.vip.port}`, weight: canaryWeightPercent });
  }
  return upstream;
}
