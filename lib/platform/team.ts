import { Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { eachElement, integerIn, isToken, literal, plainObject, stringArray } from "../core/checks";
import { describeValue, Problems } from "../core/errors";
import type { RateLimitCounters } from "../gateway/plugins/rate-limit-counters";
import { IKongProxyPeer } from "../models/model-isolation";
import type { ClientTransport } from "./client-transport";
import { dns1123Label, extendedResourceName } from "../kubernetes/names";
import { quantity } from "../kubernetes/quantities";
import { ADMIN_CREDENTIAL_VARIABLES, PlatformAttachmentValues, PublishedAdminCredentials, TeamAdminCredentials } from "./published-values";
import { isPathPrefix, TeamConvention } from "./team-convention";
import { addTeamNamespace, ResolvedTeamQuota, TEAM_QUOTA_DEFAULTS, TeamNamespaceObjects, TeamQuota } from "./team-namespace";
import { PlatformStackRules } from "./team-rules";
import { knownKeys, strictKeys } from "../core/keys";

export interface PlatformTeamProps {
  /** The team's namespace, where its app runs its models. @default "team-<name>" */
  readonly namespace?: string;
  /** Create the namespace (restricted Pod Security Standard enforced). Set false when an administrator creates it. @default true */
  readonly createNamespace?: boolean;
  /**
   * The ACL groups the team's models may allow, each `<name>` or `<name>-...`; the platform grants them to consumers
   * with `addConsumer`. @default ["<name>"]
   */
  readonly aclGroups?: string[];
  /** The start of every route path of the team: lowercase segments between "/", e.g. "/vision/". @default "/v1/<name>/" */
  readonly pathPrefix?: string;
  /** What the team's pods may take in total, GPUs included. @default 16 CPUs, 64Gi, 50 pods, no GPU, no load balancer */
  readonly quota?: TeamQuota;
  /**
   * Kubernetes groups (as your cluster authenticates them) bound to the ClusterRole "edit" in the team's namespace:
   * those who run the team's `cdktf deploy`. @default none: the cluster administrator grants access
   */
  readonly deployerGroups?: string[];
  /**
   * How the team's Terraform authenticates to the Kong Admin API: the kind (the team's app declares its sensitive
   * variables) and where the team's pipeline reads the value. Only the reference is published.
   * @default none: an Admin API without authentication (reached in the cluster or with a port-forward)
   */
  readonly adminCredentials?: TeamAdminCredentials;
}

/** What a team needs of its platform; `AiPlatform` is one. */
export interface ITeamHost {
  readonly stackPrefix: string;
  readonly environment: string;
  readonly namespaces: { readonly kong: string; readonly models: string; readonly consumerCredentials: string };
  readonly platformStack: TerraformStack;
  readonly gatewayStack: TerraformStack;
  /** Kong's proxy pods and its Admin API's in-cluster URL. */
  readonly kong: IKongProxyPeer & { readonly adminUrl: string };
  readonly adminPortForward: string;
  /** The Admin API's key-auth route on the proxy, when the platform publishes the Admin API that way. */
  readonly adminApiRoute?: unknown;
  /** The teams declared so far, by name. */
  readonly teams: ReadonlyMap<string, PlatformTeam>;
  /** What the platform's model routes accept (published: a team's models follow it). */
  readonly clientTransport: ClientTransport;
  /** Where the platform's rate limits count (published: a team's model limits count there too). */
  readonly rateLimitCounters: RateLimitCounters;
}

/**
 * A model team of the platform (`AiPlatform.addTeam`): its namespace with a quota, limits and default-deny ingress,
 * the ACL groups its models may allow, and the output `team_<name>` of the platform stack with everything the team's
 * own app (`TeamApp`, in the team's repository and state) attaches with. The team's models, their Kong services,
 * routes and policies are the team's; the namespace, the quota and the consumers stay the platform's.
 */
export class PlatformTeam extends Construct {
  public readonly name: string;
  public readonly namespace: string;
  public readonly aclGroups: readonly string[];
  public readonly pathPrefix: string;
  /** The quota, defaults applied. */
  public readonly quota: ResolvedTeamQuota;
  /** The namespace (when created), ResourceQuota, LimitRange, default-deny NetworkPolicy and deployers' RoleBinding. */
  public readonly kubernetes: TeamNamespaceObjects;
  /** What the platform publishes for the team: the value of `output`. */
  public readonly published: PlatformAttachmentValues;
  /** The output `team_<name>` of the platform stack. */
  public readonly output: TerraformOutput;
  /** @internal The team's share of names and paths. */
  public readonly _convention: TeamConvention;

  constructor(host: ITeamHost, name: string, props: PlatformTeamProps = {}) {
    const p = checkTeamProps(host, name, props);
    super(host.platformStack, `team-${name}`);
    this.name = name;
    this.namespace = p.namespace ?? `team-${name}`;
    this.aclGroups = Object.freeze([...(p.aclGroups ?? [name])]);
    this.pathPrefix = p.pathPrefix ?? `/v1/${name}/`;
    this._convention = new TeamConvention(name, this.pathPrefix);
    this.quota = resolveQuota(p.quota ?? {});
    this.kubernetes = addTeamNamespace(this, {
      team: name,
      namespace: this.namespace,
      create: p.createNamespace !== false,
      quota: this.quota,
      deployerGroups: p.deployerGroups ?? [],
      labels: { "app.kubernetes.io/part-of": "ai-platform", "app.kubernetes.io/managed-by": "kong-ai-platform", "ai-platform/team": name },
    });
    this.published = {
      formatVersion: 1,
      platform: host.stackPrefix,
      environment: host.environment,
      team: name,
      namespace: this.namespace,
      namePrefix: this._convention.namePrefix,
      pathPrefix: this.pathPrefix,
      aclGroups: this.aclGroups,
      kongAdminUrl: host.kong.adminUrl,
      kongAdminPortForward: host.adminPortForward,
      kongAdminCredentials: publishedCredentials(p.adminCredentials),
      kongProxy: { namespace: host.kong.namespace, proxySelectorLabels: { ...host.kong.proxySelectorLabels } },
      clientTransport: { httpsOnly: host.clientTransport.httpsOnly, httpsRedirectStatusCode: host.clientTransport.httpsRedirectStatusCode },
      rateLimitCounters: host.rateLimitCounters._published(),
    };
    this.output = new TerraformOutput(this, "Attachment", {
      description: `What the app of team ${name} attaches with (PlatformAttachment.fromOutput): namespace, name and path prefixes, ACL groups, the Kong Admin API and its credential reference, Kong's proxy pods, the client transport and the rate-limit counters`,
      value: this.published,
    });
    this.output.overrideLogicalId(`team_${name.replace(/-/g, "_")}`);
    checkPlatformEntities(host);
  }
}

function resolveQuota(q: TeamQuota): ResolvedTeamQuota {
  const d = TEAM_QUOTA_DEFAULTS;
  const gpus = q.gpus ?? d.gpus;
  return {
    gpus,
    gpusPerContainer: q.gpusPerContainer ?? gpus,
    gpuResourceName: q.gpuResourceName ?? d.gpuResourceName,
    cpu: q.cpu ?? d.cpu,
    memory: q.memory ?? d.memory,
    pods: q.pods ?? d.pods,
    loadBalancers: q.loadBalancers ?? d.loadBalancers,
  };
}

function publishedCredentials(c: TeamAdminCredentials | undefined): PublishedAdminCredentials {
  return c === undefined ? { kind: "none" } : { kind: c.kind, variables: ADMIN_CREDENTIAL_VARIABLES[c.kind], source: c.source };
}

const checkedGateways = new WeakSet<TerraformStack>();

/** Once per platform: its own Kong entities must stay out of every team's share (checked at synth, any order). */
function checkPlatformEntities(host: ITeamHost): void {
  if (checkedGateways.has(host.gatewayStack)) return;
  checkedGateways.add(host.gatewayStack);
  Aspects.of(host.gatewayStack).add(new PlatformStackRules(() => [...host.teams.values()].map((t) => t._convention)));
}

const TEAM_KEYS = knownKeys<PlatformTeamProps>()(["namespace", "createNamespace", "aclGroups", "pathPrefix", "quota", "deployerGroups", "adminCredentials"]);
const QUOTA_KEYS = knownKeys<TeamQuota>()(["gpus", "gpusPerContainer", "gpuResourceName", "cpu", "memory", "pods", "loadBalancers"]);
const CREDENTIALS_KEYS = knownKeys<TeamAdminCredentials>()(["kind", "source"]);

/** The props, checked against the platform and the teams declared before; thrown at `<platform stack>/team-<name>`. */
function checkTeamProps(host: ITeamHost, name: string, props: PlatformTeamProps): PlatformTeamProps {
  // a name that is no string (even an object without toString) still names the path the problems are reported at
  const v = new Problems(`${host.platformStack.node.path}/team-${typeof name === "string" ? name : describeValue(name)}`);
  if (!plainObject(v, "props", props ?? null, "must be an object { namespace?, createNamespace?, aclGroups?, pathPrefix?, quota?, deployerGroups?, adminCredentials? }")) v.throwIfAny();
  strictKeys(v, "", props, TEAM_KEYS);
  if (typeof name !== "string" || isToken(name) || !dns1123Label(v, "name", name, 20)) {
    if (typeof name !== "string" || isToken(name)) v.add("name", name, "must be a literal DNS-1123 label of at most 20 characters");
    v.throwIfAny();
  }
  checkOtherTeams(v, host, name);
  // a second team of the same name would repeat the first's namespace and prefix: the name is the one problem
  if (host.teams.has(name)) v.throwIfAny();
  const namespace = props.namespace ?? `team-${name}`;
  if (isToken(namespace)) v.add("namespace", namespace, "must be a literal name: the team's app is given it at synth");
  else if (dns1123Label(v, "namespace", namespace)) checkNamespace(v, host, namespace);
  if (props.createNamespace !== undefined && typeof props.createNamespace !== "boolean") v.add("createNamespace", props.createNamespace, "must be true or false");
  checkGroups(v, name, props.aclGroups);
  if (props.pathPrefix !== undefined && (typeof props.pathPrefix !== "string" || !isPathPrefix(props.pathPrefix))) {
    v.add("pathPrefix", props.pathPrefix, 'must be lowercase path segments (letters, digits, \'-\'), each followed by "/", starting with "/", e.g. "/vision/"');
  } else {
    checkPathPrefix(v, host, props.pathPrefix ?? `/v1/${name}/`);
  }
  checkQuota(v, props.quota);
  if (literal(v, "deployerGroups", props.deployerGroups, "each group becomes a subject of the team's RoleBinding")) {
    stringArray(v, "deployerGroups", props.deployerGroups, false);
  }
  checkAdminCredentials(v, props.adminCredentials, host.adminApiRoute !== undefined);
  v.throwIfAny();
  return props;
}

function checkOtherTeams(v: Problems, host: ITeamHost, name: string): void {
  for (const other of host.teams.values()) {
    if (other.name === name) {
      v.add("name", name, `is already a team of this platform (${other.node.path}): team names are unique`);
    } else if (name.startsWith(`${other.name}-`) || other.name.startsWith(`${name}-`)) {
      const [longer, shorter] = name.length > other.name.length ? [name, other.name] : [other.name, name];
      v.add(
        "name",
        name,
        `and the team ${JSON.stringify(other.name)} would share Kong names: ${JSON.stringify(longer)} starts with ${JSON.stringify(`${shorter}-`)}, the name prefix of team ${JSON.stringify(shorter)}; choose a name that does not start with another team's name and "-"`,
      );
    }
  }
}

function checkNamespace(v: Problems, host: ITeamHost, namespace: string): void {
  const own = Object.entries(host.namespaces).find(([, ns]) => ns === namespace);
  if (own) v.add("namespace", namespace, `is the platform's ${own[0]} namespace: a team gets a namespace of its own`);
  for (const other of host.teams.values()) {
    if (other.namespace === namespace) v.add("namespace", namespace, `is already the namespace of team ${JSON.stringify(other.name)}: a team gets a namespace of its own`);
  }
}

function checkGroups(v: Problems, name: string, groups: unknown): void {
  if (groups === undefined) return;
  if (!Array.isArray(groups) || groups.length === 0) {
    v.add("aclGroups", groups, `must be a non-empty list of groups, each ${JSON.stringify(name)} or starting with ${JSON.stringify(`${name}-`)}`);
    return;
  }
  const seen = new Set<string>();
  eachElement(
    v,
    "aclGroups",
    groups,
    (f, g) => {
      const ok = typeof g === "string" && (g === name || (g.startsWith(`${name}-`) && g.length > name.length + 1));
      if (!ok) {
        v.add(f, g, `must be ${JSON.stringify(name)} or start with ${JSON.stringify(`${name}-`)}: a team's groups are its own, so that granting one to a consumer never opens another team's models`);
      } else if (seen.has(g)) {
        v.add(f, g, "is listed twice");
      }
      if (typeof g === "string") seen.add(g);
      return ok;
    },
    false,
  );
}

function checkPathPrefix(v: Problems, host: ITeamHost, prefix: string): void {
  for (const other of host.teams.values()) {
    if (prefix.startsWith(other.pathPrefix) || other.pathPrefix.startsWith(prefix)) {
      v.add(
        "pathPrefix",
        prefix,
        `overlaps the path prefix ${JSON.stringify(other.pathPrefix)} of team ${JSON.stringify(other.name)}: one team's routes could take the other's requests; give each team a prefix that does not contain another's`,
      );
    }
  }
}

function checkQuota(v: Problems, quota: TeamQuota | undefined): void {
  if (!plainObject(v, "quota", quota, "must be an object { gpus?, gpusPerContainer?, gpuResourceName?, cpu?, memory?, pods?, loadBalancers? }") || !quota) return;
  strictKeys(v, "quota", quota, QUOTA_KEYS);
  const gpusOk = integerIn(v, "quota.gpus", quota.gpus, 0, 10000);
  if (integerIn(v, "quota.gpusPerContainer", quota.gpusPerContainer, 0, 10000) && gpusOk && quota.gpusPerContainer !== undefined) {
    const gpus = quota.gpus ?? TEAM_QUOTA_DEFAULTS.gpus;
    // a reference on either side is compared by Kubernetes, at apply time
    if (!isToken(gpus) && !isToken(quota.gpusPerContainer) && quota.gpusPerContainer > gpus) v.add("quota.gpusPerContainer", quota.gpusPerContainer, `must be at most quota.gpus (${gpus}): a container cannot take more GPUs than the team has`);
  }
  extendedResourceName(v, "quota.gpuResourceName", quota.gpuResourceName);
  quantity(v, "quota.cpu", quota.cpu);
  quantity(v, "quota.memory", quota.memory);
  integerIn(v, "quota.pods", quota.pods, 1, 100000);
  integerIn(v, "quota.loadBalancers", quota.loadBalancers, 0, 1000);
}

function checkAdminCredentials(v: Problems, c: TeamAdminCredentials | undefined, keyAuthAdmin: boolean): void {
  if (keyAuthAdmin && (c === undefined || (c !== null && typeof c === "object" && c.kind !== "apiKey"))) {
    // The Admin API answers only through its key-auth route on the proxy (AdminEndpoint.throughProxy): a team's
    // Terraform without the key would get 401 on its first plan.
    v.add(
      "adminCredentials",
      c,
      'must be { kind: "apiKey", source } on this platform: its Admin API is published through the proxy behind key-auth (AdminEndpoint.throughProxy), so the team\'s Terraform sends kong_api_key; say where its pipeline reads it, e.g. { kind: "apiKey", source: "vault:secret/kong/teams/vision" }',
    );
    return;
  }
  if (!plainObject(v, "adminCredentials", c, '{ kind: "token" | "apiKey" | "basicAuth", source }') || !c) return;
  strictKeys(v, "adminCredentials", c, CREDENTIALS_KEYS);
  const kinds = Object.keys(ADMIN_CREDENTIAL_VARIABLES);
  if (!kinds.includes(c.kind)) v.add("adminCredentials.kind", c.kind, `must be one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}`);
  if (typeof c.source !== "string" || c.source.trim() === "" || isToken(c.source)) {
    v.add("adminCredentials.source", c.source, 'must say, as literal text, where the team\'s pipeline reads the credential, e.g. "vault:secret/kong/teams/vision" (never the credential itself)');
  }
}
