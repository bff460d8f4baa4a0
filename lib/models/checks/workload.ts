import { isIP } from "node:net";
import {
  cidrList,
  dns1123Label,
  integerIn,
  isToken,
  noEveryAddress,
  noLiteralSecrets,
  oneOf,
  pinnedImage,
  plainObject,
  required,
  stringArray,
} from "../../core/checks";
import { Problems } from "../../core/errors";
import { KongGateway } from "../../gateway/gateway";
import { checkKongPeer } from "../model-isolation";
import type { DetectionServiceProps, ModelVip } from "../props";
import { MODEL_DEFAULTS, ResolvedModel } from "../resolved";
import { objectOrEmpty, stringMap } from "./shapes";

type WorkloadSettings = Pick<
  ResolvedModel,
  "port" | "protocol" | "replicas" | "autoscaling" | "vip" | "runAsUser" | "env" | "configMaps" | "secrets" | "canary"
>;

/** The model's workload: identity, container port and protocol, scaling, VIP, user, environment and canary. */
export function checkWorkload(v: Problems, props: DetectionServiceProps): WorkloadSettings {
  checkIdentity(v, props);
  const port = props.port ?? MODEL_DEFAULTS.port;
  integerIn(v, "port", port, 1, 65535);
  const protocol = props.protocol ?? MODEL_DEFAULTS.protocol;
  oneOf(v, "protocol", protocol, ["http", "grpc"] as const);
  const { replicas, autoscaling } = checkScaling(v, props);
  const vip = checkVip(v, props.vip);
  const runAsUser = props.runAsUser ?? MODEL_DEFAULTS.runAsUser;
  integerIn(v, "runAsUser", runAsUser, 1, 2147483647);
  const env = checkEnvironment(v, props);
  checkCanary(v, props);
  return {
    port,
    protocol,
    replicas,
    autoscaling,
    vip,
    runAsUser,
    env,
    configMaps: props.configMaps ?? [],
    secrets: props.secrets ?? [],
    canary: props.canary,
  };
}

/** What names the model and where it runs and is registered. */
function checkIdentity(v: Problems, props: DetectionServiceProps): void {
  if (required(v, "name", props.name)) dns1123Label(v, "name", props.name, 40);
  if (required(v, "namespace", props.namespace)) dns1123Label(v, "namespace", props.namespace);
  if (required(v, "image", props.image)) pinnedImage(v, "image", props.image);
  if (required(v, "gateway", props.gateway, "is required: the KongGateway the model is registered in")) {
    if (!(props.gateway instanceof KongGateway)) v.add("gateway", typeof props.gateway, "must be a KongGateway");
  }
  if (required(v, "kong", props.kong, "is required: the KongCluster whose proxy pods may reach the model")) {
    checkKongPeer(v, "kong", props.kong);
  }
}

/** A fixed replica count, or an autoscaler that owns it. */
function checkScaling(v: Problems, props: DetectionServiceProps): Pick<ResolvedModel, "replicas" | "autoscaling"> {
  const replicas = props.replicas ?? MODEL_DEFAULTS.replicas;
  integerIn(v, "replicas", replicas, 1, 1000);
  if (props.autoscaling === false) return { replicas };
  const given = objectOrEmpty(v, "autoscaling", props.autoscaling, "must be { minReplicas, maxReplicas, cpuUtilization, memoryUtilization } or false");
  const a = { ...MODEL_DEFAULTS.autoscaling, ...given };
  const okMin = integerIn(v, "autoscaling.minReplicas", a.minReplicas, 1, 1000);
  const okMax = integerIn(v, "autoscaling.maxReplicas", a.maxReplicas, 1, 1000);
  if (okMin && okMax && a.minReplicas > a.maxReplicas) {
    v.add("autoscaling.maxReplicas", a.maxReplicas, `must be >= autoscaling.minReplicas (${a.minReplicas})`);
  }
  integerIn(v, "autoscaling.cpuUtilization", a.cpuUtilization, 1, 100);
  integerIn(v, "autoscaling.memoryUtilization", a.memoryUtilization, 1, 100);
  if (props.replicas !== undefined) {
    v.add("replicas", props.replicas, "is only used with autoscaling: false (the autoscaler owns the replica count)");
  }
  return { replicas, autoscaling: a };
}

