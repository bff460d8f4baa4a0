import { coversEveryAddress, eachElement, everyAddressRule, isCidrOrIp, isToken } from "../core/checks";
import { Problems } from "../core/errors";
import { isStringToken } from "../core/tokens";
import { knownKeys, strictKeys } from "../core/keys";
import { labelSelector } from "../kubernetes/labels";

/**
 * One source allowed to reach Kong's Admin API ports (8001, 8444) through the NetworkPolicy. Give either `cidr`, or
 * `namespaceSelector` and/or `podSelector`:
 * - `{ cidr: "10.20.0.0/16" }`: addresses in that block;
 * - `{ podSelector: { app: "ci-runner" } }`: those pods in Kong's namespace;
 * - `{ namespaceSelector: { "kubernetes.io/metadata.name": "ci" } }`: every pod of those namespaces;
 * - both selectors: those pods in those namespaces.
 */
export interface AdminPeer {
  readonly cidr?: string;
  readonly namespaceSelector?: Record<string, string>;
  readonly podSelector?: Record<string, string>;
}

const PEER_KEYS = knownKeys<AdminPeer>()(["cidr", "namespaceSelector", "podSelector"]);

/** The rendered `from` entry of a NetworkPolicy ingress rule. */
export interface NetworkPolicyPeer {
  readonly ipBlock?: { readonly cidr: string };
  readonly namespaceSelector?: { readonly matchLabels: Record<string, string> };
  readonly podSelector?: { readonly matchLabels: Record<string, string> };
}

/** What an Admin API source range opens, in messages. */
export const ADMIN_API = "the Admin API, which has no authentication in Kong OSS,";

/** A CIDR block that is not the whole internet: any prefix length 0 (`0.0.0.0/0`, `10.0.0.0/0`, `::0/0`, ...) is. */
export function adminCidr(v: Problems, field: string, value: unknown): boolean {
  if (isStringToken(value)) return true;
  if (typeof value !== "string" || !value.includes("/") || !isCidrOrIp(value)) {
    v.add(field, value, "must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32");
    return false;
  }
  if (coversEveryAddress(value)) {
    v.add(field, value, everyAddressRule(ADMIN_API));
    return false;
  }
  return true;
}

/** Checks `admin.allowFrom` and renders it as NetworkPolicy peers. */
export function adminPeers(v: Problems, field: string, value: unknown): NetworkPolicyPeer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    v.add(field, value, "must be a list of { cidr } or { namespaceSelector?, podSelector? } entries");
    return [];
  }
  if (isToken(value)) {
    v.add(field, value, "must be a literal list (its cidr values may be tokens): each entry becomes a peer of the Admin API's NetworkPolicy");
    return [];
  }
  const peers: NetworkPolicyPeer[] = [];
  eachElement(v, field, value, (f, raw) => {
    const peer = adminPeer(v, f, raw);
    if (peer !== undefined) peers.push(peer);
    return peer !== undefined;
  }, false);
  return peers;
}

/** One `admin.allowFrom` entry as a NetworkPolicy peer, or undefined after recording its problems. */
function adminPeer(v: Problems, f: string, raw: unknown): NetworkPolicyPeer | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || isToken(raw)) {
    v.add(f, raw, "must be { cidr } or { namespaceSelector?, podSelector? }");
    return undefined;
  }
  if (!strictKeys(v, f, raw, PEER_KEYS)) return undefined;
  const peer = raw as AdminPeer;
  const hasSelector = peer.namespaceSelector !== undefined || peer.podSelector !== undefined;
  if (peer.cidr === undefined && !hasSelector) {
    v.add(f, raw, "must set cidr, namespaceSelector or podSelector");
    return undefined;
  }
  if (peer.cidr !== undefined && hasSelector) {
    v.add(f, raw, "must set either cidr or selectors, not both: a NetworkPolicy peer is an IP block or a pod/namespace selector");
    return undefined;
  }
  if (peer.cidr !== undefined) return adminCidr(v, `${f}.cidr`, peer.cidr) ? { ipBlock: { cidr: peer.cidr } } : undefined;
  const okNs = labelSelector(v, `${f}.namespaceSelector`, peer.namespaceSelector);
  const okPod = labelSelector(v, `${f}.podSelector`, peer.podSelector);
  if (!okNs || !okPod) return undefined;
  return {
    ...(peer.namespaceSelector ? { namespaceSelector: { matchLabels: { ...peer.namespaceSelector } } } : {}),
    ...(peer.podSelector ? { podSelector: { matchLabels: { ...peer.podSelector } } } : {}),
  };
}
