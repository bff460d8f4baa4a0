import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { ensureRandomProvider, RANDOM_PROVIDER_ID } from "../../lib/database/random-provider";

describe("ensureRandomProvider", () => {
  test("adds one provider under a fixed id and returns it on every later call", () => {
    // GIVEN a stack without a random provider
    const stack = new TerraformStack(Testing.app(), "test");
    const nested = new Construct(stack, "nested");
    // WHEN called twice from different scopes
    const a = ensureRandomProvider(nested);
    const b = ensureRandomProvider(stack);
    // THEN the same provider, a direct child of the stack
    expect(a).toBe(b);
    expect(stack.node.tryFindChild(RANDOM_PROVIDER_ID)).toBe(a);
  });

  test("reuses the default provider the stack author configured", () => {
    // GIVEN a stack author's un-aliased provider
    const stack = new TerraformStack(Testing.app(), "test");
    const theirs = new RandomProvider(stack, "random", {});
    // WHEN / THEN
    expect(ensureRandomProvider(stack)).toBe(theirs);
    expect(stack.node.tryFindChild(RANDOM_PROVIDER_ID)).toBeUndefined();
  });

  test("does not count an aliased provider as the default", () => {
    // GIVEN only an aliased provider
    const stack = new TerraformStack(Testing.app(), "test");
    const aliased = new RandomProvider(stack, "random", { alias: "other" });
    // WHEN
    const p = ensureRandomProvider(stack);
    // THEN a default one is added
    expect(p).not.toBe(aliased);
    expect(p.alias).toBeUndefined();
  });
});
