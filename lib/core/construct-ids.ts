import { TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { pathOf, ValidationError } from "./errors";

/** What `constructs` does to an id before using it: a path separator would split the path. */
function sanitized(id: string): string {
  return id.replace(/\//g, "--");
}

/**
 * The id of a construct about to be created in `scope` from a user's id, checked as `constructs` would check it but
 * reported as a ValidationError at the scope's path: a scope that is not a construct (or, with `inStack`, not in a
 * TerraformStack, which every construct creating Terraform resources needs), an id that is not a non-empty string,
 * or one a sibling already has (ids are compared as `constructs` stores them, where "/" becomes "--").
 * Called before the construct exists: `super(scope, childId(scope, id))`.
 */
export function childId(scope: unknown, id: unknown, opts: { inStack?: boolean } = {}): string {
  if (!Construct.isConstruct(scope)) {
    throw new ValidationError(typeof id === "string" && id !== "" ? id : "<unknown>", [
      { field: "scope", value: describeScope(scope), message: "must be a construct (an App, a TerraformStack or a construct in one)" },
    ]);
  }
  const path = pathOf(scope);
  if (opts.inStack !== false && !scope.node.scopes.some((s) => TerraformStack.isStack(s))) {
    throw new ValidationError(path, [
      { field: "scope", value: path, message: "must be a TerraformStack or a construct inside one: the construct creates Terraform resources, which live in a stack" },
    ]);
  }
  if (typeof id !== "string" || id === "") {
    throw new ValidationError(path, [{ field: "id", value: id, message: "must be a non-empty string: it names the construct and its Terraform resources" }]);
  }
  const taken = siblingOf(scope, id);
  if (taken !== undefined) {
    throw new ValidationError(path, [
      {
        field: "id",
        value: id,
        message: `is already the id of ${taken.node.path}: ids are unique among the children of a construct (and "/" reads as "--"); choose another id`,
      },
    ]);
  }
  if (scope.node.locked) {
    throw new ValidationError(path, [{ field: "id", value: id, message: "cannot be added now: the construct is being synthesized; add children before synth" }]);
  }
  return id;
}

/** The child of `scope` that already holds `id`, if any. */
function siblingOf(scope: IConstruct, id: string): IConstruct | undefined {
  return scope.node.tryFindChild(sanitized(id));
}

function describeScope(scope: unknown): unknown {
  if (scope === null || typeof scope !== "object") return scope;
  return Object.prototype.toString.call(scope);
}