/** The model's Service: ClusterIP, or a LoadBalancer that names who may reach it (it bypasses Kong). */
function checkVip(v: Problems, given: ModelVip | undefined): ResolvedModel["vip"] {
  const vipIn: ModelVip = objectOrEmpty(v, "vip", given, "must be { type?, port?, loadBalancerIp?, loadBalancerSourceRanges?, annotations? }");
  stringMap(v, "vip.annotations", vipIn.annotations);
  const vip = { ...vipIn, type: vipIn.type ?? "ClusterIP", port: vipIn.port ?? MODEL_DEFAULTS.vipPort };
  oneOf(v, "vip.type", vip.type, ["ClusterIP", "LoadBalancer"] as const);
  integerIn(v, "vip.port", vip.port, 1, 65535);
  if (vip.type !== "LoadBalancer") {
    if (vip.loadBalancerIp !== undefined || vip.loadBalancerSourceRanges !== undefined) {
      v.add("vip.type", vip.type, "must be \"LoadBalancer\" to use loadBalancerIp or loadBalancerSourceRanges");
    }
    return vip;
  }
  const ranges = vip.loadBalancerSourceRanges;
  if (!Array.isArray(ranges) || ranges.length === 0) {
    v.add(
      "vip.loadBalancerSourceRanges",
      ranges,
      "is required for a LoadBalancer VIP: list the CIDRs that may reach it (nothing is public by default)",
    );
  } else if (cidrList(v, "vip.loadBalancerSourceRanges", ranges, { requireCidr: true })) {
    // the VIP bypasses Kong (no key-auth, ACL or rate limit): never to the whole internet
    noEveryAddress(v, "vip.loadBalancerSourceRanges", ranges, "the model's VIP, bypassing Kong's authentication,");
  }
  const ip = vip.loadBalancerIp;
  if (ip !== undefined && !isToken(ip) && (typeof ip !== "string" || isIP(ip) === 0)) {
    v.add("vip.loadBalancerIp", ip, "must be an IP address such as 10.20.0.40");
  }
  return vip;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Plain variables (never secrets), and the ConfigMaps and Secrets whose keys become variables. */
function checkEnvironment(v: Problems, props: DetectionServiceProps): Record<string, string> {
  const env: Record<string, string> = objectOrEmpty(v, "env", props.env, "must be a map of variable names to strings");
  for (const key of Object.keys(env)) {
    if (!ENV_NAME.test(key)) v.add(`env.${key}`, key, "must be a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
    else if (typeof env[key] !== "string") v.add(`env.${key}`, env[key], "must be a string");
  }
  noLiteralSecrets(v, "env", env, "put it in a Kubernetes Secret and list the Secret in `secrets`");
  for (const key of ["configMaps", "secrets"] as const) {
    if (stringArray(v, key, props[key])) {
      (props[key] ?? []).forEach((name, i) => {
        if (!isToken(name) && !DNS1123_SUBDOMAIN.test(name)) {
          v.add(`${key}[${i}]`, name, "must be a Kubernetes object name (lowercase DNS-1123 subdomain)");
        }
      });
    }
  }
  return env;
}

/** A second, pinned version with a share of the traffic. */
function checkCanary(v: Problems, props: DetectionServiceProps): void {
  const canary = props.canary;
  if (canary === undefined || !plainObject(v, "canary", canary, "must be { image, weight, stableWeight?, replicas? }")) return;
  if (required(v, "canary.image", canary.image)) {
    pinnedImage(v, "canary.image", canary.image);
    if (canary.image === props.image) v.add("canary.image", canary.image, "must differ from image: a canary is a new version");
  }
  if (integerIn(v, "canary.weight", canary.weight, 1, 99) && canary.stableWeight !== undefined) {
    if (integerIn(v, "canary.stableWeight", canary.stableWeight, 1, 99) && canary.stableWeight + canary.weight !== 100) {
      v.add(
        "canary.stableWeight",
        canary.stableWeight,
        `plus canary.weight (${canary.weight}) must add up to 100, got ${canary.stableWeight + canary.weight}`,
      );
    }
  }
  integerIn(v, "canary.replicas", canary.replicas, 1, 1000);
}
