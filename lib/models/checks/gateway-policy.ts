import { factoryMadeProp, integerIn, nonEmptyString, stringArray } from "../../core/checks";
import { Problems } from "../../core/errors";
import { Authentication } from "../../gateway/authentication";
import { PluginPolicy } from "../../gateway/plugins/plugin";
import { rateLimitPolicy } from "../model-policies";
import type { DetectionServiceProps } from "../props";
import { MODEL_DEFAULTS, ResolvedModel } from "../resolved";

type PolicySettings = Pick<ResolvedModel, "authentication" | "allowedGroups" | "rateLimitPolicy" | "maxPayloadMegabytes" | "public" | "plugins" | "timeoutMs">;

/**
 * What Kong enforces in front of the model: who may call it, how often, how large a request, how long Kong waits.
 * Kong's rules for the policies the model will carry are reported here, under the model's path and prop names.
 */
export function checkGatewayPolicy(v: Problems, props: DetectionServiceProps): PolicySettings {
  const allowedGroups = props.allowedGroups ?? [props.name];
  stringArray(v, "allowedGroups", allowedGroups, false);
  const rateLimit = checkRateLimit(v, props);
  const plugins = checkPlugins(v, props.plugins);
  const maxPayloadMegabytes = props.maxPayloadMegabytes ?? MODEL_DEFAULTS.maxPayloadMegabytes;
  integerIn(v, "maxPayloadMegabytes", maxPayloadMegabytes, 1, 1024);
  checkPublic(v, props);
  const authentication = checkAuthentication(v, props);
  const timeoutMs = props.timeoutMs ?? MODEL_DEFAULTS.timeoutMs;
  integerIn(v, "timeoutMs", timeoutMs, 1, 2147483646);
  return { authentication, allowedGroups, rateLimitPolicy: rateLimit, maxPayloadMegabytes, public: props.public, plugins, timeoutMs };
}

function checkRateLimit(v: Problems, props: DetectionServiceProps): PluginPolicy | undefined {
  const rateLimit = props.rateLimit === undefined ? MODEL_DEFAULTS.rateLimit : props.rateLimit;
  if (rateLimit === false) return undefined;
  if (typeof rateLimit !== "object" || rateLimit === null) {
    v.add("rateLimit", rateLimit, "must be { second?, minute?, hour?, day?, counters? } or false");
    return undefined;
  }
  const policy = rateLimitPolicy(rateLimit, props.public !== undefined);
  for (const pr of policy.problems) v.add(pr.field.replace(/^rateLimiting\./, "rateLimit."), pr.value, pr.message);
  return policy;
}

/** Policies made with Plugin.*, their option problems reported under `<field>[i]`. */
export function checkPlugins(v: Problems, plugins: PluginPolicy[] | undefined, field = "plugins"): PluginPolicy[] {
  if (plugins === undefined) return [];
  if (!Array.isArray(plugins)) {
    v.add(field, plugins, "must be a list of policies made with Plugin.*");
    return [];
  }
  plugins.forEach((policy, i) => {
    if (!(policy instanceof PluginPolicy)) v.add(`${field}[${i}]`, policy, "must be a policy made with Plugin.*");
    else for (const pr of policy.problems) v.add(`${field}[${i}].${pr.field}`, pr.value, pr.message);
  });
  return plugins;
}

function checkPublic(v: Problems, props: DetectionServiceProps): void {
  if (props.public === undefined) return;
  if (typeof props.public !== "object" || props.public === null) v.add("public", props.public, "must be { reason: \"...\" }");
  else if (nonEmptyString(v, "public.reason", props.public.reason) && props.public.reason.trim().length < 10) {
    v.add("public.reason", props.public.reason, "must explain in a sentence why the model needs no credentials");
  }
  if (props.allowedGroups !== undefined) v.add("allowedGroups", props.allowedGroups, "has no effect on a public model (no ACL)");
}

/** Who may call: an Authentication (the default key-auth unless given), or none for a public model. */
function checkAuthentication(v: Problems, props: DetectionServiceProps): Authentication | undefined {
  const authentication = factoryMadeProp(
    v,
    "authentication",
    props.authentication,
    MODEL_DEFAULTS.authentication,
    "Authentication.keyAuth(), Authentication.jwt(), Authentication.anyOf(...) or Authentication.allOf(...)",
  );
  if (props.public === undefined) return authentication;
  if (props.authentication !== undefined) {
    v.add("authentication", describe(props.authentication), "cannot be combined with public: a public model takes no credentials; remove one of them");
  }
  return undefined;
}

function describe(value: unknown): unknown {
  return value instanceof Authentication ? value.describe() : value;
}
