import { TerraformStack, TerraformVariable } from "cdktf";
import { AdminApiRoute } from "../gateway/admin-api-route";
import { AdminCredentials } from "../gateway/admin-credentials";
import { KongGateway } from "../gateway/gateway";
import { Plugin } from "../gateway/plugins/plugin";
import { KongCluster } from "../kong/kong-cluster";

/** What the platform's gateway stack is configured with. */
export interface PlatformGateway {
  readonly gateway: KongGateway;
  /** The command that reaches the Admin API from a workstation (always works: it reaches the pod's loopback). */
  readonly adminPortForward: string;
  /** The Admin API's route on the proxy, when `kong.admin` is `AdminEndpoint.throughProxy`. */
  readonly adminApiRoute?: AdminApiRoute;
}

/**
 * The gateway of the platform's second stack: the kong provider pointed at `kong_admin_url`, and the global plugins.
 * With the Admin API through the proxy, the provider sends the sensitive variable `kong_api_key` (the `apikey`
 * header), `kong_admin_url` defaults to the route's HTTPS URL, and the same stack creates that route, its consumer
 * and the consumer's key from the same variable (the first apply goes through `kubectl port-forward`, where Kong
 * needs no key).
 */
export function platformGateway(stack: TerraformStack, kong: KongCluster, kongNamespace: string, stackPrefix: string): PlatformGateway {
  const adminPortForward = `kubectl -n ${kongNamespace} port-forward svc/${kong.name}-admin 8001`;
  const route = kong.adminRoute;
  const adminUrl = new TerraformVariable(stack, "kong_admin_url", {
    type: "string",
    default: route ? kong.adminUrl : "http://localhost:8001",
    description: route
      ? `Kong Admin API URL as seen from where Terraform runs: the default is its route on the proxy (key-auth with kong_api_key); for the first apply, before that route exists, run \`${adminPortForward}\` and set http://localhost:8001`
      : `Kong Admin API URL as seen from where Terraform runs: \`${adminPortForward}\` makes the default work; in-cluster runners use the ${stackPrefix}-platform stack's kong admin URL output`,
  });
  const apiKey = route
    ? new TerraformVariable(stack, "kong_api_key", {
        type: "string",
        sensitive: true,
        nullable: false,
        description:
          "Key of the Admin API's consumer kong-admin: the kong provider sends it (apikey header) and this stack creates it as that consumer's key-auth credential. A long random value kept in your secret store (e.g. openssl rand -hex 32); set TF_VAR_kong_api_key, never in code.",
      })
    : undefined;
  const gateway = new KongGateway(stack, "gateway", {
    adminUrl: adminUrl.stringValue,
    adminCredentials: apiKey ? AdminCredentials.apiKey(apiKey) : undefined,
  });
  gateway.addPlugin(Plugin.prometheus({ statusCodeMetrics: true, latencyMetrics: true, bandwidthMetrics: true, upstreamHealthMetrics: true }));
  gateway.addPlugin(Plugin.correlationId({ headerName: "X-Request-ID", generator: "uuid", echoDownstream: true }));
  const adminApiRoute = route && apiKey ? new AdminApiRoute(gateway, "admin-api", { ...route, apiKey }) : undefined;
  return { gateway, adminPortForward, adminApiRoute };
}
