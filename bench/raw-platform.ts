import { App, TerraformResource, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { KongProvider } from "../.gen/providers/kong/provider";
import { Service } from "../.gen/providers/kong/service";
import { Route } from "../.gen/providers/kong/route";
import { Plugin } from "../.gen/providers/kong/plugin";

/**
 * A built-in terraform_data with an input map, the raw way. Not cdktf's DataResource: its validation runs `terraform
 * version` per resource (minutes at N = 1000), which the library does not pay either.
 */
function terraformData(scope: TerraformStack, id: string, input: Record<string, boolean>): TerraformResource {
  const data = new TerraformResource(scope, id, { terraformResourceType: "terraform_data" });
  data.addOverride("input", input);
  return data;
}

/**
 * The baseline: the same resources as library-platform.ts, with the same attributes, written by hand with the raw
 * bindings — what a team would write without this library (no validation, no defaults, no indexes).
 */
export function build(app: App, n: number): void {
  const k8s = new TerraformStack(app, "models");
  new KubernetesProvider(k8s, "kubernetes", { configPath: "~/.kube/config" });
  const gw = new TerraformStack(app, "gateway");
  new KongProvider(gw, "kong", { kongAdminUri: "http://localhost:8001", strictPluginsMatch: true, tlsSkipVerify: false });
  gw.addDependency(k8s);
  const kongPeer = { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" };
  for (let i = 0; i < n; i++) {
    const name = `model-${i}`;
    const selector = { "app.kubernetes.io/instance": name, "app.kubernetes.io/name": name, "ai-platform/track": "stable" };
    const labels = {
      ...selector,
      "app.kubernetes.io/component": "model",
      "app.kubernetes.io/managed-by": "kong-ai-platform",
      "app.kubernetes.io/part-of": "ai-platform",
      "app.kubernetes.io/version": "1.0.0",
    };
    const metadata = { name, namespace: "models", labels };
    new DeploymentV1(k8s, `${name}-deployment`, {
      metadata,
      spec: {
        replicas: "2",
        revisionHistoryLimit: 5,
        progressDeadlineSeconds: 910,
        selector: { matchLabels: selector },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "0" } },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 30,
            securityContext: { runAsNonRoot: true, runAsUser: "10001", runAsGroup: "10001", fsGroup: "10001", seccompProfile: { type: "RuntimeDefault" } },
            container: [
              {
                name: "model",
                image: `registry.internal/ai/${name}:1.0.0`,
                imagePullPolicy: "IfNotPresent",
                port: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
                env: [],
                resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "1Gi" } },
                securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
                volumeMount: [{ name: "tmp", mountPath: "/tmp" }],
                startupProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 60 },
                readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
                livenessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              },
            ],
            volume: [{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
            topologySpreadConstraint: [
              { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: [{ matchLabels: selector }] },
            ],
          },
        },
      },
      waitForRollout: true,
      timeouts: { create: "17m", update: "78m" },
      lifecycle: { ignoreChanges: ["spec[0].replicas"] },
    });
    new ServiceV1(k8s, `${name}-service`, {
      metadata,
      spec: { type: "ClusterIP", selector, port: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
    });
    new HorizontalPodAutoscalerV2(k8s, `${name}-hpa`, {
      metadata,
      spec: {
        minReplicas: 2,
        maxReplicas: 5,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    });
    new PodDisruptionBudgetV1(k8s, `${name}-pdb`, { metadata, spec: { maxUnavailable: "1", selector: { matchLabels: selector } } });
    new NetworkPolicyV1(k8s, `${name}-netpol`, {
      metadata: { name: `${name}-allow-kong`, namespace: "models" },
      spec: {
        podSelector: { matchLabels: { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "model" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kong" } }, podSelector: { matchLabels: kongPeer } }],
            ports: [{ port: "8080", protocol: "TCP" }],
          },
        ],
      },
    });

    const tags = ["managed-by:kong-ai-platform"];
    const svcData = terraformData(gw, `${name}-kong-service-clearable`, {
      path: true, tls_verify: false, tls_verify_depth: false, ca_certificate_ids: false, client_certificate_id: false,
    });
    const svc = new Service(gw, `${name}-kong-service`, {
      name,
      host: `${name}.models.svc.cluster.local`,
      port: 80,
      path: "/",
      protocol: "http",
      retries: 2,
      connectTimeout: 60000,
      readTimeout: 60000,
      writeTimeout: 60000,
      tags,
      lifecycle: { replaceTriggeredBy: [`terraform_data.${svcData.friendlyUniqueId}`] },
    });
    const svcReplaced = `kong_service.${svc.friendlyUniqueId}.id`;
    const routeData = terraformData(gw, `${name}-kong-route-clearable`, {
      paths: true, methods: true, hosts: false, headers: false, snis: false, regex_priority: false,
    });
    new Route(gw, `${name}-kong-route`, {
      name,
      serviceId: svc.id,
      paths: [`/v1/${name}`],
      methods: ["POST"],
      protocols: ["http", "https"],
      stripPath: true,
      preserveHost: false,
      regexPriority: 0,
      pathHandling: "v0",
      httpsRedirectStatusCode: 426,
      requestBuffering: true,
      responseBuffering: true,
      tags,
      lifecycle: { replaceTriggeredBy: [`terraform_data.${routeData.friendlyUniqueId}`, svcReplaced] },
    });
    const plugin = (plugin: string, config: object) =>
      new Plugin(gw, `${name}-${plugin}`, { name: plugin, serviceId: svc.id, configJson: JSON.stringify(config), lifecycle: { replaceTriggeredBy: [svcReplaced] } });
    plugin("key-auth", { anonymous: null, hide_credentials: true, key_in_body: false, key_in_header: true, key_in_query: false, key_names: ["apikey"], realm: null, run_on_preflight: true });
    plugin("acl", { allow: [name], always_use_authenticated_groups: false, deny: null, hide_groups_header: true });
    const redis = { database: 0, host: null, password: null, port: 6379, server_name: null, ssl: false, ssl_verify: false, timeout: 2000, username: null };
    plugin("rate-limiting", {
      day: null,
      error_code: 429,
      error_message: "API rate limit exceeded",
      fault_tolerant: true,
      header_name: null,
      hide_client_headers: false,
      hour: null,
      limit_by: "consumer",
      minute: 600,
      month: null,
      path: null,
      policy: "cluster",
      redis,
      redis_database: 0,
      redis_host: null,
      redis_password: null,
      redis_port: 6379,
      redis_server_name: null,
      redis_ssl: false,
      redis_ssl_verify: false,
      redis_timeout: 2000,
      redis_username: null,
      second: 20,
      sync_rate: -1,
      year: null,
    });
    plugin("request-size-limiting", { allowed_payload_size: 10, require_content_length: false, size_unit: "megabytes" });
  }
}
