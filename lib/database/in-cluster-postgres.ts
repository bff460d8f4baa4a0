import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import type { Password } from "@cdktf/provider-random/lib/password";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { isToken, pinnedImage, plainObject, required } from "../core/checks";
import { Problems } from "../core/errors";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { ContainerResources, renderResources, resolveResources, ResolvedResources } from "../kubernetes/container-resources";
import { dns1123Label, dns1123Subdomain } from "../kubernetes/names";
import { parseQuantity, quantity } from "../kubernetes/quantities";
import { DEFAULT_IMAGE_PULL_SECONDS, readySeconds, rolloutBudget, startupSeconds } from "../kubernetes/rollout-budget";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../kubernetes/security-context";
import { IKongDatabase, KongDatabasePasswordSecret, pgIdentifier } from "./kong-database";
import { generateDatabasePassword } from "./database-password";
import { MAX_BACKUP_NAME_LENGTH, PostgresBackup, PostgresBackupOptions } from "./postgres-backup";

/** The PostgreSQL image used when none is given: a pinned minor release of PostgreSQL 16 (Debian). */
export const DEFAULT_POSTGRES_IMAGE = "postgres:16.9";

/** Requests and limits of the PostgreSQL container when none are given. */
export const DEFAULT_POSTGRES_RESOURCES: ResolvedResources = {
  requests: { cpu: "250m", memory: "256Mi" },
  limits: { cpu: "1", memory: "1Gi" },
};

/** uid/gid of the `postgres` user in the official Debian-based image. */
const POSTGRES_UID = 999;
const DATA_MOUNT = "/var/lib/postgresql/data";
const TERMINATION_GRACE_SECONDS = 60;
const READINESS = { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 };
/** PostgreSQL gets 30 + 6 x 10 = 90 s to answer `pg_isready` (initdb on first start, crash recovery) before a restart. */
const LIVENESS = { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 };
/**
 * Dynamic provisioning and attachment of the data volume: with a `WaitForFirstConsumer` class (EKS gp3, GKE, AKS) the
 * disk is made only once the pod is scheduled, and a cloud disk takes a minute or two to attach.
 */
export const VOLUME_ATTACH_SECONDS = 120;

/**
 * Terraform's wait for the StatefulSet (`rolloutBudget` with one pod replaced at a time): scheduling 60 + pull 180 +
 * volume 120 + start 90 + ready 15 = 465 s, + 60 s margin = 525 s per pod, + 60 s grace + 60 s = 645 s -> 11m. A
 * StatefulSet has no progress deadline: this timeout is the only bound, on create (which provisions the volume) and
 * on update alike.
 */
export const POSTGRES_WAIT_TIMEOUT = rolloutBudget({
  imagePullSeconds: DEFAULT_IMAGE_PULL_SECONDS,
  initSeconds: VOLUME_ATTACH_SECONDS,
  startupSeconds: startupSeconds(LIVENESS),
  readySeconds: readySeconds(READINESS),
  minReplicas: 1,
  maxReplicas: 1,
  strategy: { type: "Recreate" },
  terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
}).timeouts.update;

export interface InClusterPostgresProps {
  /** Namespace of the StatefulSet, Service, Secret and volume claim: the namespace Kong runs in. */
  readonly namespace: string;
  /**
   * Name of the StatefulSet and Service; the Secret is `<name>-credentials`, the claim `<name>-data`. At most 52
   * characters, 44 with backups (their CronJob `<name>-restore` must fit Kubernetes' 52).
   * @default "kong-postgres"
   */
  readonly name?: string;
  /** PostgreSQL image, pinned to a minor release or a digest. @default "postgres:16.9" */
  readonly image?: string;
  /** Database Kong uses. @default "kong" */
  readonly databaseName?: string;
  /** Login role Kong uses (created by the image as the database owner). @default "kong" */
  readonly user?: string;
  /** Size of the data volume. @default "10Gi" */
  readonly storageSize?: string;
  /** StorageClass of the data volume. @default the cluster's default StorageClass */
  readonly storageClassName?: string;
  /** @default requests cpu 250m / memory 256Mi, limits cpu 1 / memory 1Gi */
  readonly resources?: ContainerResources;
  /**
   * Scheduled `pg_dump` backups into a volume of their own (a `PostgresBackup` with id `Backup`), or `false` for
   * none. On by default: this database is the only copy of Kong's state (consumers, credentials, plugin settings
   * made outside Terraform) and `prevent_destroy` protects it from Terraform only, not from a lost volume or a bad
   * migration; the cost is one small volume and a daily job of seconds.
   * @default { }: daily at 03:17 UTC, the newest 7 dumps on a 10Gi volume
   */
  readonly backup?: PostgresBackupOptions | false;
}

