import { DeploymentV1, DeploymentV1SpecTemplateSpecContainer } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { renderResources, ResolvedResources } from "../kubernetes/container-resources";
import { DEFAULT_IMAGE_PULL_SECONDS, readySeconds, rolloutBudget, RolloutBudget, RolloutStrategy, startupSeconds } from "../kubernetes/rollout-budget";
import { Scaling } from "../kubernetes/scaling";
import { deploymentScaling, SPREAD_OVER_NODES_AND_ZONES } from "../kubernetes/workload-scaling";
import { KongCertificateFiles } from "./kong-certificates";
import {
  KONG_PORTS,
  KONG_PREFIX,
  KONG_TASK_RESOURCES,
  kongContainerSecurityContext,
  KongEnvVar,
  kongPodSecurityContext,
  kongVolumeMounts,
  kongVolumes,
} from "./kong-pod";
import { clearStaleStateCommand, DEFAULT_WAIT, waitBudgetSeconds, waitForDatabaseScript } from "./migrations";

/** Zero downtime: new pods (a quarter more at a time) must be ready before old ones go. */
const KONG_STRATEGY: RolloutStrategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" } };
const TERMINATION_GRACE_SECONDS = 30;

/** What the Kong Deployment is made of, resolved by KongCluster. */
export interface KongWorkloadOptions {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** Labels of the Deployment and its pods. */
  readonly labels: Record<string, string>;
  /** Labels that select the pods. */
  readonly selector: Record<string, string>;
  readonly env: KongEnvVar[];
  /** The proxy container's environment: `env` plus its certificate settings. */
  readonly proxyEnv: KongEnvVar[];
  /** Certificate files: volumes, mounts, annotations and the pod-template paths Terraform leaves alone. */
  readonly certificates: KongCertificateFiles;
  readonly resources: ResolvedResources;
  readonly scaling: Scaling;
  /** The rollout waits for these (the migrations Job). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * How long Kong's rollout may take (`rolloutBudget`): an ordinary image pull, the init containers' bound (the database
 * wait), Kong's liveness allowance to start, its readiness probe, for every replica count the scaling allows.
 */
export function kongRolloutBudget(scaling: Scaling): RolloutBudget {
  return rolloutBudget({
    imagePullSeconds: DEFAULT_IMAGE_PULL_SECONDS,
    initSeconds: waitBudgetSeconds(DEFAULT_WAIT),
    startupSeconds: startupSeconds(statusProbe("/status")),
    readySeconds: readySeconds(statusProbe("/status/ready")),
    minReplicas: scaling.minReplicas,
    maxReplicas: scaling.maxReplicas,
    strategy: KONG_STRATEGY,
    terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
  });
}

/**
 * Kong's Deployment, id `Resource` in `scope` (the KongCluster): zero-downtime rollouts spread over nodes and zones,
 * two init containers (clear stale state, wait for a migrated database), then the proxy container with the chart's
 * probes and a graceful `kong quit`. Its progress deadline and Terraform timeouts come from `kongRolloutBudget`.
 */
export function addKongDeployment(scope: Construct, o: KongWorkloadOptions): DeploymentV1 {
  const scaled = deploymentScaling(o.scaling, o.selector, SPREAD_OVER_NODES_AND_ZONES);
  const budget = kongRolloutBudget(o.scaling);
  const files = o.certificates;
  const ignoreChanges = [...(scaled.lifecycle?.ignoreChanges ?? []), ...files.ignoreChanges];
  return new DeploymentV1(scope, "Resource", {
    metadata: { name: o.name, namespace: o.namespace, labels: o.labels, annotations: files.deploymentAnnotations },
    spec: {
      replicas: scaled.replicas,
      selector: { matchLabels: o.selector },
      strategy: { ...KONG_STRATEGY },
      progressDeadlineSeconds: budget.progressDeadlineSeconds,
      template: {
        metadata: { labels: o.labels, annotations: files.podAnnotations },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: kongPodSecurityContext(),
          topologySpreadConstraint: scaled.topologySpreadConstraint,
          initContainer: initContainers(o),
          container: [proxyContainer(o)],
          volume: [...kongVolumes(), ...files.volumes, ...files.proxyVolumes],
        },
      },
    },
    waitForRollout: true,
    timeouts: { ...budget.timeouts },
    dependsOn: o.dependsOn,
    // The autoscaler owns the replica count once it exists; restarts by kubectl or Reloader are not drift.
    lifecycle: ignoreChanges.length > 0 ? { ignoreChanges } : undefined,
  });
}

function initContainers(o: KongWorkloadOptions): DeploymentV1SpecTemplateSpecContainer[] {
  const secure = kongContainerSecurityContext();
  const mounts = kongVolumeMounts();
  return [
    {
      name: "clear-stale-pid",
      image: o.image,
      imagePullPolicy: "IfNotPresent",
      command: clearStaleStateCommand(KONG_PREFIX),
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } },
      securityContext: secure,
      volumeMount: mounts,
    },
    {
      name: "wait-for-db",
      image: o.image,
      imagePullPolicy: "IfNotPresent",
      command: ["/bin/sh", "-c", waitForDatabaseScript()],
      env: o.env,
      resources: renderResources(KONG_TASK_RESOURCES),
      securityContext: secure,
      volumeMount: [...mounts, ...o.certificates.mounts],
    },
  ];
}

function proxyContainer(o: KongWorkloadOptions): DeploymentV1SpecTemplateSpecContainer {
  return {
    name: "proxy",
    image: o.image,
    imagePullPolicy: "IfNotPresent",
    env: o.proxyEnv,
    port: [
      { name: "proxy", containerPort: KONG_PORTS.proxy, protocol: "TCP" },
      { name: "proxy-tls", containerPort: KONG_PORTS.proxyTls, protocol: "TCP" },
      { name: "admin", containerPort: KONG_PORTS.admin, protocol: "TCP" },
      { name: "admin-tls", containerPort: KONG_PORTS.adminTls, protocol: "TCP" },
      { name: "status", containerPort: KONG_PORTS.status, protocol: "TCP" },
    ],
    readinessProbe: statusProbe("/status/ready"),
    livenessProbe: statusProbe("/status"),
    lifecycle: { preStop: [{ exec: { command: ["kong", "quit", "--wait=15"] } }] },
    resources: renderResources(o.resources),
    securityContext: kongContainerSecurityContext(),
    volumeMount: [...kongVolumeMounts(), ...o.certificates.mounts, ...o.certificates.proxyMounts],
  };
}

/** The chart's probe timings, on the status port. */
function statusProbe(path: string) {
  return {
    httpGet: { path, port: "status", scheme: "HTTP" },
    initialDelaySeconds: 5,
    timeoutSeconds: 5,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  };
}
