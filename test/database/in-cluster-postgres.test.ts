import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { InClusterPostgres, InClusterPostgresProps } from "../../lib/database/in-cluster-postgres";
import { byName } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

function build(props: Partial<InClusterPostgresProps> = {}): { db: InClusterPostgres; json: Json } {
  const stack = new TerraformStack(Testing.app(), "test");
  new KubernetesProvider(stack, "k8s", {});
  const db = new InClusterPostgres(stack, "db", { namespace: "kong", ...props });
  return { db, json: JSON.parse(Testing.synth(stack, true)) };
}

function only(json: Json, type: string): Json {
  const all = Object.values(json.resource[type] ?? {}) as Json[];
  expect(all).toHaveLength(1);
  return all[0];
}

function expectRejected(props: Partial<InClusterPostgresProps>, message: string): void {
  const stack = new TerraformStack(Testing.app(), "test");
  let error: Error | undefined;
  try {
    new InClusterPostgres(stack, "db", { namespace: "kong", ...props });
  } catch (e) {
    error = e as Error;
  }
  expect(error?.name).toBe("ValidationError");
  expect(error?.message).toBe(message);
}

describe("InClusterPostgres defaults", () => {
  // GIVEN an InClusterPostgres with only a namespace WHEN synthesized (once, shared) THEN each test states one default
  const { db, json } = build();
  const sts = only(json, "kubernetes_stateful_set_v1");
  const pod = sts.spec.template.spec;
  const container = pod.container[0];

  test("implements IKongDatabase for kong@kong-postgres.kong.svc.cluster.local:5432 without TLS", () => {
    expect(db.host).toBe("kong-postgres.kong.svc.cluster.local");
    expect(db.port).toBe(5432);
    expect(db.databaseName).toBe("kong");
    expect(db.user).toBe("kong");
    expect(db.passwordSecret).toEqual({ name: "kong-postgres-credentials", key: "password" });
    expect([db.ssl, db.sslVerify]).toEqual([false, false]);
    expect(db.namespace).toBe("kong");
    expect(db.podSelectorLabels).toEqual({ "app.kubernetes.io/instance": "kong-postgres", "app.kubernetes.io/name": "postgresql" });
    expect(db.dependables).toEqual([db.secret, db.service, db.statefulSet]);
  });

  test("one replica of the pinned image postgres:16.9, waited for", () => {
    expect(sts.metadata).toMatchObject({ name: "kong-postgres", namespace: "kong" });
    expect(sts.spec.replicas).toBe("1");
    expect(sts.spec.service_name).toBe("kong-postgres");
    expect(sts.spec.selector.match_labels).toEqual(db.podSelectorLabels);
    expect(sts.wait_for_rollout).toBe(true);
    expect(container.image).toBe("postgres:16.9");
    expect(sts.metadata.labels["app.kubernetes.io/version"]).toBe("16.9");
  });

  test("runs as uid 999, non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, no token", () => {
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.enable_service_links).toBe(false);
    expect(pod.security_context).toEqual({
      run_as_non_root: true,
      run_as_user: "999",
      run_as_group: "999",
      fs_group: "999",
      fs_group_change_policy: "OnRootMismatch",
      seccomp_profile: { type: "RuntimeDefault" },
    });
    expect(container.security_context).toEqual({
      run_as_non_root: true,
      run_as_user: "999",
      run_as_group: "999",
      read_only_root_filesystem: true,
      allow_privilege_escalation: false,
      privileged: false,
      capabilities: { drop: ["ALL"] },
    });
  });

  test("keeps data in a subdirectory of the claim, with emptyDirs for the socket directory and /tmp", () => {
    expect(container.volume_mount).toEqual([
      { name: "data", mount_path: "/var/lib/postgresql/data" },
      { name: "run", mount_path: "/var/run/postgresql" },
      { name: "tmp", mount_path: "/tmp" },
    ]);
    expect(pod.volume).toEqual([
      { name: "data", persistent_volume_claim: { claim_name: expect.stringMatching(/^\$\{kubernetes_persistent_volume_claim_v1\.db_Data_[0-9A-F]{8}\.metadata\[0\]\.name\}$/) } },
      { name: "run", empty_dir: { size_limit: "16Mi" } },
      { name: "tmp", empty_dir: { size_limit: "256Mi" } },
    ]);
    expect(container.env).toEqual([
      { name: "POSTGRES_USER", value: "kong" },
      { name: "POSTGRES_DB", value: "kong" },
      { name: "POSTGRES_PASSWORD", value_from: { secret_key_ref: { name: "kong-postgres-credentials", key: "password" } } },
      { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" },
    ]);
  });

  test("a standalone 10Gi claim on the default StorageClass that outlives the StatefulSet and is never destroyed", () => {
    const pvc = byName(json, "kubernetes_persistent_volume_claim_v1", "kong-postgres-data");
    expect(pvc.metadata).toMatchObject({ name: "kong-postgres-data", namespace: "kong" });
    expect(pvc.spec).toEqual({ access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } });
    expect(pvc.wait_until_bound).toBe(false);
    expect(pvc.lifecycle).toEqual({ prevent_destroy: true });
    expect(sts.spec.volume_claim_template).toBeUndefined();
  });

  test("Terraform waits for the pod, as long as pull, volume, start and readiness may take", () => {
    // 60 s scheduling + 180 s pull + 120 s volume + 90 s liveness allowance + 15 s readiness + 60 s margin = 525 s;
    // + 60 s grace + 60 s = 645 s -> 11m. A StatefulSet has no progress deadline: this timeout is its only bound.
    expect(sts.wait_for_rollout).toBe(true);
    expect(sts.timeouts).toEqual({ create: "11m", update: "11m" });
    expect(pod.termination_grace_period_seconds).toBe(60);
  });

  test("the claim does not wait to be bound: a WaitForFirstConsumer class binds it only once the pod is scheduled", () => {
    expect(byName(json, "kubernetes_persistent_volume_claim_v1", "kong-postgres-data").wait_until_bound).toBe(false);
  });

  test("probes with pg_isready", () => {
    const cmd = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", "kong", "-d", "kong"];
    expect(container.readiness_probe).toEqual({ exec: { command: cmd }, initial_delay_seconds: 5, period_seconds: 10, timeout_seconds: 5, failure_threshold: 3 });
    expect(container.liveness_probe).toEqual({ exec: { command: cmd }, initial_delay_seconds: 30, period_seconds: 10, timeout_seconds: 5, failure_threshold: 6 });
  });

  test("requests 250m / 256Mi, limited to 1 CPU / 1Gi", () => {
    expect(container.resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } });
  });

  test("a random_password without keepers (never regenerated) feeds a Secret; both are never destroyed", () => {
    const pw = only(json, "random_password");
    expect(pw).toEqual({ length: 32, special: false, min_lower: 1, min_upper: 1, min_numeric: 1, lifecycle: { prevent_destroy: true } });
    const secret = only(json, "kubernetes_secret_v1");
    expect(secret.metadata).toMatchObject({ name: "kong-postgres-credentials", namespace: "kong" });
    expect(secret.type).toBe("Opaque");
    expect(secret.data).toEqual({ password: expect.stringMatching(/^\$\{random_password\.db_Password_[0-9A-F]{8}\.result\}$/) });
    expect(secret.lifecycle).toEqual({ prevent_destroy: true });
    expect(secret.metadata.labels["app.kubernetes.io/version"]).toBeUndefined();
  });

  test("a ClusterIP Service on 5432", () => {
    const svc = only(json, "kubernetes_service_v1");
    expect(svc.metadata).toMatchObject({ name: "kong-postgres", namespace: "kong" });
    expect(svc.spec).toEqual({
      type: "ClusterIP",
      selector: db.podSelectorLabels,
      port: [{ name: "postgres", port: 5432, target_port: "postgres", protocol: "TCP" }],
    });
  });

  test("adds the random provider once", () => {
    expect(json.provider.random).toEqual([{}]);
  });

  test("backs itself up by default: a PostgresBackup with id Backup, named after the database, with its image", () => {
    expect(db.backup).toBeDefined();
    expect(db.backup?.node.id).toBe("Backup");
    expect(db.backup?.name).toBe("kong-postgres");
    expect([db.backup?.schedule, db.backup?.keep]).toEqual(["17 3 * * *", 7]);
    const cronJob = byName(json, "kubernetes_cron_job_v1", "kong-postgres-backup");
    expect(cronJob.spec.job_template.spec.template.spec.container[0].image).toBe("postgres:16.9");
    expect(byName(json, "kubernetes_persistent_volume_claim_v1", "kong-postgres-backups")).toBeDefined();
  });
});

