import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { Construct } from "constructs";
import { integerIn, isToken, pinnedImage, required } from "../core/checks";
import { Problems } from "../core/errors";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { ContainerResources, renderResources, resolveResources, ResolvedResources } from "../kubernetes/container-resources";
import { cronSchedule, timeZone } from "../kubernetes/cron-schedule";
import { dns1123Label, dns1123Subdomain } from "../kubernetes/names";
import { parseQuantity, quantity } from "../kubernetes/quantities";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../kubernetes/security-context";
import { postgresBackupScript, postgresRestoreScript } from "./backup-scripts";
import { hasConnectionShape, IKongDatabase } from "./kong-database";

/** Requests and limits of the backup and restore containers when none are given. */
export const DEFAULT_BACKUP_RESOURCES: ResolvedResources = {
  requests: { cpu: "100m", memory: "128Mi" },
  limits: { cpu: "1", memory: "512Mi" },
};

/** Longest `name`: the CronJob `<name>-restore` must stay within the 52 characters Kubernetes allows a CronJob. */
export const MAX_BACKUP_NAME_LENGTH = 44;

/** Where the backup volume is mounted in the backup and restore pods. */
export const BACKUP_MOUNT = "/backups";

/** uid/gid of the `postgres` user in the official Debian-based image: owner of the dumps. */
const POSTGRES_UID = 999;

/** How often, where and how many dumps are kept. Every field has a default. */
export interface PostgresBackupOptions {
  /** When a dump is taken, in cron syntax, in `timeZone`. @default "17 3 * * *" (every day at 03:17) */
  readonly schedule?: string;
  /** Time zone of `schedule` (an IANA name). @default "Etc/UTC" */
  readonly timeZone?: string;
  /** How many dumps the volume keeps; older ones are deleted after each good dump. @default 7 (a week of daily dumps) */
  readonly keep?: number;
  /** Size of the backup volume: room for `keep` + 1 dumps (a new one is written before the oldest goes). @default "10Gi" */
  readonly storageSize?: string;
  /** StorageClass of the backup volume. @default the cluster's default StorageClass */
  readonly storageClassName?: string;
  /** @default requests cpu 100m / memory 128Mi, limits cpu 1 / memory 512Mi */
  readonly resources?: ContainerResources;
}

export interface PostgresBackupProps extends PostgresBackupOptions {
  /** The database to dump: its host, port, database, user and password Secret; its pods, if in the cluster. */
  readonly database: IKongDatabase;
  /** Namespace of the CronJobs and the volume: the namespace of the database's password Secret. */
  readonly namespace: string;
  /** Prefix of the objects: CronJobs `<name>-backup` and `<name>-restore`, claim `<name>-backups`. At most 44 characters. */
  readonly name: string;
  /** Image with `pg_dump`, `pg_restore` and `psql` of the server's major version or newer (the server's own image). */
  readonly image: string;
}

/**
 * Scheduled `pg_dump` backups of one PostgreSQL database, and a restore you run with one command:
 * - CronJob `<name>-backup` (id `Resource`): a restricted pod dumps the database into the claim `<name>-backups`
 *   (id `Volume`, `prevent_destroy`) and keeps the newest `keep` dumps; one run at a time;
 * - CronJob `<name>-restore` (id `Restore`): suspended, never scheduled; a template for
 *   `kubectl create job --from=cronjob/<name>-restore <job>`, which restores the newest dump in one transaction;
 * - NetworkPolicy `<name>-backup` (id `NetworkPolicy`, only for a database with pods in the cluster): admits these
 *   pods to the database's port (policies add up: Kong's own policy stays as it is).
 * Both pods read the password from the database's Secret: it is never in the Terraform JSON. The scripts are the files
 * `lib/database/scripts/postgres-{backup,restore}.sh`, rendered verbatim.
 */
export class PostgresBackup extends Construct {
  public readonly name: string;
  public readonly namespace: string;
  public readonly schedule: string;
  public readonly keep: number;
  /** Labels of the backup and restore pods (select them in NetworkPolicies). */
  public readonly podSelectorLabels: Record<string, string>;
  public readonly volumeClaim: PersistentVolumeClaimV1;
  public readonly cronJob: CronJobV1;
  public readonly restoreCronJob: CronJobV1;
  /** Admits the backup and restore pods to the database (absent for a database outside the cluster). */
  public readonly networkPolicy?: NetworkPolicyV1;

