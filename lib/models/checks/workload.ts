import { integerIn, noLiteralSecrets, oneOf, pinnedImage, plainObject, required, stringArray } from "../../core/checks";
import { Problems } from "../../core/errors";
import { KongGateway } from "../../gateway/gateway";
import { dns1123Label, dns1123Subdomain } from "../../kubernetes/names";
import { Scaling, scalingProp } from "../../kubernetes/scaling";
import { vipProp } from "../../kubernetes/vip";
import { checkKongPeer } from "../model-isolation";
import type { DetectionServiceProps } from "../props";
import { MODEL_DEFAULTS, ResolvedCanary, ResolvedModel } from "../resolved";
import { objectOrEmpty } from "./shapes";

type WorkloadSettings = Pick<ResolvedModel, "port" | "protocol" | "scaling" | "vip" | "runAsUser" | "env" | "configMaps" | "secrets" | "canary">;

/** The model's workload: identity, container port and protocol, scaling, VIP, user, environment and canary. */
export function checkWorkload(v: Problems, props: DetectionServiceProps): WorkloadSettings {
  checkIdentity(v, props);
  const port = props.port ?? MODEL_DEFAULTS.port;
  integerIn(v, "port", port, 1, 65535);
  const protocol = props.protocol ?? MODEL_DEFAULTS.protocol;
  oneOf(v, "protocol", protocol, ["http", "grpc"] as const);
  const scaling = scalingProp(v, "scaling", props.scaling, MODEL_DEFAULTS.scaling);
  const vip = vipProp(v, "vip", props.vip, MODEL_DEFAULTS.vip);
  const runAsUser = props.runAsUser ?? MODEL_DEFAULTS.runAsUser;
  integerIn(v, "runAsUser", runAsUser, 1, 2147483647);
  const env = checkEnvironment(v, props);
  const canary = checkCanary(v, props, scaling);
  return { port, protocol, scaling, vip, runAsUser, env, configMaps: props.configMaps ?? [], secrets: props.secrets ?? [], canary };
}

/** What names the model and where it runs and is registered. */
function checkIdentity(v: Problems, props: DetectionServiceProps): void {
  if (required(v, "name", props.name)) dns1123Label(v, "name", props.name, 40);
  if (required(v, "namespace", props.namespace)) dns1123Label(v, "namespace", props.namespace);
  if (required(v, "image", props.image)) pinnedImage(v, "image", props.image);
  if (required(v, "gateway", props.gateway, "is required: the KongGateway the model is registered in")) {
    if (!KongGateway.isGateway(props.gateway)) {
      v.add("gateway", typeof props.gateway, "must be a KongGateway, or a gateway made with KongGateway.fromAdminUrl(...)");
    }
  }
  if (required(v, "kong", props.kong, "is required: the KongCluster whose proxy pods may reach the model")) {
    checkKongPeer(v, "kong", props.kong);
  }
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Plain variables (never secrets), and the ConfigMaps and Secrets whose keys become variables. */
function checkEnvironment(v: Problems, props: DetectionServiceProps): Record<string, string> {
  const env: Record<string, string> = objectOrEmpty(v, "env", props.env, "must be a map of variable names to strings");
  for (const key of Object.keys(env)) {
    if (!ENV_NAME.test(key)) v.add(`env.${key}`, key, "must be a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
    else if (typeof env[key] !== "string") v.add(`env.${key}`, env[key], "must be a string");
  }
  noLiteralSecrets(v, "env", env, "put it in a Kubernetes Secret and list the Secret in `secrets`");
  for (const key of ["configMaps", "secrets"] as const) {
    if (stringArray(v, key, props[key])) (props[key] ?? []).forEach((name, i) => dns1123Subdomain(v, `${key}[${i}]`, name));
  }
  return env;
}

/** A second, pinned version with a share of the traffic, scaled like the stable one unless told otherwise. */
function checkCanary(v: Problems, props: DetectionServiceProps, stableScaling: Scaling): ResolvedCanary | undefined {
  const canary = props.canary;
  if (canary === undefined) return undefined;
  if (!plainObject(v, "canary", canary, "must be { image, weightPercent, stableWeightPercent?, scaling? }")) return undefined;
  if (required(v, "canary.image", canary.image)) {
    pinnedImage(v, "canary.image", canary.image);
    if (canary.image === props.image && canary.weightPercent !== 0) {
      v.add(
        "canary.image",
        canary.image,
        "must differ from image while the canary takes traffic: a canary is a new version (the same image is allowed with weightPercent 0, the second step of a promotion)",
      );
    }
  }
  const weight = canary.weightPercent;
  if (required(v, "canary.weightPercent", weight) && integerIn(v, "canary.weightPercent", weight, 0, 100)) {
    const stable = canary.stableWeightPercent;
    if (stable !== undefined && integerIn(v, "canary.stableWeightPercent", stable, 0, 100) && stable + weight !== 100) {
      v.add("canary.stableWeightPercent", stable, `plus canary.weightPercent (${weight}) must add up to 100, got ${stable + weight}`);
    }
  }
  const scaling = scalingProp(v, "canary.scaling", canary.scaling, stableScaling);
  return { image: canary.image, weightPercent: weight, scaling };
}
