import { JobV1 } from "@cdktf/provider-kubernetes/lib/job-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { renderResources } from "../kubernetes/container-resources";
import { DEFAULT_IMAGE_PULL_SECONDS, SCHEDULE_SECONDS, waitTimeout } from "../kubernetes/rollout-budget";
import {
  KONG_TASK_RESOURCES,
  kongContainerSecurityContext,
  KongEnvVar,
  kongPodSecurityContext,
  kongVolumeMounts,
  kongVolumes,
} from "./kong-pod";
import { KongCertificateFiles } from "./kong-certificates";
import { DEFAULT_WAIT, migrationsFinishScript, migrationsUpScript, waitBudgetSeconds } from "./migrations";

/**
 * Longest the migrations themselves may run once the database answers: Kong 3.9's `bootstrap` or `up` takes well under
 * a minute on a small database; the rest is room for a large one.
 */
export const MIGRATIONS_RUN_SECONDS = 360;
/** Failed attempts a Job retries (each in a new pod) within its deadline. */
export const MIGRATION_JOB_BACKOFF_LIMIT = 3;
/**
 * `activeDeadlineSeconds` of both Jobs, over every attempt: scheduling + image pull + the script's database wait +
 * the migrations = 60 + 180 + 600 + 360 = 1200 s. Past it Kubernetes stops the Job and marks it `Failed`
 * (`DeadlineExceeded`), which ends Terraform's wait at once with that reason.
 */
export const MIGRATION_JOB_DEADLINE_SECONDS =
  SCHEDULE_SECONDS + DEFAULT_IMAGE_PULL_SECONDS + waitBudgetSeconds(DEFAULT_WAIT) + MIGRATIONS_RUN_SECONDS;
/** The Jobs' pods keep Kubernetes' default grace period: the `Failed` condition may wait for them to stop. */
const JOB_POD_GRACE_SECONDS = 30;
/** Terraform's `wait_for_completion` timeout: the Job's deadline, its pods' grace and the wait margin (1290 s -> 22m). */
export const MIGRATION_JOB_TIMEOUT = waitTimeout(MIGRATION_JOB_DEADLINE_SECONDS + JOB_POD_GRACE_SECONDS);

/** What both migration Jobs share, resolved by KongCluster. */
export interface MigrationJobOptions {
  /** The KongCluster's name: the Jobs are `<name>-migrations-<key>` and `<name>-migrations-finish-<key>`. */
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** The migrations key (a hash of image and database): a new key gives new Jobs. */
  readonly key: string;
  /** Labels of the Jobs and their pods. */
  readonly labels: Record<string, string>;
  readonly env: KongEnvVar[];
  /** Certificate files; the Jobs mount those every Kong container needs (the database's CA). */
  readonly certificates: KongCertificateFiles;
}

/**
 * Step 1 of Terraform's ordering (database -> this Job -> Deployment rollout -> finish Job): converges the schema
 * before any new pod starts. Id `Migrations` in `scope` (the KongCluster).
 */
export function addMigrationsJob(scope: Construct, o: MigrationJobOptions, database: ITerraformDependable[]): JobV1 {
  return migrationJob(scope, "Migrations", `${o.name}-migrations-${o.key}`, migrationsUpScript(), o, database);
}

/** Step 3: `kong migrations finish` once every pod runs the new version. Id `MigrationsFinish`. */
export function addMigrationsFinishJob(scope: Construct, o: MigrationJobOptions, rollout: ITerraformDependable): JobV1 {
  return migrationJob(scope, "MigrationsFinish", `${o.name}-migrations-finish-${o.key}`, migrationsFinishScript(), o, [rollout]);
}

function migrationJob(
  scope: Construct,
  id: string,
  jobName: string,
  script: string,
  o: MigrationJobOptions,
  dependsOn: ITerraformDependable[],
): JobV1 {
  return new JobV1(scope, id, {
    metadata: { name: jobName, namespace: o.namespace, labels: o.labels },
    spec: {
      backoffLimit: MIGRATION_JOB_BACKOFF_LIMIT,
      activeDeadlineSeconds: MIGRATION_JOB_DEADLINE_SECONDS,
      template: {
        metadata: { labels: o.labels },
        spec: {
          restartPolicy: "Never",
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: kongPodSecurityContext(),
          container: [
            {
              name: "kong-migrations",
              image: o.image,
              imagePullPolicy: "IfNotPresent",
              command: ["/bin/sh", "-c", script],
              env: o.env,
              resources: renderResources(KONG_TASK_RESOURCES),
              securityContext: kongContainerSecurityContext(),
              volumeMount: [...kongVolumeMounts(), ...o.certificates.mounts],
            },
          ],
          volume: [...kongVolumes(), ...o.certificates.volumes],
        },
      },
    },
    waitForCompletion: true,
    timeouts: { create: MIGRATION_JOB_TIMEOUT, update: MIGRATION_JOB_TIMEOUT },
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  });
}