  constructor(scope: Construct, id: string, props: PostgresBackupProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<PostgresBackupProps>;
    const resources = checkProps(this, p);
    const db = p.database as IKongDatabase;
    this.name = p.name as string;
    this.namespace = p.namespace as string;
    this.schedule = p.schedule ?? "17 3 * * *";
    this.keep = p.keep ?? 7;

    const image = p.image as string;
    const labelOpts = { name: "postgresql-backup", instance: this.name, component: "backup" };
    const labels = standardLabels(labelOpts);
    this.podSelectorLabels = selectorLabels(labelOpts);
    const podLabels = standardLabels({ ...labelOpts, version: isToken(image) ? "unknown" : imageVersion(image) });

    this.volumeClaim = new PersistentVolumeClaimV1(this, "Volume", {
      metadata: { name: `${this.name}-backups`, namespace: this.namespace, labels },
      spec: {
        accessModes: ["ReadWriteOnce"],
        storageClassName: p.storageClassName,
        resources: { requests: { storage: p.storageSize ?? "10Gi" } },
      },
      // WaitForFirstConsumer classes bind only when the first backup pod is scheduled.
      waitUntilBound: false,
      lifecycle: { preventDestroy: true },
    });

    const pod = (container: string, script: string, env: Env[]) =>
      backupPod({ container, image, script, env: [...connectionEnv(db), ...env], claim: this.volumeClaim.metadata.name, resources, labels: podLabels });

    this.cronJob = new CronJobV1(this, "Resource", {
      metadata: { name: `${this.name}-backup`, namespace: this.namespace, labels },
      spec: {
        schedule: this.schedule,
        timezone: p.timeZone ?? "Etc/UTC",
        // A dump still running when the next is due: skip the next one rather than dump twice into one volume.
        concurrencyPolicy: "Forbid",
        // A run missed by less than an hour (controller restart, node drain) still starts.
        startingDeadlineSeconds: 3600,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels },
          spec: { backoffLimit: 2, activeDeadlineSeconds: 3600, template: pod("backup", postgresBackupScript(), [{ name: "BACKUP_KEEP", value: String(this.keep) }]) },
        },
      },
    });

    this.restoreCronJob = new CronJobV1(this, "Restore", {
      metadata: { name: `${this.name}-restore`, namespace: this.namespace, labels },
      spec: {
        // Never due (February 31st) and suspended: this CronJob only exists to be copied by `kubectl create job --from`.
        schedule: "0 0 31 2 *",
        suspend: true,
        concurrencyPolicy: "Forbid",
        jobTemplate: {
          metadata: { labels },
          // No retry: a restore that failed rolled back; read its log before trying again.
          spec: { backoffLimit: 0, activeDeadlineSeconds: 3600, template: pod("restore", postgresRestoreScript(), []) },
        },
      },
    });

    this.networkPolicy = this.addNetworkPolicy(db, labels);
  }

  /** Admits the backup and restore pods to the database's pods, if it has pods in the cluster. */
  private addNetworkPolicy(db: IKongDatabase, labels: Record<string, string>): NetworkPolicyV1 | undefined {
    const dbPods = db.podSelectorLabels;
    if (!dbPods || Object.keys(dbPods).length === 0) return undefined;
    return new NetworkPolicyV1(this, "NetworkPolicy", {
      metadata: { name: `${this.name}-backup`, namespace: this.namespace, labels },
      spec: {
        podSelector: { matchLabels: { ...dbPods } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ podSelector: { matchLabels: this.podSelectorLabels } }], ports: [{ port: String(db.port), protocol: "TCP" }] }],
      },
    });
  }
}

