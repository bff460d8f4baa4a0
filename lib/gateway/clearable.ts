import { Fn, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { isToken } from "../core/checks";

// How a removal reaches Kong when the provider cannot send it. The kevholditch/kong provider 6.5.1 updates services,
// routes and upstreams with PATCH and leaves out every empty list, empty string and zero, and Kong keeps what a PATCH
// leaves out: clearing a route's hosts or a service's tls_verify would never be applied (and `plan` would show the same
// diff forever). For each such field the entity records in a `terraform_data` whether it is set; when one of them
// flips, the data changes and `lifecycle.replace_triggered_by` replaces the entity, which Kong then creates without it.
// Only the flip replaces: changing a non-empty value (other hosts, another path) is an in-place update.

/** The library's tag on every Kong service, route, upstream and consumer: a tag list is never empty. */
export const LIBRARY_TAG = "managed-by:kong-ai-platform";

/**
 * @internal The tags of an entity as rendered: the given ones, then the library's. The provider leaves an empty tag
 * list out of an update, so without a tag that is always there, removing the last tag would never reach Kong.
 */
export function tagsOf(tags: readonly string[] | undefined): string[] {
  if (tags === undefined) return [LIBRARY_TAG];
  if (isToken(tags)) return Fn.concat([tags, [LIBRARY_TAG]]);
  return tags.includes(LIBRARY_TAG) ? [...new Set(tags)] : [...new Set(tags), LIBRARY_TAG];
}

/**
 * The built-in `terraform_data` resource (Terraform >= 1.4, no provider), holding one map of booleans. Not cdktf's
 * `DataResource`: that one adds a validation which runs `terraform version` in a child process for every instance, twice
 * per synth, which made a synth of 1000 models take minutes and fail on a machine without Terraform. The JSON is the same.
 */
class FieldRecord extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly fields: Readonly<Record<string, boolean>>,
  ) {
    super(scope, id, { terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { input: { ...this.fields } };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return { input: { ...this.fields } };
  }
}

/**
 * @internal Records which fields that PATCH cannot clear are set (`<scope>/ClearableFields`, a `terraform_data` whose
 * input is `{ field: boolean }` in Kong's names) and returns the `replace_triggered_by` entry that replaces the entity
 * when one of them flips. Plain addresses: cdktf 0.21 renders a resource given there as "${...}", which Terraform refuses.
 */
export function clearableFields(scope: Construct, set: Readonly<Record<string, boolean>>): string {
  const data = new FieldRecord(scope, "ClearableFields", set);
  return `terraform_data.${data.friendlyUniqueId}`;
}

/** @internal The address of a resource's `id`: a `replace_triggered_by` entry that fires when the resource is replaced. */
export function idAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}.id`;
}
