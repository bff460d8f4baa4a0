import { IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { Certificate as KongCertificateResource } from "../../.gen/providers/kong/certificate";
import { Consumer as KongConsumerResource } from "../../.gen/providers/kong/consumer";
import { Plugin as KongPluginResource } from "../../.gen/providers/kong/plugin";
import { Route as KongRouteResource } from "../../.gen/providers/kong/route";
import { Service as KongServiceResource } from "../../.gen/providers/kong/service";
import { Upstream as KongUpstreamResource } from "../../.gen/providers/kong/upstream";
import { Problems } from "../core/errors";
import { isToken } from "../core/tokens";
import { TeamConvention } from "./team-convention";

/** A Kong entity that carries a name in one namespace of names shared by every app on the gateway. */
type NamedKongResource = KongServiceResource | KongRouteResource | KongUpstreamResource;

function isNamedKongResource(node: IConstruct): node is NamedKongResource {
  return node instanceof KongServiceResource || node instanceof KongRouteResource || node instanceof KongUpstreamResource;
}

/**
 * The rules of a model team's app, checked on every resource of its stack whichever way it was made (a model, a
 * `gateway.addService`, a raw binding), when the stack is synthesized:
 * - Kong services, routes and upstreams are named in the team's share (`<team>-...`), routes have paths and every path
 *   is under the team's path prefix (see `TeamConvention`);
 * - no consumer or credential (they belong to the platform, which grants consumers the team's groups), no plugin
 *   outside the team's services and routes, no SNI (Kong's SNIs are shared by every route);
 * - every Kubernetes object is in the team's namespace (cluster-wide objects and other namespaces are the platform's).
 * Problems are reported at the construct that owns each resource. Idempotent: aspects run on every synth.
 */
export class TeamStackRules implements IAspect {
  constructor(
    private readonly convention: TeamConvention,
    private readonly namespace: string,
    private readonly aclGroups: readonly string[],
  ) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const type = node.terraformResourceType;
    if (type.startsWith("kubernetes_")) {
      validateOnce(node, (v) => this.checkNamespace(v, node));
    } else if (node instanceof KongConsumerResource || (type.startsWith("kong_consumer") && !insideConsumer(node))) {
      validateOnce(node, (v) => this.refuseConsumer(v, node));
    } else if (isNamedKongResource(node)) {
      validateOnce(node, (v) => {
        if (this.convention.checkName(v, "name", node.nameInput) && node instanceof KongRouteResource) this.checkPaths(v, node);
      });
    } else if (node instanceof KongPluginResource) {
      validateOnce(node, (v) => {
        if (node.serviceIdInput === undefined && node.routeIdInput === undefined) {
          v.add("plugins", node.nameInput, "must be attached to a service or route of the team's app: a global or consumer-only plugin applies to other teams' services");
        }
      });
    } else if (node instanceof KongCertificateResource) {
      validateOnce(node, (v) => {
        if (node.snisInput !== undefined) v.add("snis", node.snisInput, "cannot be set in a team's app: Kong's SNIs are shared by every route of the gateway; ask the platform team");
      });
    }
  }

  private checkPaths(v: Problems, route: KongRouteResource): void {
    const paths = route.pathsInput;
    if (paths === undefined || (Array.isArray(paths) && paths.length === 0)) {
      v.add(
        "paths",
        undefined,
        `must be set in a team's app, under ${JSON.stringify(this.convention.pathPrefix)}: a route matched by host, method or header alone would take requests of every team`,
      );
    } else if (isToken(paths) || !Array.isArray(paths)) {
      this.convention.checkPath(v, "paths", paths);
    } else {
      paths.forEach((p, i) => this.convention.checkPath(v, `paths[${i}]`, p));
    }
  }

  private checkNamespace(v: Problems, resource: TerraformResource): void {
    const metadata = (resource as unknown as { metadata?: { namespaceInput?: string } }).metadata;
    const namespace = metadata?.namespaceInput;
    if (namespace === this.namespace) return;
    v.add(
      "metadata.namespace",
      isToken(namespace) ? "<token>" : namespace,
      `must be the team's namespace ${JSON.stringify(this.namespace)}: a team's app creates Kubernetes objects there only; cluster-wide objects and other namespaces belong to the platform`,
    );
  }

  private refuseConsumer(v: Problems, resource: TerraformResource): void {
    const username = resource instanceof KongConsumerResource ? resource.usernameInput : undefined;
    v.add(
      resource.terraformResourceType,
      username ?? resource.node.id,
      `cannot be created by a team's app: consumers and their credentials belong to the platform team, which grants consumers the team's ACL groups (${this.aclGroups
        .map((g) => JSON.stringify(g))
        .join(", ")}) with addConsumer`,
    );
  }
}

/**
 * The rule of the platform's own gateway once teams share it: none of its services, routes or upstreams is named in
 * a team's share, and none of its routes reaches under a team's path prefix, whichever was added first. Otherwise the
 * team's app could create the same name (Kong refuses one of the two at apply) or lose requests to the platform's route.
 */
export class PlatformStackRules implements IAspect {
  constructor(private readonly conventions: () => Iterable<TeamConvention>) {}

  public visit(node: IConstruct): void {
    if (!isNamedKongResource(node)) return;
    validateOnce(node, (v) => {
      for (const team of this.conventions()) {
        const name = node.nameInput;
        if (typeof name === "string" && !isToken(name) && team.ownsName(name)) {
          v.add(
            "name",
            name,
            `is in the share of team ${JSON.stringify(team.team)} (Kong names starting with ${JSON.stringify(team.namePrefix)}): the team's app may create the same name, and Kong would refuse one of the two at apply; rename it`,
          );
        }
        const paths = node instanceof KongRouteResource ? node.pathsInput : undefined;
        if (!Array.isArray(paths)) continue;
        paths.forEach((p, i) => {
          if (typeof p === "string" && !isToken(p) && team.reaches(p)) {
            v.add(
              `paths[${i}]`,
              p,
              `reaches under the path prefix ${JSON.stringify(team.pathPrefix)} of team ${JSON.stringify(team.team)}: Kong could send the team's requests to this route; move it out of the prefix`,
            );
          }
        });
      }
    });
  }
}

const validated = new WeakSet<IConstruct>();

/**
 * Adds `check`'s problems as a validation, once per resource however often the aspect runs, at the construct that
 * owns the resource (the scope of a primary `Resource`, e.g. a GatewayService), else at the resource.
 */
function validateOnce(resource: TerraformResource, check: (v: Problems) => void): void {
  if (validated.has(resource)) return;
  validated.add(resource);
  const at = resource.node.id === "Resource" && resource.node.scope ? resource.node.scope : resource;
  at.node.addValidation({
    validate: () => {
      const v = new Problems(at);
      check(v);
      return v.messages();
    },
  });
}

/** Whether a consumer's credential or group sits under a consumer that is reported itself. */
function insideConsumer(node: IConstruct): boolean {
  for (let scope = node.node.scope; scope; scope = scope.node.scope) {
    if (scope.node.tryFindChild("Resource") instanceof KongConsumerResource) return true;
  }
  return false;
}
