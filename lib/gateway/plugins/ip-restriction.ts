import { cidrList, coversEveryAddress, integerIn, isToken, nonEmptyString } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { compact, optionsOf, PolicySpec } from "./render";

/**
 * Options of Kong's ip-restriction plugin (Kong/kong 3.9.1 `kong/plugins/ip-restriction/schema.lua`):
 * at least one of `allow` / `deny` (both may be set; deny wins).
 * https://developer.konghq.com/plugins/ip-restriction/
 */
export interface IpRestrictionOptions {
  /** IP addresses or CIDR blocks allowed; a /0 block (every address) is refused. @default none */
  readonly allow?: string[];
  /** IP addresses or CIDR blocks refused. @default none */
  readonly deny?: string[];
  /** HTTP status of refused requests. @default none: Kong answers 403 */
  readonly status?: number;
  /** Body message of refused requests. @default none: Kong's "IP address not allowed" */
  readonly message?: string;
}

export function ipRestriction(options: IpRestrictionOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("ipRestriction");
  const allowOk = cidrList(v, "allow", o.allow);
  if (allowOk && Array.isArray(o.allow)) {
    o.allow.forEach((item, i) => {
      if (typeof item === "string" && !isToken(item) && coversEveryAddress(item)) {
        v.add(
          `allow[${i}]`,
          item,
          "allows every address, so the plugin restricts nothing: list the networks that need access (to refuse only some sources, use deny alone)",
        );
      }
    });
  }
  const denyOk = cidrList(v, "deny", o.deny);
  const hasAllow = Array.isArray(o.allow) && o.allow.length > 0;
  const hasDeny = Array.isArray(o.deny) && o.deny.length > 0;
  if (allowOk && denyOk && !hasAllow && !hasDeny) {
    v.add("allow", o.allow, "or deny must list at least one IP address or CIDR block");
  }
  integerIn(v, "status", o.status, 100, 599);
  nonEmptyString(v, "message", o.message);
  const config = v.isEmpty
    ? compact({
        allow: hasAllow ? o.allow : undefined,
        deny: hasDeny ? o.deny : undefined,
        status: o.status,
        message: o.message,
      })
    : {};
  return { name: "ip-restriction", label: "ipRestriction", config, problems: v.items };
}
