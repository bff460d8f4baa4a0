import { Construct } from "constructs";
import { DeploymentV1, DeploymentV1SpecTemplateSpec, DeploymentV1SpecTemplateSpecContainer } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { loadBalancerWait } from "../kubernetes/load-balancer";
import { Rollout } from "../kubernetes/rollout";
import { readySeconds, rolloutBudget, RolloutBudget, startupSeconds } from "../kubernetes/rollout-budget";
import { Scaling } from "../kubernetes/scaling";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../kubernetes/security-context";
import { Vip } from "../kubernetes/vip";
import { addAutoscalerAndBudget, deploymentScaling } from "../kubernetes/workload-scaling";
import { ModelProbes, ModelProtocol, ModelResources } from "./props";

/** Fully resolved settings of one model track (stable or canary); DetectionService fills every default. */
export interface ModelWorkloadProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly selector: Record<string, string>;
  readonly image: string;
  readonly port: number;
  readonly protocol: ModelProtocol;
  /** A fixed pod count, or an autoscaler (with `ignore_changes` on the Deployment's replicas). */
  readonly scaling: Scaling;
  readonly resources: Required<Pick<ModelResources, "cpu" | "memory">> & ModelResources;
  readonly probes: Required<Omit<ModelProbes, "grpcService">> & { grpcService?: string };
  /** Longest a node may take to pull the image, in seconds. */
  readonly imagePullSeconds: number;
  readonly vip: Vip;
  readonly env: Record<string, string>;
  readonly configMaps: string[];
  readonly secrets: string[];
  readonly runAsUser: number;
  readonly podAnnotations: Record<string, string>;
  /** The TLS Secret of a server that terminates TLS: mounted at `/etc/model-tls/`, probes over HTTPS. @default none */
  readonly serverTlsSecret?: string;
  /** How new pods replace old ones (`spec.strategy`). */
  readonly rollout: Rollout;
  /** A port of its own for the model's metrics (container port `metrics`). @default none */
  readonly metricsPort?: number;
}

/** Where a model server that terminates TLS finds its certificate and key (`tls.crt`, `tls.key`). */
export const MODEL_TLS_DIR = "/etc/model-tls";

const PROBE_PERIOD_SECONDS = 10;
/** The readiness and liveness probes' timing. */
const READINESS_TIMING = { periodSeconds: PROBE_PERIOD_SECONDS, timeoutSeconds: 5, failureThreshold: 3 };
const TERMINATION_GRACE_SECONDS = 30;
const TMP_VOLUME = "tmp";
const TLS_VOLUME = "server-tls";

/**
 * How long a model's rollout may take (`rolloutBudget`): its image-pull allowance, its whole load time (the startup
 * probe's failures x period, so a `startupTimeoutSeconds` can never exceed the deadline made from it), the readiness
 * probe, for every replica count the scaling allows, in the batches its rollout takes.
 */
export function modelRolloutBudget(p: Pick<ModelWorkloadProps, "imagePullSeconds" | "probes" | "scaling" | "rollout">): RolloutBudget {
  return rolloutBudget({
    imagePullSeconds: p.imagePullSeconds,
    startupSeconds: startupSeconds(startupTiming(p.probes.startupTimeoutSeconds)),
    readySeconds: readySeconds(READINESS_TIMING),
    minReplicas: p.scaling.minReplicas,
    maxReplicas: p.scaling.maxReplicas,
    strategy: p.rollout.strategy,
    terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
  });
}

/**
 * One version of a model: Deployment, VIP Service, and (when it has more than one pod) its autoscaler and
 * disruption budget. Secure by default: the restricted pod and container security contexts of lib/kubernetes
 * (non-root, read-only root filesystem with a writable /tmp, no privilege escalation, every capability dropped,
 * RuntimeDefault seccomp), no service-account token.
 */
export class ModelWorkload extends Construct {
  public readonly deployment: DeploymentV1;
  public readonly service: ServiceV1;
  public readonly autoscaler?: HorizontalPodAutoscalerV2;
  public readonly disruptionBudget?: PodDisruptionBudgetV1;
  /** The progress deadline and Terraform timeouts of the Deployment, and what they are made of. */
  public readonly rolloutBudget: RolloutBudget;

