import { IConstruct } from "constructs";
import { Problems } from "../core/errors";
import { checkGatewayPolicy } from "./checks/gateway-policy";
import { checkOperations } from "./checks/operations";
import { checkPodResources } from "./checks/resources";
import { checkRoutes } from "./checks/routes";
import { checkTls } from "./checks/tls";
import { checkWorkload } from "./checks/workload";
import type { DetectionServiceProps } from "./props";
import { ResolvedModel } from "./resolved";

/**
 * Checks every prop of a model, reports all problems at once under the model's path, and returns the props with
 * every default filled.
 */
export function resolveModelProps(scope: IConstruct, props: DetectionServiceProps): ResolvedModel {
  const v = new Problems(scope);
  if (props === null || typeof props !== "object") {
    v.add("props", props, "must be an object with at least name, namespace, image, gateway and kong").throwIfAny();
  }
  const workload = checkWorkload(v, props);
  const pod = checkPodResources(v, props);
  const routes = checkRoutes(v, props, workload.protocol);
  const policy = checkGatewayPolicy(v, props);
  const operations = checkOperations(v, props, workload);
  const tls = checkTls(v, props, workload.protocol, routes);
  v.throwIfAny();
  return { name: props.name, namespace: props.namespace, image: props.image, ...workload, ...pod, routes, ...policy, ...operations, ...tls };
}