/**
 * PostgreSQL for Kong inside the cluster: one StatefulSet pod (non-root, read-only root filesystem) whose data lives
 * on a separately managed PersistentVolumeClaim, a password generated once by `random_password` and kept in a
 * Secret, and a ClusterIP Service. The claim, the password and the Secret carry `prevent_destroy`.
 *
 * Good for development and small installations; for production prefer a managed server (`ExistingPostgres`).
 */
export class InClusterPostgres extends Construct implements IKongDatabase {
  public readonly host: string;
  public readonly port = 5432;
  public readonly databaseName: string;
  public readonly user: string;
  public readonly passwordSecret: KongDatabasePasswordSecret;
  public readonly ssl = false;
  public readonly sslVerify = false;
  public readonly namespace: string;
  public readonly podSelectorLabels: Record<string, string>;
  public readonly dependables: ITerraformDependable[];

  /** Name of the StatefulSet and Service. */
  public readonly name: string;
  public readonly image: string;
  /** The generated password (`random_password`, never regenerated). */
  public readonly password: Password;
  public readonly secret: SecretV1;
  public readonly volumeClaim: PersistentVolumeClaimV1;
  public readonly service: ServiceV1;
  public readonly statefulSet: StatefulSetV1;
  /** The scheduled backups and the restore template (absent with `backup: false`). */
  public readonly backup?: PostgresBackup;

  constructor(scope: Construct, id: string, props: InClusterPostgresProps) {
    super(scope, id);
    const p = (props ?? {}) as Partial<InClusterPostgresProps>;
    const resources = checkProps(this, p);

    this.namespace = p.namespace as string;
    this.name = p.name ?? "kong-postgres";
    this.image = p.image ?? DEFAULT_POSTGRES_IMAGE;
    this.databaseName = p.databaseName ?? "kong";
    this.user = p.user ?? "kong";
    this.host = `${this.name}.${this.namespace}.svc.cluster.local`;
    this.passwordSecret = { name: `${this.name}-credentials`, key: "password" };

    // A token image (known only at apply time) gets a fixed version label: its placeholder differs between builds.
    const version = isToken(this.image) ? "unknown" : imageVersion(this.image);
    const labelOpts = { name: "postgresql", instance: this.name, component: "database", version };
    const labels = standardLabels(labelOpts);
    this.podSelectorLabels = selectorLabels(labelOpts);
    const stableLabels = withoutVersion(labels);

    this.password = generateDatabasePassword(this);

    this.secret = new SecretV1(this, "Secret", {
      metadata: { name: this.passwordSecret.name, namespace: this.namespace, labels: stableLabels },
      type: "Opaque",
      data: { [this.passwordSecret.key]: this.password.result },
      lifecycle: { preventDestroy: true },
    });

    this.volumeClaim = new PersistentVolumeClaimV1(this, "Data", {
      metadata: { name: `${this.name}-data`, namespace: this.namespace, labels: stableLabels },
      spec: {
        accessModes: ["ReadWriteOnce"],
        storageClassName: p.storageClassName,
        resources: { requests: { storage: p.storageSize ?? "10Gi" } },
      },
      // Claims of WaitForFirstConsumer classes bind only when the pod is scheduled, after this resource.
      waitUntilBound: false,
      lifecycle: { preventDestroy: true },
    });

    this.service = new ServiceV1(this, "Service", {
      metadata: { name: this.name, namespace: this.namespace, labels: stableLabels },
      spec: {
        type: "ClusterIP",
        selector: this.podSelectorLabels,
        port: [{ name: "postgres", port: 5432, targetPort: "postgres", protocol: "TCP" }],
      },
    });

    this.statefulSet = this.addStatefulSet(labels, resources);

    this.dependables = [this.secret, this.service, this.statefulSet];

    if (p.backup !== false) {
      this.backup = new PostgresBackup(this, "Backup", { ...p.backup, database: this, namespace: this.namespace, name: this.name, image: this.image });
    }
  }

