import { postgresBackupScript, postgresRestoreScript } from "../../lib/database/backup-scripts";
import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { KongDatabase } from "../../lib/database/kong-database";
import { PostgresBackup, PostgresBackupProps } from "../../lib/database/postgres-backup";
import { byName, expectValidationError, Json, kubernetesStack, resources, synth } from "../helpers";

/** A PostgresBackup of a database created elsewhere (no pods in the cluster unless given), synthesized. */
function build(props: Partial<PostgresBackupProps> = {}): { backup: PostgresBackup; json: Json } {
  const stack = kubernetesStack();
  const database = KongDatabase.fromAttributes(stack, "db", {
    host: "pg.kong.svc.cluster.local",
    ssl: false,
    passwordSecret: { name: "pg-credentials", key: "password" },
    podSelectorLabels: { "app.kubernetes.io/name": "postgresql" },
  });
  const backup = new PostgresBackup(stack, "backup", { database, namespace: "kong", name: "pg", image: "postgres:16.9", ...props });
  return { backup, json: synth(stack) };
}

function rejected(props: Partial<PostgresBackupProps>, message: string): void {
  const stack = kubernetesStack();
  const database = KongDatabase.fromAttributes(stack, "db", { host: "pg", passwordSecret: { name: "pg-credentials", key: "password" } });
  expectValidationError(() => new PostgresBackup(stack, "backup", { database, namespace: "kong", name: "pg", image: "postgres:16.9", ...props }), message);
}

describe("PostgresBackup defaults", () => {
  // GIVEN a PostgresBackup with only its required props WHEN synthesized (once, shared) THEN each test states one default
  const { backup, json } = build();
  const cronJob = byName(json, "kubernetes_cron_job_v1", "pg-backup");
  const restore = byName(json, "kubernetes_cron_job_v1", "pg-restore");
  const pod = cronJob.spec.job_template.spec.template.spec;
  const container = pod.container[0];

  test("dumps every day at 03:17 UTC, one run at a time, a missed run still starting within an hour", () => {
    expect(cronJob.metadata).toMatchObject({ name: "pg-backup", namespace: "kong" });
    expect(cronJob.spec).toMatchObject({
      schedule: "17 3 * * *",
      timezone: "Etc/UTC",
      concurrency_policy: "Forbid",
      starting_deadline_seconds: 3600,
      successful_jobs_history_limit: 3,
      failed_jobs_history_limit: 3,
    });
    expect(cronJob.spec.suspend).toBeUndefined();
    expect(cronJob.spec.job_template.spec).toMatchObject({ backoff_limit: 2, active_deadline_seconds: 3600 });
    expect([backup.schedule, backup.keep]).toEqual(["17 3 * * *", 7]);
  });

  test("runs the shipped backup script, keeping 7 dumps in /backups", () => {
    expect(container.name).toBe("backup");
    expect(container.image).toBe("postgres:16.9");
    expect(container.command).toEqual(["/bin/sh", "-c", postgresBackupScript()]);
    expect(container.env).toContainEqual({ name: "BACKUP_KEEP", value: "7" });
    expect(container.env).toContainEqual({ name: "BACKUP_DIR", value: "/backups" });
  });

  test("connects with libpq's variables; the password comes from the database's Secret, never as a value", () => {
    const env = Object.fromEntries(container.env.map((e: Json) => [e.name, e.value ?? e.value_from]));
    expect(env).toMatchObject({
      PGHOST: "pg.kong.svc.cluster.local",
      PGPORT: "5432",
      PGDATABASE: "kong",
      PGUSER: "kong",
      PGPASSWORD: { secret_key_ref: { name: "pg-credentials", key: "password" } },
      PGSSLMODE: "disable",
      HOME: "/tmp",
    });
    expect(env.PGSSLROOTCERT).toBeUndefined();
  });

  test("a restricted pod as uid 999 that owns its volume: read-only root, no capability, no token", () => {
    expect(pod).toMatchObject({ restart_policy: "Never", automount_service_account_token: false, enable_service_links: false });
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
    expect(container.resources).toEqual({ requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } });
  });

  test("writes to its own 10Gi claim, never destroyed by Terraform, and a small /tmp", () => {
    const claim = byName(json, "kubernetes_persistent_volume_claim_v1", "pg-backups");
    expect(claim.spec).toEqual({ access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } });
    expect(claim.wait_until_bound).toBe(false);
    expect(claim.lifecycle).toEqual({ prevent_destroy: true });
    expect(container.volume_mount).toEqual([
      { name: "backups", mount_path: "/backups" },
      { name: "tmp", mount_path: "/tmp" },
    ]);
    expect(pod.volume).toEqual([
      { name: "backups", persistent_volume_claim: { claim_name: expect.stringMatching(/^\$\{kubernetes_persistent_volume_claim_v1\.backup_Volume_[0-9A-F]{8}\.metadata\[0\]\.name\}$/) } },
      { name: "tmp", empty_dir: { size_limit: "64Mi" } },
    ]);
  });

  test("the restore CronJob is a suspended, never-due template of the same pod running the shipped restore script", () => {
    expect(restore.spec).toMatchObject({ schedule: "0 0 31 2 *", suspend: true, concurrency_policy: "Forbid" });
    expect(restore.spec.job_template.spec).toMatchObject({ backoff_limit: 0, active_deadline_seconds: 3600 });
    const restorePod = restore.spec.job_template.spec.template.spec;
    expect(restorePod.container[0].name).toBe("restore");
    expect(restorePod.container[0].command).toEqual(["/bin/sh", "-c", postgresRestoreScript()]);
    expect(restorePod.container[0].env).toEqual(container.env.filter((e: Json) => e.name !== "BACKUP_KEEP"));
    expect({ ...restorePod, container: undefined }).toEqual({ ...pod, container: undefined });
    expect(restore.spec.job_template.spec.template.metadata).toEqual(cronJob.spec.job_template.spec.template.metadata);
  });

  test("labels its pods postgresql-backup / <name> / backup, with the image's version", () => {
    expect(backup.podSelectorLabels).toEqual({ "app.kubernetes.io/name": "postgresql-backup", "app.kubernetes.io/instance": "pg" });
    expect(cronJob.spec.job_template.spec.template.metadata.labels).toEqual({
      "app.kubernetes.io/name": "postgresql-backup",
      "app.kubernetes.io/instance": "pg",
      "app.kubernetes.io/component": "backup",
      "app.kubernetes.io/managed-by": "kong-ai-platform",
      "app.kubernetes.io/part-of": "ai-platform",
      "app.kubernetes.io/version": "16.9",
    });
  });

  test("admits its pods, and only them, to the database pods' port", () => {
    const policy = byName(json, "kubernetes_network_policy_v1", "pg-backup");
    expect(policy.spec).toEqual({
      pod_selector: { match_labels: { "app.kubernetes.io/name": "postgresql" } },
      policy_types: ["Ingress"],
      ingress: [{ from: [{ pod_selector: { match_labels: backup.podSelectorLabels } }], ports: [{ port: "5432", protocol: "TCP" }] }],
    });
  });
});