describe("InClusterPostgres backup option", () => {
  test("backup: false creates no CronJob, no backup volume and no backup NetworkPolicy", () => {
    // GIVEN backups turned off WHEN synthesized
    const { db, json } = build({ backup: false });
    // THEN only the database's own objects exist
    expect(db.backup).toBeUndefined();
    expect(json.resource.kubernetes_cron_job_v1).toBeUndefined();
    expect(json.resource.kubernetes_network_policy_v1).toBeUndefined();
    expect(only(json, "kubernetes_persistent_volume_claim_v1").metadata.name).toBe("kong-postgres-data");
  });

  test("backup options reach the PostgresBackup", () => {
    // GIVEN a schedule, a retention and a volume WHEN synthesized
    const { db, json } = build({ name: "pg", backup: { schedule: "0 */6 * * *", keep: 28, storageSize: "50Gi", storageClassName: "slow" } });
    // THEN the CronJob and the claim follow them
    expect(db.backup?.keep).toBe(28);
    expect(byName(json, "kubernetes_cron_job_v1", "pg-backup").spec.schedule).toBe("0 */6 * * *");
    expect(byName(json, "kubernetes_persistent_volume_claim_v1", "pg-backups").spec).toMatchObject({ storage_class_name: "slow", resources: { requests: { storage: "50Gi" } } });
  });

  test("a name of 52 characters is fine without backups", () => {
    expect(build({ name: "p".repeat(52), backup: false }).db.name).toBe("p".repeat(52));
  });
});

