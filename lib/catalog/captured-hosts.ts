import type { ApiEntry, RouteEntry } from "./types";

/**
 * Host names of the proxy's certificate that a client may not use to call the routes without hosts: those bound to a
 * route that could take such a request first. Kong ranks a route that matches the host above one that matches on
 * the path alone, so a route bound to a host captures every request to it whose path its own paths match (none, a
 * regex, or a prefix of the other route's path). The Admin API published on its own host with path "/" captures all
 * of its host; model routes bound to a host with their own paths leave the host to the others.
 */
export function capturedHosts(apis: readonly ApiEntry[]): Set<string> {
  const routes = apis.flatMap((api) => api.routes);
  const hostless = routes.filter((r) => r.hosts.length === 0);
  const captured = new Set<string>();
  for (const bound of routes.filter((r) => r.hosts.length > 0)) {
    if (hostless.some((r) => captures(bound, r))) for (const h of bound.hosts) captured.add(h.toLowerCase());
  }
  return captured;
}

/** Whether `bound` (a route with hosts) could match a request meant for `other` (a route without). */
function captures(bound: RouteEntry, other: RouteEntry): boolean {
  if (bound.regexPaths.length > 0 || (bound.paths.length === 0 && bound.regexPaths.length === 0)) return true;
  const theirs = other.paths.length > 0 ? other.paths : ["/"];
  if (other.regexPaths.length > 0) return true;
  return bound.paths.some((mine) => theirs.some((p) => p.startsWith(mine) || mine.startsWith(p)));
}
