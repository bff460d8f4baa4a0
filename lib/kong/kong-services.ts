import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { Fn, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { prometheusScrapeAnnotations } from "../kubernetes/prometheus";
import { loadBalancerWait } from "../kubernetes/load-balancer";
import { AdminEndpoint } from "./admin-endpoint";
import { KONG_PORTS } from "./kong-pod";
import { ProxyEndpoint } from "./proxy-endpoint";

/** What Kong's Services are made of, resolved by KongCluster. */
export interface KongServicesOptions {
  /** The KongCluster's name: the Services are `<name>-proxy`, `<name>-admin` and `<name>-status`. */
  readonly name: string;
  readonly namespace: string;
  /** Labels of the Services. */
  readonly labels: Record<string, string>;
  /** Labels that select Kong's pods. */
  readonly selector: Record<string, string>;
  readonly proxy: ProxyEndpoint;
  readonly admin: AdminEndpoint;
}

export interface KongServices {
  readonly proxyService: ServiceV1;
  readonly adminService: ServiceV1;
  readonly statusService: ServiceV1;
}

/** Kong's three Services, ids `ProxyService`, `AdminService` and `StatusService` in `scope` (the KongCluster). */
export function addKongServices(scope: Construct, o: KongServicesOptions): KongServices {
  const metadata = (suffix: string, annotations?: Readonly<Record<string, string>>) => ({
    name: `${o.name}-${suffix}`,
    namespace: o.namespace,
    labels: o.labels,
    annotations: annotations as Record<string, string> | undefined,
  });
  const proxy = o.proxy;
  const proxyService = new ServiceV1(scope, "ProxyService", {
    metadata: metadata("proxy", proxy.annotations),
    spec: {
      type: proxy.type,
      selector: o.selector,
      loadBalancerIp: proxy.ip,
      loadBalancerSourceRanges: proxy.sourceRanges ? [...proxy.sourceRanges] : undefined,
      externalTrafficPolicy: proxy.externalTrafficPolicy,
      port: [
        { name: "kong-proxy", port: proxy.httpPort, targetPort: "proxy", protocol: "TCP" },
        { name: "kong-proxy-tls", port: proxy.httpsPort, targetPort: "proxy-tls", protocol: "TCP" },
      ],
    },
    // The proxy address output reads the load balancer's address: the wait makes sure it is there.
    ...loadBalancerWait(proxy.isLoadBalancer),
  });
  const admin = o.admin;
  const adminService = new ServiceV1(scope, "AdminService", {
    metadata: metadata("admin", admin.annotations),
    spec: {
      type: admin.type,
      selector: o.selector,
      loadBalancerSourceRanges: admin.sourceRanges ? [...admin.sourceRanges] : undefined,
      // Local keeps the client address, so the NetworkPolicy's ipBlocks see who is calling.
      externalTrafficPolicy: admin.isLoadBalancer ? "Local" : undefined,
      port: [
        { name: "kong-admin", port: KONG_PORTS.admin, targetPort: "admin", protocol: "TCP" },
        { name: "kong-admin-tls", port: KONG_PORTS.adminTls, targetPort: "admin-tls", protocol: "TCP" },
      ],
    },
    ...loadBalancerWait(admin.isLoadBalancer),
  });
  // Prometheus finds the status port (GET /metrics) through the Service, not the pods: annotating both would make a
  // Prometheus that reads both scrape Kong twice, and pod annotations would restart Kong to change.
  const statusService = new ServiceV1(scope, "StatusService", {
    metadata: metadata("status", prometheusScrapeAnnotations(KONG_PORTS.status)),
    spec: {
      type: "ClusterIP",
      selector: o.selector,
      port: [{ name: "kong-status", port: KONG_PORTS.status, targetPort: "status", protocol: "TCP" }],
    },
  });
  return { proxyService, adminService, statusService };
}

export interface KongOutputs {
  readonly proxyAddressOutput: TerraformOutput;
  readonly adminUrlOutput: TerraformOutput;
  readonly adminAddressOutput?: TerraformOutput;
}

/**
 * Outputs named for humans (`<name>_proxy_address`, `<name>_admin_url`, `<name>_admin_address` with an exposed Admin
 * API), none holding a secret. Ids `ProxyAddress`, `AdminUrl`, `AdminAddress` in `scope` (the KongCluster).
 */
export function addKongOutputs(scope: Construct, name: string, adminUrl: string, services: KongServices, o: KongServicesOptions): KongOutputs {
  const prefix = name.replace(/-/g, "_");
  const isLb = o.proxy.isLoadBalancer;
  const proxyAddressOutput = new TerraformOutput(scope, "ProxyAddress", {
    description: `Address clients call Kong "${name}" at (the proxy's ${isLb ? "load-balancer address" : "cluster IP"})`,
    value: isLb ? loadBalancerAddress(services.proxyService) : services.proxyService.spec.clusterIp,
  });
  proxyAddressOutput.overrideLogicalId(`${prefix}_proxy_address`);
  const adminUrlOutput = new TerraformOutput(scope, "AdminUrl", {
    description: o.admin.isThroughProxy
      ? `URL of the Admin API of Kong "${name}" through its proxy (HTTPS, key-auth: the gateway stack's kong_api_key)`
      : `In-cluster URL of the Admin API of Kong "${name}"`,
    value: adminUrl,
  });
  adminUrlOutput.overrideLogicalId(`${prefix}_admin_url`);
  let adminAddressOutput: TerraformOutput | undefined;
  if (o.admin.isLoadBalancer) {
    adminAddressOutput = new TerraformOutput(scope, "AdminAddress", {
      description: `Load-balancer address of the Admin API of Kong "${name}" (port ${KONG_PORTS.admin})`,
      value: loadBalancerAddress(services.adminService),
    });
    adminAddressOutput.overrideLogicalId(`${prefix}_admin_address`);
  }
  return { proxyAddressOutput, adminUrlOutput, adminAddressOutput };
}

function loadBalancerAddress(service: ServiceV1): string {
  const ingress = service.status.get(0).loadBalancer.get(0).ingress.get(0);
  return Fn.coalesce([ingress.ip, ingress.hostname]);
}
