import { isToken } from "../core/checks";
import { describeValue } from "../core/errors";

/*
 * Kong runs plugins only for a request that matched a route. A browser sends its CORS preflight as OPTIONS, so a route
 * whose methods leave OPTIONS out answers it with 404 "no Route matched": the cors plugin never runs and the browser
 * refuses the real call (Kong/kong#4859). The cors plugin answers a preflight itself, in its access phase, before
 * any authentication plugin (priority 2000), so matching OPTIONS opens nothing else.
 */

/** @internal Whether a route's methods keep it from matching a preflight (no methods: any method, OPTIONS included). */
export function missesPreflight(methods: readonly string[] | undefined): methods is readonly string[] {
  return methods !== undefined && !isToken(methods) && methods.length > 0 && !methods.includes("OPTIONS");
}

const PREFLIGHT = 'answers a browser\'s preflight (OPTIONS) only on routes that match it; Kong would answer the preflight with 404 "no Route matched" and the browser refuse the call';

/** @internal The message of a cors plugin attached over a route that does not match OPTIONS. */
export function corsWithoutPreflight(routePath: string, methods: readonly string[]): string {
  return `${PREFLIGHT}, and the route ${routePath} matches only ${describeValue(methods)}: add "OPTIONS" to its methods`;
}

/** @internal The message of a route, without OPTIONS, under a cors plugin of its service or of the gateway. */
export function routeWithoutPreflight(corsOn: "gateway" | "service" | "route" | "consumer"): string {
  const where = corsOn === "gateway" ? "the gateway (globally)" : `its ${corsOn}`;
  return `must include "OPTIONS": the cors plugin on ${where} ${PREFLIGHT}. Add "OPTIONS" to methods`;
}
