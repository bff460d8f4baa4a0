import { integerIn, isToken, plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";
import { labelEntries } from "../../kubernetes/labels";
import { qualifiedName } from "../../kubernetes/names";
import { cpuMillicores, quantity } from "../../kubernetes/quantities";
import { imagePullSecondsProp } from "../../kubernetes/rollout-budget";
import type { DetectionServiceProps, ModelGpu, ModelProbes, ModelResources } from "../props";
import { MODEL_DEFAULTS, ResolvedModel } from "../resolved";
import { objectOrEmpty } from "./shapes";

/**
 * What one model pod asks of its node (CPU, memory, GPUs), how Kubernetes knows it has loaded and is healthy, and how
 * long its image may take to pull (longer by default for a GPU image).
 */
export function checkPodResources(v: Problems, props: DetectionServiceProps): Pick<ResolvedModel, "resources" | "probes" | "imagePullSeconds"> {
  const resources = checkResources(v, props.resources);
  imagePullSecondsProp(v, "imagePullSeconds", props.imagePullSeconds);
  const pullDefault = resources.gpu !== undefined ? MODEL_DEFAULTS.gpuImagePullSeconds : MODEL_DEFAULTS.imagePullSeconds;
  return { resources, probes: checkProbes(v, props.probes), imagePullSeconds: props.imagePullSeconds ?? pullDefault };
}

function checkResources(v: Problems, given: ModelResources | undefined): ResolvedModel["resources"] {
  const r: ModelResources = objectOrEmpty(v, "resources", given, "must be { cpu?, memory?, cpuLimit?, gpu? }");
  const resources = { ...r, cpu: r.cpu ?? MODEL_DEFAULTS.cpu, memory: r.memory ?? MODEL_DEFAULTS.memory };
  const cpuOk = quantity(v, "resources.cpu", resources.cpu);
  quantity(v, "resources.memory", resources.memory);
  if (quantity(v, "resources.cpuLimit", resources.cpuLimit) && cpuOk && resources.cpuLimit !== undefined) {
    const request = cpuMillicores(resources.cpu);
    const limit = cpuMillicores(resources.cpuLimit);
    if (request !== undefined && limit !== undefined && request > limit) {
      v.add("resources.cpuLimit", resources.cpuLimit, `must be >= resources.cpu (${resources.cpu}): Kubernetes rejects a request above its limit`);
    }
  }
  if (r.gpu !== undefined) checkGpu(v, r.gpu);
  return resources;
}

function checkGpu(v: Problems, given: ModelGpu): void {
  const gpu: Partial<ModelGpu> = objectOrEmpty(v, "resources.gpu", given, "must be { count, resourceName?, nodeSelector?, tolerationKey? }");
  const count = gpu.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 16) {
    v.add("resources.gpu.count", count, "must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)");
  }
  qualifiedName(v, "resources.gpu.resourceName", gpu.resourceName, "an extended resource name such as nvidia.com/gpu");
  qualifiedName(v, "resources.gpu.tolerationKey", gpu.tolerationKey, "a taint key such as nvidia.com/gpu");
  const nodeSelector = gpu.nodeSelector;
  if (nodeSelector !== undefined && plainObject(v, "resources.gpu.nodeSelector", nodeSelector, "must be a map of node label names to values")) {
    labelEntries(v, "resources.gpu.nodeSelector", nodeSelector);
  }
}

function checkProbes(v: Problems, given: ModelProbes | undefined): ResolvedModel["probes"] {
  const pr: ModelProbes = objectOrEmpty(v, "probes", given, "must be { readinessPath?, livenessPath?, startupPath?, startupTimeoutSeconds?, grpcService? }");
  if (pr.grpcService !== undefined && typeof pr.grpcService !== "string") v.add("probes.grpcService", pr.grpcService, "must be a string");
  const readinessPath = pr.readinessPath ?? MODEL_DEFAULTS.readinessPath;
  const probes = {
    readinessPath,
    livenessPath: pr.livenessPath ?? MODEL_DEFAULTS.livenessPath,
    startupPath: pr.startupPath ?? readinessPath,
    startupTimeoutSeconds: pr.startupTimeoutSeconds ?? MODEL_DEFAULTS.startupTimeoutSeconds,
    grpcService: pr.grpcService,
  };
  // startupPath is checked only when given: by default it is readinessPath, whose problem is reported once
  for (const key of ["readinessPath", "livenessPath", "startupPath"] as const) {
    const path = key === "startupPath" ? pr.startupPath : probes[key];
    if (path !== undefined && !isToken(path) && (typeof path !== "string" || !path.startsWith("/"))) {
      v.add(`probes.${key}`, path, "must be an HTTP path starting with '/'");
    }
  }
  if (isToken(probes.startupTimeoutSeconds)) {
    v.add(
      "probes.startupTimeoutSeconds",
      "<token>",
      "must be a literal number of seconds, not a Terraform token: the startup probe and the Deployment's progress deadline are derived from it when the plan is made",
    );
  } else {
    integerIn(v, "probes.startupTimeoutSeconds", probes.startupTimeoutSeconds, 10, 3600);
  }
  return probes;
}
