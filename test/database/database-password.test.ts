import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { generateDatabasePassword } from "../../lib/database/database-password";

describe("generateDatabasePassword", () => {
  test("32 URL-safe characters, no keepers (never regenerated), protected from destroy, random provider added once", () => {
    // GIVEN two constructs that each need a password in one stack
    const stack = new TerraformStack(Testing.app(), "s");
    generateDatabasePassword(new Construct(stack, "a"));
    generateDatabasePassword(new Construct(stack, "b"));
    // WHEN synthesized
    const json = JSON.parse(Testing.synth(stack));
    // THEN both passwords share the settings and one provider
    const passwords = Object.values<Record<string, unknown>>(json.resource.random_password);
    expect(passwords).toHaveLength(2);
    for (const p of passwords) {
      expect(p).toMatchObject({ length: 32, special: false, min_lower: 1, min_upper: 1, min_numeric: 1, lifecycle: { prevent_destroy: true } });
      expect(p.keepers).toBeUndefined();
    }
    expect(json.provider.random).toHaveLength(1);
  });
});
