import { Problems } from "../core/errors";
import { isToken } from "../core/tokens";

/** Path segments of lowercase letters, digits and '-', each followed by "/": "/v1/vision/", "/vision/". */
const PATH_PREFIX = /^\/([a-z0-9-]+\/)+$/;

/** Whether `value` can be a team's path prefix. */
export function isPathPrefix(value: string): boolean {
  return PATH_PREFIX.test(value);
}

/**
 * The share of the platform's Kong that belongs to one team: Kong names (services, routes, upstreams) that start
 * with `<team>-`, route paths under its path prefix (`/v1/<team>/` by default), ACL groups `<team>` or `<team>-...`.
 *
 * Why: every team's app has its own repository and Terraform state, so nothing at apply time keeps two of them from
 * choosing the same name or path. Kong refuses the second service of a name (one team's apply fails because of
 * another's), and it accepts two routes of the same path, sending the requests to one of them without a word. Names
 * and paths inside a team's share cannot collide with another team's: the platform refuses a team whose name is
 * another's followed by "-" (`vision-x` next to `vision`), and path prefixes where one contains the other.
 *
 * Prefix paths are plain string prefixes in Kong (`/v1/vision` matches `/v1/visionary`), hence the trailing "/".
 * Regex paths are anchored at their start by Kong 3.x and tried before prefix paths: a team's regex must begin with
 * its prefix, literally (no quantifier making the prefix's last "/" optional, no alternative outside parentheses), and
 * a platform regex that may match inside a team's prefix is refused.
 */
export class TeamConvention {
  /** `<team>-`: the start of every Kong name of the team. */
  public readonly namePrefix: string;

  constructor(
    /** The team's name. */
    public readonly team: string,
    /** The start of every route path of the team, e.g. "/v1/vision/". */
    public readonly pathPrefix: string,
  ) {
    this.namePrefix = `${team}-`;
  }

  /** Whether a Kong name is in the team's share. */
  public ownsName(name: string): boolean {
    return name.startsWith(this.namePrefix) && name.length > this.namePrefix.length;
  }

  /** Whether an ACL group is in the team's share. */
  public ownsGroup(group: string): boolean {
    return group === this.team || this.ownsName(group);
  }

  /**
   * Whether Kong could send a request under the team's prefix to a route with this path (what the platform's own
   * routes must not do): a prefix path inside the prefix or equal to it without its "/"; a regex whose matches may
   * start inside it (Kong tries regex paths before prefix paths, so such a regex would take the team's requests).
   * Shorter prefix paths ("/", "/v1/") only get the requests no route of the team matches: Kong prefers the longest.
   */
  public reaches(path: string): boolean {
    if (!path.startsWith("~")) return path.startsWith(this.pathPrefix) || path === this.pathPrefix.slice(0, -1);
    const literal = regexLiteralStart(path.slice(1));
    return literal.startsWith(this.pathPrefix) || this.pathPrefix.startsWith(literal);
  }

  /** A Kong name a team's app gives a service, route or upstream: it must be in the team's share. */
  public checkName(v: Problems, field: string, name: unknown): boolean {
    if (typeof name !== "string" || isToken(name)) {
      v.add(field, isToken(name) ? "<token>" : name, `must be a literal name starting with ${JSON.stringify(this.namePrefix)} in a team's app: the prefix cannot be checked on a Terraform reference`);
      return false;
    }
    if (this.ownsName(name)) return true;
    v.add(
      field,
      name,
      `must start with ${JSON.stringify(this.namePrefix)}, the prefix of team ${JSON.stringify(this.team)}: Kong service, route and upstream names are shared by every team on the platform's Kong (e.g. ${JSON.stringify(this.namePrefix + name)})`,
    );
    return false;
  }

  /** A route path of a team's app: a prefix path or a regex inside the team's path prefix. */
  public checkPath(v: Problems, field: string, path: unknown): boolean {
    if (typeof path !== "string" || isToken(path)) {
      v.add(field, isToken(path) ? "<token>" : path, `must be a literal path under ${JSON.stringify(this.pathPrefix)} in a team's app: the prefix cannot be checked on a Terraform reference`);
      return false;
    }
    const regex = path.startsWith("~");
    if (regex && hasTopLevelAlternative(path.slice(1))) {
      v.add(
        field,
        path,
        `must not have an alternative ("|") outside parentheses in a team's app: it could match paths outside the path prefix ${JSON.stringify(this.pathPrefix)} of team ${JSON.stringify(this.team)}; give each alternative as a path of its own`,
      );
      return false;
    }
    const start = regex ? `~${this.pathPrefix}` : this.pathPrefix;
    if (regex ? regexLiteralStart(path.slice(1)).startsWith(this.pathPrefix) : path.startsWith(start)) return true;
    v.add(
      field,
      path,
      `must start with ${JSON.stringify(start)}, the path prefix of team ${JSON.stringify(this.team)}: a path outside it could take requests meant for another team's routes on the shared Kong proxy`,
    );
    return false;
  }

  /** An ACL group a team's model allows: one of the groups the platform assigned to the team. */
  public checkGroup(v: Problems, field: string, group: unknown, groups: readonly string[]): boolean {
    if (typeof group === "string" && groups.includes(group)) return true;
    v.add(
      field,
      group,
      `is not an ACL group of team ${JSON.stringify(this.team)} (${groups.map((g) => JSON.stringify(g)).join(", ")}): the platform grants consumers only these groups for the team's models; use one of them, or ask the platform team to add it to addTeam(${JSON.stringify(this.team)}, { aclGroups })`,
    );
    return false;
  }
}

/** Characters that end the literal start of a regex. */
const REGEX_META = new Set([".", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "\\"]);

/**
 * The text every match of a regex path starts with (Kong 3.x anchors regex paths at their start): the characters
 * before the first metacharacter, less one when a quantifier follows it ("/v1/a?" starts "/v1/"); "" when an
 * alternative ("|") outside parentheses lets a match start with anything.
 */
export function regexLiteralStart(pattern: string): string {
  if (hasTopLevelAlternative(pattern)) return "";
  let end = 0;
  while (end < pattern.length && !REGEX_META.has(pattern[end])) end++;
  const optional = end > 0 && end < pattern.length && "?*{".includes(pattern[end]);
  return pattern.slice(0, optional ? end - 1 : end);
}

/** Whether a regex has a "|" outside every group and character class (escapes skipped). */
export function hasTopLevelAlternative(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}
