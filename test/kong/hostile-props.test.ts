import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { KongCluster } from "../../lib/kong/kong-cluster";

/**
 * Every top-level prop of KongCluster, given a value of the wrong type: the result is a ValidationError that names the
 * prop (never a TypeError from deep inside, never garbage in the JSON), or a valid synth when the value is acceptable.
 */
const HOSTILE: ReadonlyArray<[string, unknown]> = [
  ["null", null],
  ["5", 5],
  ['"x"', "x"],
  ["[]", []],
  ["{}", {}],
];

const PROPS = [
  "namespace", "database", "name", "image", "scaling", "resources", "workerProcesses", "proxy", "tls", "admin", "upstreamCaCertificate", "env",
  "envFromSecrets",
];

/** The only hostile values that are acceptable: a valid name, a valid count, or an empty options map. */
const ACCEPTED = new Set(['name="x"', "workerProcesses=5", "resources={}", "env={}", "envFromSecrets={}"]);

function outcome(prop: string, value: unknown): string {
  const stack = new TerraformStack(Testing.app(), "test");
  new KubernetesProvider(stack, "k8s", {});
  try {
    const database = new InClusterPostgres(stack, "db", { namespace: "kong" });
    new KongCluster(stack, "kong", { namespace: "kong", database, [prop]: value } as never);
    Testing.synth(stack, true);
    return "ok";
  } catch (e) {
    const error = e as Error;
    return `${error.name}: ${error.message}`;
  }
}

describe("KongCluster with values of the wrong type", () => {
  const cases = PROPS.flatMap((prop) => HOSTILE.map(([label, value]) => [`${prop}=${label}`, prop, value] as const));

  test.each(cases)("%s: a ValidationError naming the prop, or a valid synth", (name, prop, value) => {
    // GIVEN the default cluster WHEN one prop has a hostile value
    const result = outcome(prop, value);
    // THEN
    if (ACCEPTED.has(name)) {
      expect(result).toBe("ok");
    } else {
      expect(result).toMatch(/^ValidationError: \[test\/kong\] /);
      expect(result).toContain(prop === "namespace" && value === "x" ? "must equal namespace" : `] ${prop}`);
    }
  });
});