describe("InClusterPostgres options", () => {
  // GIVEN the options named by each test WHEN synthesized THEN the resources reflect them
  test("name, image, database, user, storage and resources", () => {
    const { db, json } = build({
      name: "pg",
      image: "postgres:15.13-bookworm",
      databaseName: "gateway",
      user: "gw",
      storageSize: "50Gi",
      storageClassName: "fast-ssd",
      resources: { limits: { memory: "4Gi" } },
    });
    expect(db.host).toBe("pg.kong.svc.cluster.local");
    expect(db.passwordSecret.name).toBe("pg-credentials");
    const pvc = byName(json, "kubernetes_persistent_volume_claim_v1", "pg-data");
    expect(pvc.spec).toMatchObject({ storage_class_name: "fast-ssd", resources: { requests: { storage: "50Gi" } } });
    const c = only(json, "kubernetes_stateful_set_v1").spec.template.spec.container[0];
    expect(c.image).toBe("postgres:15.13-bookworm");
    expect(c.env.slice(0, 2)).toEqual([{ name: "POSTGRES_USER", value: "gw" }, { name: "POSTGRES_DB", value: "gateway" }]);
    expect(c.resources.limits).toEqual({ cpu: "1", memory: "4Gi" });
  });

  test("a digest is accepted", () => {
    const image = `postgres@sha256:${"0".repeat(64)}`;
    expect(build({ image }).db.image).toBe(image);
  });

  test("two databases in one stack share one random provider", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new KubernetesProvider(stack, "k8s", {});
    new InClusterPostgres(stack, "a", { namespace: "kong" });
    new InClusterPostgres(stack, "b", { namespace: "kong2" });
    expect(JSON.parse(Testing.synth(stack, true)).provider.random).toEqual([{}]);
  });
});