describe("PostgresBackup options", () => {
  test("schedule, time zone, retention, volume and resources", () => {
    // GIVEN every option WHEN synthesized
    const { json } = build({
      schedule: "@hourly",
      timeZone: "Europe/Berlin",
      keep: 48,
      storageSize: "50Gi",
      storageClassName: "cheap",
      resources: { limits: { memory: "2Gi" } },
    });
    // THEN the CronJob and the claim follow them
    const cronJob = byName(json, "kubernetes_cron_job_v1", "pg-backup");
    expect(cronJob.spec).toMatchObject({ schedule: "@hourly", timezone: "Europe/Berlin" });
    const container = cronJob.spec.job_template.spec.template.spec.container[0];
    expect(container.env).toContainEqual({ name: "BACKUP_KEEP", value: "48" });
    expect(container.resources.limits).toEqual({ cpu: "1", memory: "2Gi" });
    expect(byName(json, "kubernetes_persistent_volume_claim_v1", "pg-backups").spec).toMatchObject({ storage_class_name: "cheap", resources: { requests: { storage: "50Gi" } } });
  });

  test("a database outside the cluster gets no NetworkPolicy; TLS follows the database", () => {
    // GIVEN a verified-TLS database without pods in the cluster WHEN synthesized
    const stack = kubernetesStack();
    const database = KongDatabase.fromAttributes(stack, "db", { host: "db.example.internal", sslVerify: true, passwordSecret: { name: "pg", key: "pw" } });
    const backup = new PostgresBackup(stack, "backup", { database, namespace: "kong", name: "pg", image: "postgres:16.9" });
    const json = synth(stack);
    // THEN no policy, and libpq verifies the certificate against the system trust store
    expect(backup.networkPolicy).toBeUndefined();
    expect(resources(json, "kubernetes_network_policy_v1")).toEqual([]);
    const env = byName(json, "kubernetes_cron_job_v1", "pg-backup").spec.job_template.spec.template.spec.container[0].env;
    expect(env).toContainEqual({ name: "PGSSLMODE", value: "verify-full" });
    expect(env).toContainEqual({ name: "PGSSLROOTCERT", value: "system" });
  });

  test("TLS without verification is required, not preferred", () => {
    const stack = kubernetesStack();
    const database = KongDatabase.fromAttributes(stack, "db", { host: "db.example.internal", passwordSecret: { name: "pg", key: "pw" } });
    new PostgresBackup(stack, "backup", { database, namespace: "kong", name: "pg", image: "postgres:16.9" });
    const env = byName(synth(stack), "kubernetes_cron_job_v1", "pg-backup").spec.job_template.spec.template.spec.container[0].env;
    expect(env).toContainEqual({ name: "PGSSLMODE", value: "require" });
  });

  test("an InClusterPostgres's backup admits the backup pods to its StatefulSet's pods", () => {
    // GIVEN the in-cluster database WHEN synthesized
    const stack = kubernetesStack();
    const db = new InClusterPostgres(stack, "postgres", { namespace: "kong" });
    const policy = byName(synth(stack), "kubernetes_network_policy_v1", "kong-postgres-backup");
    // THEN the policy selects the database pods
    expect(policy.spec.pod_selector.match_labels).toEqual(db.podSelectorLabels);
  });
});