interface Env {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

/** libpq's own variables: the scripts pass no connection flags. TLS follows the database (as Kong connects). */
function connectionEnv(db: IKongDatabase): Env[] {
  const env: Env[] = [
    { name: "PGHOST", value: db.host },
    { name: "PGPORT", value: String(db.port) },
    { name: "PGDATABASE", value: db.databaseName },
    { name: "PGUSER", value: db.user },
    { name: "PGPASSWORD", valueFrom: { secretKeyRef: { name: db.passwordSecret.name, key: db.passwordSecret.key } } },
    { name: "PGSSLMODE", value: db.sslVerify ? "verify-full" : db.ssl ? "require" : "disable" },
  ];
  // libpq 16+: verify against the image's system trust store, as Kong does with `lua_ssl_trusted_certificate=system`.
  if (db.sslVerify) env.push({ name: "PGSSLROOTCERT", value: "system" });
  return env;
}

interface BackupPodOptions {
  readonly container: string;
  readonly image: string;
  readonly script: string;
  readonly env: Env[];
  readonly claim: string;
  readonly resources: ResolvedResources;
  readonly labels: Record<string, string>;
}

/** The restricted pod both CronJobs run: uid 999 owns the backup volume; /tmp is the only other writable path. */
function backupPod(o: BackupPodOptions) {
  return {
    metadata: { labels: o.labels },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: restrictedPodSecurityContext({ runAsUser: POSTGRES_UID, ownVolumes: true, onlyOnRootMismatch: true }),
      container: [
        {
          name: o.container,
          image: o.image,
          imagePullPolicy: "IfNotPresent",
          command: ["/bin/sh", "-c", o.script],
          env: [...o.env, { name: "BACKUP_DIR", value: BACKUP_MOUNT }, { name: "HOME", value: "/tmp" }],
          resources: renderResources(o.resources),
          securityContext: restrictedContainerSecurityContext({ runAsUser: POSTGRES_UID }),
          volumeMount: [
            { name: "backups", mountPath: BACKUP_MOUNT },
            { name: "tmp", mountPath: "/tmp" },
          ],
        },
      ],
      volume: [
        { name: "backups", persistentVolumeClaim: { claimName: o.claim } },
        { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      ],
    },
  };
}

/** The database: shaped like an IKongDatabase, its password Secret in `namespace` (a pod reads no other). */
function checkDatabase(v: Problems, db: unknown, namespace: unknown): void {
  const d = (db ?? {}) as Partial<IKongDatabase>;
  if (!hasConnectionShape(d)) {
    v.add("database", db, "is required: the IKongDatabase to back up (host, port, databaseName, user, passwordSecret), e.g. an InClusterPostgres");
    return;
  }
  if (d.namespace !== undefined && typeof namespace === "string" && !isToken(d.namespace) && !isToken(namespace) && d.namespace !== namespace) {
    v.add("database.namespace", d.namespace, `must equal namespace (${JSON.stringify(namespace)}): the backup pods read the password Secret, and a pod can only read Secrets of its own namespace`);
  }
}

/** Checks every prop, throws one ValidationError naming all problems, and returns the containers' resources. */
function checkProps(scope: Construct, p: Partial<PostgresBackupProps>): ResolvedResources {
  const v = new Problems(scope);
  const nsOk = required(v, "namespace", p.namespace, "is required: the namespace of the database's password Secret") && dns1123Label(v, "namespace", p.namespace);
  checkDatabase(v, p.database, nsOk ? p.namespace : undefined);
  if (isToken(p.name)) v.add("name", p.name, "must be a literal string, not a Terraform token: it names the CronJobs and the volume claim");
  else if (required(v, "name", p.name, "is required: the prefix of the CronJobs and the volume claim")) dns1123Label(v, "name", p.name, MAX_BACKUP_NAME_LENGTH);
  if (required(v, "image", p.image, "is required: an image with pg_dump of the server's major version or newer")) pinnedImage(v, "image", p.image);
  cronSchedule(v, "schedule", p.schedule);
  timeZone(v, "timeZone", p.timeZone);
  integerIn(v, "keep", p.keep, 1, 1000);
  if (quantity(v, "storageSize", p.storageSize) && typeof p.storageSize === "string" && !isToken(p.storageSize) && !((parseQuantity(p.storageSize) ?? 0) >= 1)) {
    v.add("storageSize", p.storageSize, "must be a positive size, such as 10Gi: the volume holds the dumps");
  }
  dns1123Subdomain(v, "storageClassName", p.storageClassName);
  const resources = resolveResources(v, "resources", p.resources, DEFAULT_BACKUP_RESOURCES);
  v.throwIfAny();
  return resources;
}