  /** The PostgreSQL pod: one replica, non-root, read-only root filesystem, data on the claim. Id `Resource`. */
  private addStatefulSet(labels: Record<string, string>, resources: ResolvedResources): StatefulSetV1 {
    const isReady = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", this.user, "-d", this.databaseName];
    return new StatefulSetV1(this, "Resource", {
      metadata: { name: this.name, namespace: this.namespace, labels },
      spec: {
        replicas: "1",
        serviceName: this.name,
        selector: { matchLabels: this.podSelectorLabels },
        updateStrategy: [{ type: "RollingUpdate" }],
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
            securityContext: restrictedPodSecurityContext({ runAsUser: POSTGRES_UID, ownVolumes: true, onlyOnRootMismatch: true }),
            container: [
              {
                name: "postgres",
                image: this.image,
                port: [{ name: "postgres", containerPort: 5432, protocol: "TCP" }],
                env: [
                  { name: "POSTGRES_USER", value: this.user },
                  { name: "POSTGRES_DB", value: this.databaseName },
                  {
                    name: "POSTGRES_PASSWORD",
                    valueFrom: { secretKeyRef: { name: this.passwordSecret.name, key: this.passwordSecret.key } },
                  },
                  // A subdirectory: the volume root may hold lost+found, and initdb needs an empty directory.
                  { name: "PGDATA", value: `${DATA_MOUNT}/pgdata` },
                ],
                readinessProbe: { exec: { command: isReady }, ...READINESS },
                livenessProbe: { exec: { command: isReady }, ...LIVENESS },
                resources: renderResources(resources),
                securityContext: restrictedContainerSecurityContext({ runAsUser: POSTGRES_UID }),
                volumeMount: [
                  { name: "data", mountPath: DATA_MOUNT },
                  { name: "run", mountPath: "/var/run/postgresql" },
                  { name: "tmp", mountPath: "/tmp" },
                ],
              },
            ],
            volume: [
              { name: "data", persistentVolumeClaim: { claimName: this.volumeClaim.metadata.name } },
              { name: "run", emptyDir: { sizeLimit: "16Mi" } },
              { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
            ],
          },
        },
      },
      waitForRollout: true,
      timeouts: { create: POSTGRES_WAIT_TIMEOUT, update: POSTGRES_WAIT_TIMEOUT },
    });
  }
}

/** Checks every prop, throws one ValidationError naming all problems, and returns the container's resources. */
function checkProps(scope: Construct, p: Partial<InClusterPostgresProps>): ResolvedResources {
  const v = new Problems(scope);
  if (required(v, "namespace", p.namespace, "is required: the namespace Kong runs in")) dns1123Label(v, "namespace", p.namespace);
  // The StatefulSet's pods get a controller-revision-hash label `<name>-<10 chars>`, at most 63 characters.
  // With backups, the CronJob `<name>-restore` must stay within 52 characters.
  dns1123Label(v, "name", p.name, p.backup === false ? 52 : MAX_BACKUP_NAME_LENGTH);
  if (pinnedImage(v, "image", p.image) && typeof p.image === "string" && !isToken(p.image) && !p.image.includes("@")) {
    const tag = p.image.slice(p.image.lastIndexOf(":") + 1);
    if (!/^v?\d+\.\d+/.test(tag)) {
      v.add("image", p.image, 'must be pinned to a PostgreSQL minor release, e.g. "postgres:16.9", or a digest (repo@sha256:<64 hex>)');
    }
  }
  pgIdentifier(v, "databaseName", p.databaseName);
  pgIdentifier(v, "user", p.user);
  const sizeOk = quantity(v, "storageSize", p.storageSize);
  if (sizeOk && typeof p.storageSize === "string" && !isToken(p.storageSize) && !((parseQuantity(p.storageSize) ?? 0) >= 1)) {
    v.add("storageSize", p.storageSize, "must be a positive size (at least 1 byte), such as 10Gi: the data volume holds the database");
  }
  dns1123Subdomain(v, "storageClassName", p.storageClassName);
  const resources = resolveResources(v, "resources", p.resources, DEFAULT_POSTGRES_RESOURCES);
  if (p.backup !== false) plainObject(v, "backup", p.backup, "must be false (no backups) or an object { schedule?, timeZone?, keep?, storageSize?, storageClassName?, resources? }");
  v.throwIfAny();
  return resources;
}

/** Labels for objects that should not change on an image upgrade (Secret, claim, Service). */
export function withoutVersion(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => k !== "app.kubernetes.io/version"));
}