describe("PostgresBackup rejects", () => {
  // GIVEN the bad input named by each test WHEN constructed THEN one ValidationError with exactly this message
  test("missing database, namespace, name and image, all at once", () => {
    rejected(
      { database: undefined, namespace: undefined, name: undefined, image: undefined },
      [
        "[test/backup] namespace (undefined) is required: the namespace of the database's password Secret",
        "[test/backup] database (undefined) is required: the IKongDatabase to back up (host, port, databaseName, user, passwordSecret), e.g. an InClusterPostgres",
        "[test/backup] name (undefined) is required: the prefix of the CronJobs and the volume claim",
        "[test/backup] image (undefined) is required: an image with pg_dump of the server's major version or newer",
      ].join("\n"),
    );
  });

  test("a database whose Secret is in another namespace", () => {
    const stack = kubernetesStack();
    const database = KongDatabase.fromAttributes(stack, "db", { host: "pg", namespace: "other", passwordSecret: { name: "pg", key: "pw" } });
    expectValidationError(
      () => new PostgresBackup(stack, "backup", { database, namespace: "kong", name: "pg", image: "postgres:16.9" }),
      '[test/backup] database.namespace ("other") must equal namespace ("kong"): the backup pods read the password Secret, and a pod can only read Secrets of its own namespace',
    );
  });

  test("a name too long for the CronJob <name>-restore", () => {
    rejected(
      { name: "b".repeat(45) },
      `[test/backup] name ("${"b".repeat(45)}") must be a DNS-1123 label: at most 44 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  });

  test("bad schedule, time zone, retention, volume and image, all at once", () => {
    rejected(
      { schedule: "every day", timeZone: "UTC+2 hours", keep: 0, storageSize: "0", storageClassName: "Slow_Disk", image: "postgres:latest" },
      [
        '[test/backup] image ("postgres:latest") must be pinned: a digest (repo@sha256:<64 hex>) or an explicit tag other than latest/stable/main/master/edge/nightly/dev',
        '[test/backup] schedule ("every day") must be a cron schedule: five fields (minute hour day-of-month month day-of-week, e.g. "17 3 * * *") or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
        '[test/backup] timeZone ("UTC+2 hours") must be an IANA time zone name, e.g. "Etc/UTC" or "Europe/Berlin"',
        "[test/backup] keep (0) must be an integer between 1 and 1000",
        '[test/backup] storageSize ("0") must be a positive size, such as 10Gi: the volume holds the dumps',
        "[test/backup] storageClassName (\"Slow_Disk\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });
});
