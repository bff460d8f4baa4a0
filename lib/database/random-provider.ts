import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/** Construct id of the `random` provider this library adds to a stack that has none. */
export const RANDOM_PROVIDER_ID = "kong-ai-platform-random";

/**
 * The default (un-aliased) `random` provider of the stack that holds `scope`: the one the stack author configured
 * as a direct child of the stack, else one this library adds once under a fixed id. Idempotent.
 */
export function ensureRandomProvider(scope: IConstruct): RandomProvider {
  const stack = TerraformStack.of(scope);
  const ours = stack.node.tryFindChild(RANDOM_PROVIDER_ID);
  if (ours instanceof RandomProvider) return ours;
  const theirs = stack.node.children.find((c): c is RandomProvider => c instanceof RandomProvider && c.alias === undefined);
  return theirs ?? new RandomProvider(stack, RANDOM_PROVIDER_ID);
}
