import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { ExistingPostgres } from "../../lib/database/existing-postgres";
import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { KongDatabase } from "../../lib/database/kong-database";
import { KongCluster } from "../../lib/kong/kong-cluster";

/**
 * Every top-level prop of the database constructs, given a value of the wrong type: the result is a ValidationError
 * that names the prop (never a TypeError, never garbage in the JSON), or a valid synth when the value is acceptable.
 * The imported database is also handed to a KongCluster, which renders its labels and dependencies.
 */
const HOSTILE: ReadonlyArray<[string, unknown]> = [
  ["null", null],
  ["5", 5],
  ['"x"', "x"],
  ["[]", []],
  ["{}", {}],
];

interface Subject {
  readonly props: string[];
  /** `prop=value` cases that are valid input. */
  readonly accepted: string[];
  readonly build: (stack: Construct, prop: string, value: unknown) => void;
}

const SUBJECTS: Record<string, Subject> = {
  InClusterPostgres: {
    props: ["namespace", "name", "image", "databaseName", "user", "storageSize", "storageClassName", "resources"],
    accepted: ['namespace="x"', 'name="x"', 'databaseName="x"', 'user="x"', 'storageClassName="x"', "resources={}"],
    build: (stack, prop, value) => new InClusterPostgres(stack, "db", { namespace: "kong", [prop]: value } as never),
  },
  ExistingPostgres: {
    props: ["namespace", "host", "port", "sslMode", "caCertificate", "caFile", "adminUsername", "adminPassword", "adminDatabase", "adminIsSuperuser", "databaseName", "user", "secretName"],
    accepted: ['namespace="x"', 'host="x"', "port=5", 'adminUsername="x"', 'adminDatabase="x"', 'databaseName="x"', 'user="x"', 'secretName="x"'],
    build: (stack, prop, value) => new ExistingPostgres(stack, "db", { namespace: "kong", host: "pg.internal", [prop]: value } as never),
  },
  "KongDatabase.fromAttributes": {
    props: ["host", "port", "databaseName", "user", "passwordSecret", "ssl", "sslVerify", "caCertificate", "namespace", "podSelectorLabels", "dependables"],
    accepted: ['host="x"', "port=5", 'databaseName="x"', 'user="x"', 'namespace="x"', "dependables=[]"],
    build: (stack, prop, value) => {
      const database = KongDatabase.fromAttributes(stack, "db", {
        host: "pg.internal",
        passwordSecret: { name: "kong-pg", key: "password" },
        [prop]: value,
      } as never);
      // Kong runs in the namespace the attributes name (a valid "x" included), else in "kong".
      new KongCluster(stack, "kong", { namespace: prop === "namespace" && value === "x" ? "x" : "kong", database });
    },
  },
};

function outcome(subject: Subject, prop: string, value: unknown): string {
  const stack = new TerraformStack(Testing.app(), "test");
  new KubernetesProvider(stack, "k8s", {});
  try {
    subject.build(stack, prop, value);
    Testing.synth(stack, true);
    return "ok";
  } catch (e) {
    const error = e as Error;
    return `${error.name}: ${error.message}`;
  }
}

const cases = Object.entries(SUBJECTS).flatMap(([kind, subject]) =>
  subject.props.flatMap((prop) => HOSTILE.map(([label, value]) => [`${kind} ${prop}=${label}`, kind, prop, label, value] as const)),
);

describe("database constructs with values of the wrong type", () => {
  test.each(cases)("%s: a ValidationError naming the prop, or a valid synth", (_name, kind, prop, label, value) => {
    // GIVEN a valid construct WHEN one prop has a hostile value
    const subject = SUBJECTS[kind];
    const result = outcome(subject, prop, value);
    // THEN
    if (subject.accepted.includes(`${prop}=${label}`)) {
      expect(result).toBe("ok");
    } else {
      expect(result).toMatch(new RegExp(`^ValidationError: \\[test/db\\] ${prop}[ .]`));
    }
  });
});
