import { Aspects, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { StateBackend } from "../app/state-backend";
import { isToken, plainObject } from "../core/checks";
import { childId } from "../core/construct-ids";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys, suppliedKeys } from "../core/keys";
import { isListToken } from "../core/tokens";
import { IKongGateway } from "../gateway/gateway-base";
import { KongGateway } from "../gateway/gateway";
import { dns1123Label } from "../kubernetes/names";
import { DetectionService, DetectionServiceProps } from "../models/detection-service";
import { KongProxyPeer } from "../models/kong-proxy-peer";
import { IKongProxyPeer } from "../models/model-isolation";
import { routePaths } from "../models/route-paths";
import { transportDefaults } from "./client-transport";
import { kubernetesProvider } from "./kubernetes-provider";
import { withPlatformPolicies } from "./platform-policies";
import { PlatformAttachment } from "./published-values";
import { TeamConvention } from "./team-convention";
import { TeamStackRules } from "./team-rules";

/** A model of a team: DetectionService props without what the platform's published values supply. */
export type TeamModelDefinition = Omit<DetectionServiceProps, "gateway" | "kong" | "namespace">;

export interface TeamAppProps {
  /** What the platform published for the team: `PlatformAttachment.fromOutput(<the output team_<name>>)`. */
  readonly platform: PlatformAttachment;
  /** Where Terraform keeps the stack's state. @default `StateBackend.local()`: `<project>/terraform-state/<stack>.tfstate` */
  readonly backend?: StateBackend;
  /** The stack's name (and state file's). @default "<platform>-team-<team>-<environment>", e.g. "ai-team-vision-dev" */
  readonly stackName?: string;
}

const TEAM_APP_KEYS = knownKeys<TeamAppProps>()(["platform", "backend", "stackName"]);
/** Props a team's model gets from the published values, and where they come from. */
const SUPPLIED = {
  namespace: "a team's models run in the team's namespace (published by the platform)",
  gateway: "a team's models are registered in the platform's Kong (TeamApp imports it)",
  kong: "a team's models admit Kong's proxy pods (published by the platform)",
};

/**
 * The app of one model team, in the team's repository: one stack, with its own backend and state, holding only the
 * team's models — their Deployments, VIPs, autoscaling and NetworkPolicies in the team's namespace, their Kong
 * services, routes and policies on the platform's Kong — attached by the values the platform published for the team
 * (`PlatformAttachment`), never by reading the platform's state.
 * ```ts
 * const team = new TeamApp(app, "vision", { platform: PlatformAttachment.fromOutput(dev) });
 * team.addModel("segmentation", { name: "vision-segmentation", image: "registry.internal/vision/segmentation:1.0.0" });
 * ```
 * The stack's Kong provider reads `kong_admin_url` (default: the published in-cluster URL) and, when the platform
 * publishes a credential kind, its sensitive variables (`TF_VAR_kong_api_key`, ...). What the app may create is
 * checked when it is synthesized (`TeamStackRules`): Kong names start with `<team>-`, route paths with the team's
 * path prefix, Kubernetes objects sit in the team's namespace, and no consumer, global plugin or cluster-wide object
 * is made: `cdktf deploy` of the team's app never plans a resource of the platform or of another team.
 */
export class TeamApp extends Construct {
  public readonly stack: TerraformStack;
  /** The values the app attaches with. */
  public readonly platform: PlatformAttachment;
  /** The platform's Kong, imported (`KongGateway.fromAdminUrl`): global plugins are refused. */
  public readonly gateway: IKongGateway;
  /** Kong's proxy pods (`KongProxyPeer.fromAttributes`): the only peers the team's models admit. */
  public readonly kong: IKongProxyPeer;
  /** The team's namespace. */
  public readonly namespace: string;
  /** The team's models, by name. */
  public readonly models = new Map<string, DetectionService>();
  private readonly convention: TeamConvention;

  constructor(scope: Construct, id: string, props: TeamAppProps) {
    super(scope, childId(scope, id, { inStack: false }));
    const p = checkProps(this, props);
    const platform = p.platform;
    this.platform = platform;
    this.namespace = platform.namespace;
    this.convention = new TeamConvention(platform.team, platform.pathPrefix);
    const stackName = p.stackName ?? `${platform.platform}-team-${platform.team}-${platform.environment}`;
    const taken = scope.node.tryFindChild(stackName);
    if (taken) {
      new Problems(this)
        .add("stackName", stackName, `is already the id of ${taken.node.path}: one stack per team app; set stackName to another name`)
        .throwIfAny();
    }
    this.stack = new TerraformStack(scope, stackName);
    (p.backend ?? StateBackend.local()).applyTo(this.stack);
    kubernetesProvider(this.stack);
    const adminUrl = new TerraformVariable(this.stack, "kong_admin_url", {
      type: "string",
      default: platform.kongAdminUrl,
      description: `Kong Admin API URL as seen from where Terraform runs: the platform's in-cluster URL by default; elsewhere run \`${platform.kongAdminPortForward}\` and set TF_VAR_kong_admin_url=http://localhost:8001`,
    });
    this.gateway = KongGateway.fromAdminUrl(this.stack, "kong", { adminUrl: adminUrl.stringValue, adminCredentials: platform.adminCredentials() });
    this.kong = KongProxyPeer.fromAttributes(platform.kongProxy);
    Aspects.of(this.stack).add(new TeamStackRules(this.convention, this.namespace, platform.aclGroups));
  }

