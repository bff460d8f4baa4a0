import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { childId } from "../../lib/core/construct-ids";
import { errorOf } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- rejected-input tests pass wrong JavaScript types on purpose */

describe("childId: construct-id problems as ValidationErrors, before the construct exists", () => {
  test("a free, non-empty string id is returned as is", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(childId(stack, "face")).toBe("face");
  });

  test("an id a sibling already has, also after constructs turns '/' into '--'", () => {
    // GIVEN a stack with a child "a--b"
    const stack = new TerraformStack(Testing.app(), "stack");
    new Construct(stack, "a/b");
    // WHEN another child would be "a--b" THEN the error names the holder
    expect(errorOf(() => childId(stack, "a--b"))).toBe(
      '[stack] id ("a--b") is already the id of stack/a--b: ids are unique among the children of a construct (and "/" reads as "--"); choose another id',
    );
  });

  test.each([
    ["empty", "", '[stack] id ("") must be a non-empty string: it names the construct and its Terraform resources'],
    ["a number", 5, "[stack] id (5) must be a non-empty string: it names the construct and its Terraform resources"],
    ["undefined", undefined, "[stack] id (undefined) must be a non-empty string: it names the construct and its Terraform resources"],
  ])("an id that is %s", (_what, id, message) => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(errorOf(() => childId(stack, id))).toBe(message);
  });

  test("a scope that is not a construct, or not in a stack", () => {
    expect(errorOf(() => childId({}, "x"))).toBe('[x] scope ("[object Object]") must be a construct (an App, a TerraformStack or a construct in one)');
    expect(errorOf(() => childId(null as any, ""))).toBe("[<unknown>] scope (null) must be a construct (an App, a TerraformStack or a construct in one)");
    const app = Testing.app();
    expect(errorOf(() => childId(app, "kong"))).toBe(
      '[<root>] scope ("<root>") must be a TerraformStack or a construct inside one: the construct creates Terraform resources, which live in a stack',
    );
    expect(childId(app, "platform", { inStack: false })).toBe("platform");
  });

  test("a scope being synthesized takes no more children", () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, "stack");
    stack.node.lock();
    expect(errorOf(() => childId(stack, "late"))).toBe('[stack] id ("late") cannot be added now: the construct is being synthesized; add children before synth');
  });
});