describe("InClusterPostgres rejects", () => {
  // GIVEN the bad input named by each test WHEN constructed THEN one ValidationError with exactly this message
  test("a missing namespace", () => {
    expectRejected({ namespace: undefined }, "[test/db] namespace (undefined) is required: the namespace Kong runs in");
  });

  test("a name too long for the StatefulSet's pod labels", () => {
    expectRejected(
      { name: "p".repeat(53), backup: false },
      `[test/db] name ("${"p".repeat(53)}") must be a DNS-1123 label: at most 52 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  });

  test("a name too long for the backup CronJobs (<name>-restore within 52 characters)", () => {
    expectRejected(
      { name: "p".repeat(45) },
      `[test/db] name ("${"p".repeat(45)}") must be a DNS-1123 label: at most 44 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  });

  test.each([[true], [null], ["daily"]])("backup: %p, neither false nor options", (backup) => {
    expectRejected(
      { backup: backup as never },
      `[test/db] backup (${JSON.stringify(backup)}) must be false (no backups) or an object { schedule?, timeZone?, keep?, storageSize?, storageClassName?, resources? }`,
    );
  });

  test("bad backup options, reported by the PostgresBackup", () => {
    expectRejected({ backup: { keep: 0 } }, "[test/db/Backup] keep (0) must be an integer between 1 and 1000");
  });

  test.each([
    ["postgres:latest", "must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev"],
    ["postgres", "must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev"],
    ["postgres:16", 'must be pinned to a PostgreSQL minor release, e.g. "postgres:16.9", or a digest (repo@sha256:<64 hex>)'],
    ["postgres:alpine", 'must be pinned to a PostgreSQL minor release, e.g. "postgres:16.9", or a digest (repo@sha256:<64 hex>)'],
  ])("the unpinned image %s", (image, message) => {
    expectRejected({ image }, `[test/db] image ("${image}") ${message}`);
  });

  test("bad identifiers, storage and resources, all at once", () => {
    expectRejected(
      { databaseName: "Kong-DB", user: "1kong", storageSize: "ten gigs", storageClassName: "Fast_SSD", resources: { requests: { cpu: "lots" } } },
      [
        "[test/db] databaseName (\"Kong-DB\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        "[test/db] user (\"1kong\") must be a PostgreSQL identifier: 1 to 63 lowercase letters, digits and '_', not starting with a digit",
        '[test/db] storageSize ("ten gigs") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi',
        "[test/db] storageClassName (\"Fast_SSD\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        '[test/db] resources.requests.cpu ("lots") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi',
      ].join("\n"),
    );
  });

  test.each([["0"], ["0Gi"], ["0.0Mi"], ["500m"]])("a storage size of %s: nothing to hold the database", (storageSize) => {
    expectRejected(
      { storageSize },
      `[test/db] storageSize ("${storageSize}") must be a positive size (at least 1 byte), such as 10Gi: the data volume holds the database`,
    );
  });
});

describe("InClusterPostgres with a token image", () => {
  test("gets the fixed version label unknown, the same on every build", () => {
    // GIVEN the image from a Terraform variable, built twice with different token numbers
    const labelsOf = (noise: number) => {
      const stack = new TerraformStack(Testing.app(), "test");
      new KubernetesProvider(stack, "k8s", {});
      for (let i = 0; i < noise; i++) new TerraformVariable(stack, `noise${i}`, { type: "string" });
      const image = new TerraformVariable(stack, "pg_image", { type: "string" }).stringValue;
      new InClusterPostgres(stack, "db", { namespace: "kong", image });
      return only(JSON.parse(Testing.synth(stack, true)), "kubernetes_stateful_set_v1").metadata.labels;
    };
    // WHEN / THEN
    expect(labelsOf(0)["app.kubernetes.io/version"]).toBe("unknown");
    expect(labelsOf(2)).toEqual(labelsOf(0));
  });
});