  constructor(scope: Construct, id: string, p: ModelWorkloadProps) {
    super(scope, id);
    const metadata = { name: p.name, namespace: p.namespace, labels: p.labels };
    const portName = p.protocol === "grpc" ? "grpc" : p.serverTlsSecret ? "https" : "http";
    const { replicas, topologySpreadConstraint, lifecycle } = deploymentScaling(p.scaling, p.selector);
    this.rolloutBudget = modelRolloutBudget(p);

    this.deployment = new DeploymentV1(this, "Deployment", {
      metadata,
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: p.selector },
        // Rollout.surge() (a new pod ready before an old one goes), or Rollout.replace() for GPU models (no spare GPU needed).
        strategy: p.rollout.strategy,
        progressDeadlineSeconds: this.rolloutBudget.progressDeadlineSeconds,
        template: {
          metadata: { labels: p.labels, annotations: sortedOrUndefined(p.podAnnotations) },
          spec: { ...this.podSpec(p, portName), topologySpreadConstraint },
        },
      },
      waitForRollout: true,
      timeouts: { ...this.rolloutBudget.timeouts },
      lifecycle,
    });

    this.service = new ServiceV1(this, "Service", {
      metadata: { ...metadata, annotations: sortedOrUndefined(p.vip.annotations ?? {}) },
      spec: {
        ...p.vip.serviceSpec(),
        selector: p.selector,
        port: [{ name: portName, port: p.vip.port, targetPort: portName, protocol: "TCP" }],
      },
      ...loadBalancerWait(p.vip.isLoadBalancer),
    });

    const availability = addAutoscalerAndBudget(this, { scaling: p.scaling, metadata, selector: p.selector, deploymentName: p.name });
    this.autoscaler = availability.autoscaler;
    this.disruptionBudget = availability.disruptionBudget;
  }

  private podSpec(p: ModelWorkloadProps, portName: string): DeploymentV1SpecTemplateSpec {
    return {
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
      // ownVolumes keeps the fsGroup model pods have always had (their /tmp emptyDir does not need it)
      securityContext: restrictedPodSecurityContext({ runAsUser: p.runAsUser, ownVolumes: true }),
      container: [this.container(p, portName)],
      volume: [
        { name: TMP_VOLUME, emptyDir: { sizeLimit: "1Gi" } },
        ...(p.serverTlsSecret ? [{ name: TLS_VOLUME, secret: { secretName: p.serverTlsSecret, items: ["tls.crt", "tls.key"].map((key) => ({ key, path: key })) } }] : []),
      ],
      nodeSelector: p.resources.gpu ? gpuNodeSelector(p.resources) : undefined,
      toleration: p.resources.gpu ? [{ key: gpuTolerationKey(p.resources), operator: "Exists", effect: "NoSchedule" }] : undefined,
    };
  }

  private container(p: ModelWorkloadProps, portName: string): DeploymentV1SpecTemplateSpecContainer {
    const limits: Record<string, string> = { memory: p.resources.memory };
    if (p.resources.cpuLimit) limits.cpu = p.resources.cpuLimit;
    if (p.resources.gpu) limits[p.resources.gpu.resourceName ?? "nvidia.com/gpu"] = String(p.resources.gpu.count);
    const envFrom = [
      ...p.configMaps.map((name) => ({ configMapRef: { name } })),
      ...p.secrets.map((name) => ({ secretRef: { name } })),
    ];
    return {
      name: "model",
      image: p.image,
      imagePullPolicy: "IfNotPresent",
      port: [
        { name: portName, containerPort: p.port, protocol: "TCP" },
        ...(p.metricsPort === undefined ? [] : [{ name: "metrics", containerPort: p.metricsPort, protocol: "TCP" }]),
      ],
      env: Object.keys(p.env)
        .sort()
        .map((name) => ({ name, value: p.env[name] })),
      envFrom: envFrom.length > 0 ? envFrom : undefined,
      resources: { requests: { cpu: p.resources.cpu, memory: p.resources.memory }, limits },
      securityContext: restrictedContainerSecurityContext(),
      volumeMount: [
        { name: TMP_VOLUME, mountPath: "/tmp" },
        ...(p.serverTlsSecret ? [{ name: TLS_VOLUME, mountPath: MODEL_TLS_DIR, readOnly: true }] : []),
      ],
      ...probes(p, portName),
    };
  }
}

/** The startup probe's timing: failures enough to cover the load time, one every period. */
function startupTiming(startupTimeoutSeconds: number) {
  return { periodSeconds: PROBE_PERIOD_SECONDS, timeoutSeconds: 5, failureThreshold: Math.max(1, Math.ceil(startupTimeoutSeconds / PROBE_PERIOD_SECONDS)) };
}

function probes(p: ModelWorkloadProps, portName: string): Partial<DeploymentV1SpecTemplateSpecContainer> {
  const startup = startupTiming(p.probes.startupTimeoutSeconds);
  const timing = READINESS_TIMING;
  if (p.protocol === "grpc") {
    const grpc = [{ port: p.port, service: p.probes.grpcService }];
    return {
      startupProbe: { grpc, ...startup },
      readinessProbe: { grpc, ...timing },
      livenessProbe: { grpc, ...timing },
    };
  }
  // A server that terminates TLS is probed over HTTPS (the kubelet does not verify its certificate).
  const scheme = p.serverTlsSecret ? { scheme: "HTTPS" } : {};
  return {
    startupProbe: { httpGet: { path: p.probes.startupPath, port: portName, ...scheme }, ...startup },
    readinessProbe: { httpGet: { path: p.probes.readinessPath, port: portName, ...scheme }, ...timing },
    livenessProbe: { httpGet: { path: p.probes.livenessPath, port: portName, ...scheme }, ...timing },
  };
}

function gpuNodeSelector(r: ModelResources): Record<string, string> {
  return r.gpu?.nodeSelector ?? { "nvidia.com/gpu.present": "true" };
}

function gpuTolerationKey(r: ModelResources): string {
  return r.gpu?.tolerationKey ?? r.gpu?.resourceName ?? "nvidia.com/gpu";
}

function sortedOrUndefined(map: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.map((k) => [k, map[k]]));
}
