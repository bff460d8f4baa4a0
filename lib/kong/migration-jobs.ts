import { JobV1 } from "@cdktf/provider-kubernetes/lib/job-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { renderResources } from "../kubernetes/container-resources";
import {
  KONG_TASK_RESOURCES,
  kongContainerSecurityContext,
  KongEnvVar,
  kongPodSecurityContext,
  kongVolumeMounts,
  kongVolumes,
} from "./kong-pod";
import { KongCertificateFiles } from "./kong-certificates";
import { migrationsFinishScript, migrationsUpScript } from "./migrations";

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
      backoffLimit: 3,
      activeDeadlineSeconds: 1200,
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
    timeouts: { create: "25m", update: "25m" },
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  });
}