  /**
   * Adds a model of the team in its namespace, registered in the platform's Kong. Besides DetectionService's own
   * rules, its name must start with `<team>-`, its paths with the team's path prefix and its groups must be the
   * team's. Defaults that differ from DetectionService's: one route `<pathPrefix><name without "<team>-">` (POST),
   * `allowedGroups` the team's ACL groups, and the platform's published transport (`httpsOnly` and its redirect
   * status) and rate-limit counters, as the platform's own models have them.
   */
  public addModel(id: string, model: TeamModelDefinition): DetectionService {
    const valid = model !== null && typeof model === "object";
    if (valid) this.checkModel(id, model);
    // a missing definition goes through as is, so DetectionService reports it with its path
    const transport = this.platform.clientTransport;
    const props: DetectionServiceProps = valid
      ? {
          ...transportDefaults(transport.httpsOnly, transport.httpsRedirectStatusCode, model),
          ...withPlatformPolicies(this.withTeamDefaults(model), { counters: this.platform.counters() }),
          namespace: this.namespace,
          gateway: this.gateway,
          kong: this.kong,
        }
      : (model as unknown as DetectionServiceProps);
    const service = new DetectionService(this.stack, id, props);
    this.models.set(service.name, service);
    new TerraformOutput(this.stack, `${service.name.replace(/-/g, "_")}_routes`, {
      description: `Paths clients call for the ${service.name} model, through the platform's Kong proxy`,
      value: routePaths(props.routes ?? []),
    });
    return service;
  }

  /** The team's rules on a model's own props, reported at the model's path before it is built. */
  private checkModel(id: string, model: TeamModelDefinition): void {
    const v = new Problems(`${this.stack.node.path}/${typeof id === "string" ? id : "<id>"}`);
    suppliedKeys(v, "", model, SUPPLIED);
    if (typeof model.name === "string") this.convention.checkName(v, "name", model.name);
    const literal = "must be a literal list (its elements may be references): the team's path prefix and groups are checked on each at synth";
    if (Array.isArray(model.routes)) {
      model.routes.forEach((route, i) => {
        const paths = route !== null && typeof route === "object" ? route.paths : undefined;
        if (isListToken(paths)) v.add(`routes[${i}].paths`, paths, literal);
        else if (Array.isArray(paths)) paths.forEach((path, j) => this.convention.checkPath(v, `routes[${i}].paths[${j}]`, path));
      });
    }
    if (isListToken(model.allowedGroups)) v.add("allowedGroups", model.allowedGroups, literal);
    else if (Array.isArray(model.allowedGroups)) {
      model.allowedGroups.forEach((group, i) => this.convention.checkGroup(v, `allowedGroups[${i}]`, group, this.platform.aclGroups));
    }
    v.throwIfAny();
  }

  private withTeamDefaults(model: TeamModelDefinition): TeamModelDefinition {
    const name = typeof model.name === "string" ? model.name : "";
    return {
      ...model,
      routes: model.routes ?? [{ paths: [`${this.platform.pathPrefix}${name.slice(this.convention.namePrefix.length)}`] }],
      allowedGroups: model.allowedGroups ?? (model.public === undefined ? [...this.platform.aclGroups] : undefined),
    };
  }
}

function checkProps(scope: Construct, props: TeamAppProps): TeamAppProps {
  const v = new Problems(scope);
  if (!plainObject(v, "props", props ?? null, "must be an object { platform, backend?, stackName? }")) v.throwIfAny();
  strictKeys(v, "", props, TEAM_APP_KEYS);
  if (!(props.platform instanceof PlatformAttachment)) {
    v.add("platform", props.platform === undefined ? undefined : "<value>", "must be made with PlatformAttachment.fromOutput(<the platform's output team_<name>>)");
  }
  if (props.backend !== undefined && !(props.backend instanceof StateBackend)) {
    v.add("backend", props.backend, "must be made with StateBackend.local(), StateBackend.s3(), StateBackend.pg() or StateBackend.fromEnv()");
  }
  if (props.stackName !== undefined) {
    if (isToken(props.stackName)) v.add("stackName", props.stackName, "must be a literal name: it names the stack and its state");
    else dns1123Label(v, "stackName", props.stackName);
  }
  v.throwIfAny();
  return props;
}
