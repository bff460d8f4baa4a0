import { TerraformStack, Testing } from "cdktf";
import { AdminEndpoint, AiPlatform, AiPlatformProps, DEFAULT_KONG_IMAGE, PlatformDatabase, ProxyEndpoint, ProxyTls, Scaling, StateBackend } from "../../lib";
import { addDefaultConsumers, addDefaultModels } from "../../stacks/catalog";
import { ENVIRONMENTS } from "../../stacks/environments";
import { errorOf } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

const synth = (s: TerraformStack) => JSON.parse(Testing.synth(s, true));
const values = (json: any, type: string) => Object.values<any>(json.resource?.[type] ?? {});
const byName = (json: any, type: string) => Object.fromEntries(values(json, type).map((r) => [r.metadata.name, r]));
/** The smallest valid props: an environment and who may reach the proxy VIP. */
const MINIMAL: AiPlatformProps = { environment: "dev", kong: { proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) }, plainHttp: true };

function platformFor(envName: "dev" | "prod") {
  const app = Testing.app();
  const platform = new AiPlatform(app, "ai", ENVIRONMENTS[envName]);
  addDefaultModels(platform);
  addDefaultConsumers(platform);
  return { app, platform, k8s: synth(platform.platformStack), gw: synth(platform.gatewayStack) };
}

function minimal(props: Partial<AiPlatformProps> = {}, id = "acme") {
  const platform = new AiPlatform(Testing.app(), id, { ...MINIMAL, ...props });
  platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
  platform.addConsumer("web", { username: "web", aclGroups: ["ocr"], keyAuth: true });
  return { platform, k8s: synth(platform.platformStack), gw: synth(platform.gatewayStack) };
}

describe("AiPlatform (the default app's dev)", () => {
  const { platform, k8s, gw } = platformFor("dev");

  test("two stacks named <id>-platform-<env> and <id>-gateway-<env>; the gateway stack is applied after the platform stack", () => {
    expect(platform.platformStack.node.id).toBe("ai-platform-dev");
    expect(platform.gatewayStack.node.id).toBe("ai-gateway-dev");
    expect(platform.gatewayStack.dependencies).toEqual([platform.platformStack]);
    // the stacks are the app's children (their construct paths are their names), beside the AiPlatform construct
    expect(platform.platformStack.node.path).toBe("ai-platform-dev");
    expect(platform.node.path).toBe("ai");
  });

  test("local state per stack by default", () => {
    expect(k8s.terraform.backend).toEqual({ local: { path: "../../../terraform-state/ai-platform-dev.tfstate" } });
    expect(gw.terraform.backend).toEqual({ local: { path: "../../../terraform-state/ai-gateway-dev.tfstate" } });
  });

  test("providers come from variables, never credentials in the code", () => {
    expect(k8s.provider.kubernetes).toEqual([{ config_context: "${var.kube_context}", config_path: "${var.kubeconfig_path}" }]);
    expect(gw.provider.kong[0].kong_admin_uri).toBe("${var.kong_admin_url}");
    expect(gw.variable.kong_admin_url.default).toBe("http://localhost:8001");
  });

  test("namespaces enforce the restricted Pod Security Standard and every object in them waits for them", () => {
    const namespaces = values(k8s, "kubernetes_namespace_v1");
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual(["kong", "models"]);
    for (const ns of namespaces) expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    for (const d of values(k8s, "kubernetes_deployment_v1")) {
      expect(d.depends_on).toContain(`kubernetes_namespace_v1.namespace-${d.metadata.namespace}`);
    }
  });

  test("in-cluster PostgreSQL, a Kong cluster, and the three models with one GPU model and one canary", () => {
    expect(values(k8s, "kubernetes_stateful_set_v1")).toHaveLength(1);
    const deployments = values(k8s, "kubernetes_deployment_v1").map((d) => d.metadata.name).sort();
    // the three models of the original design (a model added to the catalog joins them: derived from platform.models)
    expect(deployments).toEqual(expect.arrayContaining(["content-moderation", "face-detection", "kong", "pet-detection", "pet-detection-canary"]));
    const expected = ["kong", "kong-redis", ...[...platform.models.values()].flatMap((m) => (m.canaryWorkload ? [m.name, `${m.name}-canary`] : [m.name]))];
    expect(deployments).toEqual(expected.sort());
    const gpu = values(k8s, "kubernetes_deployment_v1").filter((d) => d.spec.template.spec.container[0].resources?.limits?.["nvidia.com/gpu"]);
    expect(gpu.map((d) => d.metadata.name)).toEqual(["face-detection"]);
    expect(values(gw, "kong_upstream").map((u) => u.name)).toEqual(["pet-detection.upstream"]);
  });

  test("global prometheus and correlation-id plugins; every model behind key-auth and ACL", () => {
    const global = values(gw, "kong_plugin").filter((p) => !p.service_id && !p.route_id && !p.consumer_id);
    expect(global.map((p) => p.name).sort()).toEqual(["correlation-id", "prometheus"]);
    const keyAuth = values(gw, "kong_plugin").filter((p) => p.name === "key-auth");
    expect(keyAuth).toHaveLength(platform.models.size);
  });

  test("two consumers with different groups and limits; keys generated, stored in Secrets, exposed only as sensitive outputs", () => {
    const consumers = values(gw, "kong_consumer").map((c) => c.username);
    expect(consumers).toEqual(expect.arrayContaining(["mobile-app", "partner-acme"]));
    const groups = values(gw, "kong_consumer_acl").map((a) => a.group);
    expect(groups).toEqual(expect.arrayContaining(["content-moderation", "face-detection", "pet-detection"]));
    expect(groups.filter((g) => g === "face-detection")).toHaveLength(1); // only the mobile app may detect faces
    for (const key of values(gw, "kong_consumer_key_auth")) expect(key.key).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    const outputs = Object.values<any>(gw.output).filter((o) => String(o.value).includes("random_password"));
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs) expect(o.sensitive).toBe(true);
    const limits = values(gw, "kong_plugin").filter((p) => p.consumer_id && p.name === "rate-limiting");
    expect(limits.map((p) => JSON.parse(p.config_json).minute).sort()).toEqual([1000, 120]);
  });

  test("outputs are named for humans: routes per model, the proxy VIP, the admin URL, each consumer's key (sensitive)", () => {
    expect(gw.output.face_detection_routes.value).toEqual(["/v1/face-detection"]);
    expect(Object.keys(k8s.output).sort()).toEqual(["kong_admin_url", "kong_proxy_address"]);
    expect(k8s.output.kong_admin_url.value).toBe("http://kong-admin.kong.svc.cluster.local:8001");
    expect(gw.output.consumer_mobile_app_key_auth).toMatchObject({ sensitive: true });
    expect(gw.output.consumer_mobile_app_key_auth.value).toMatch(/^\$\{random_password\./);
  });
});

describe("AiPlatform (the default app's prod)", () => {
  const { k8s } = platformFor("prod");

  test("an existing PostgreSQL: the kong role and database are created on it, nothing runs in-cluster", () => {
    expect(values(k8s, "kubernetes_stateful_set_v1")).toHaveLength(0);
    expect(values(k8s, "postgresql_role")).toHaveLength(1);
    expect(values(k8s, "postgresql_database")).toHaveLength(1);
  });

  test("a fixed proxy VIP; the Admin API stays on the pods' loopback (its Service only serves port-forward)", () => {
    const services = Object.fromEntries(values(k8s, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec]));
    expect(services["kong-proxy"]).toMatchObject({ type: "LoadBalancer", load_balancer_ip: "10.20.0.10" });
    expect(services["kong-admin"].type).toBe("ClusterIP");
    const env = byName(k8s, "kubernetes_deployment_v1").kong.spec.template.spec.container[0].env;
    expect(env.find((e: any) => e.name === "KONG_ADMIN_LISTEN").value).toBe("127.0.0.1:8001");
  });

  test("TLS everywhere: the proxy serves the cert-manager Secret, PostgreSQL is verified with the internal CA", () => {
    const pod = byName(k8s, "kubernetes_deployment_v1").kong.spec.template.spec;
    const env = Object.fromEntries(pod.container[0].env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({
      KONG_SSL_CERT: "/etc/kong/proxy-tls/tls.crt",
      KONG_SSL_CERT_KEY: "/etc/kong/proxy-tls/tls.key",
      KONG_PG_SSL_VERIFY: "on",
      KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system,/etc/kong/postgres-ca/ca.crt",
    });
    expect(pod.volume.map((v: any) => v.secret?.secret_name ?? v.config_map?.name).filter(Boolean)).toEqual(["internal-ca", "ai-proxy-tls"]);
    expect(k8s.provider.postgresql[0]).toMatchObject({ sslmode: "verify-full", sslrootcert: "${var.postgres_ca_file}" });
  });

  test("models accept HTTPS only (426 for plain HTTP); the gateway sends kong_api_key to the Admin API's route", () => {
    const { gw } = platformFor("prod");
    const routes = values(gw, "kong_route");
    expect(routes.filter((r) => r.name !== "kong-admin-api").map((r) => [r.protocols, r.https_redirect_status_code])).toEqual(
      Array(3).fill([["https"], 426]),
    );
    expect(gw.provider.kong[0]).toMatchObject({ kong_admin_uri: "${var.kong_admin_url}", kong_api_key: "${var.kong_api_key}" });
    expect(gw.variable.kong_admin_url.default).toBe("https://kong-admin.prod.internal");
    expect(gw.variable.kong_api_key).toMatchObject({ sensitive: true, nullable: false });
    expect(routes.find((r) => r.name === "kong-admin-api")).toMatchObject({ protocols: ["https"], hosts: ["kong-admin.prod.internal"] });
  });

  test("more Kong and model replicas than dev", () => {
    const hpas = Object.fromEntries(values(k8s, "kubernetes_horizontal_pod_autoscaler_v2").map((h) => [h.metadata.name, h.spec]));
    expect(hpas.kong).toMatchObject({ min_replicas: 3, max_replicas: 10 });
    expect(hpas["content-moderation"]).toMatchObject({ min_replicas: 2, max_replicas: 3 });
  });
});

describe("the default platform's JSON", () => {
  test("is byte-identical across two synths", () => {
    const a = platformFor("dev");
    const b = platformFor("dev");
    expect(Testing.synth(b.platform.platformStack)).toBe(Testing.synth(a.platform.platformStack));
    expect(Testing.synth(b.platform.gatewayStack)).toBe(Testing.synth(a.platform.gatewayStack));
  });

  test.each(["dev", "prod"] as const)("%s holds no secret in plain text", (env) => {
    const { k8s, gw } = platformFor(env);
    const text = JSON.stringify([k8s, gw]);
    // every password-like attribute is a reference or a variable, never a literal
    const literal = /"(password|key|secret|kong_admin_token|kong_admin_password|api_key)":"(?!\$\{)[^"]*"/g;
    // allowed: names of keys (a GPU resource, a Secret's key, the files a volume takes from a Secret or ConfigMap), and a
    // JWT credential's key, the iss claim that names it (the username), not a secret
    const jwtKeys = values(gw, "kong_consumer_jwt_auth").map((j) => `"key":"${j.key}"`);
    const hits = (text.match(literal) ?? []).filter((m) => !/"key":"(nvidia\.com\/gpu|password|tls\.crt|tls\.key|ca\.crt|[\w-]+\/[\w.-]+)"/.test(m) && !jwtKeys.includes(m));
    expect(hits).toEqual([]);
    expect(jwtKeys).toEqual(['"key":"web-console"']);
    for (const s of values(k8s, "kubernetes_secret_v1").concat(values(gw, "kubernetes_secret_v1"))) {
      for (const [k, v] of Object.entries<string>(s.data ?? {})) if (!["jwt-key", "jwt-algorithm"].includes(k)) expect(v).toMatch(/^\$\{/);
    }
  });
});

describe("AiPlatform defaults", () => {
  const { platform, k8s, gw } = minimal();

  test("the stack-name prefix is the construct id", () => {
    expect(platform.stackPrefix).toBe("acme");
    expect(platform.platformStack.node.id).toBe("acme-platform-dev");
    expect(platform.gatewayStack.node.id).toBe("acme-gateway-dev");
  });

  test("namespaces kong and models, created with the restricted Pod Security Standard; consumer Secrets in Kong's", () => {
    expect(platform.namespaces).toEqual({ kong: "kong", models: "models", consumerCredentials: "kong" });
    expect(values(k8s, "kubernetes_namespace_v1").map((n) => n.metadata.name).sort()).toEqual(["kong", "models"]);
    expect(values(gw, "kubernetes_secret_v1").map((s) => s.metadata)).toEqual([expect.objectContaining({ name: "kong-consumer-web", namespace: "kong" })]);
  });

  test("PostgreSQL in the cluster, in Kong's namespace", () => {
    expect(values(k8s, "kubernetes_stateful_set_v1").map((s) => s.metadata.namespace)).toEqual(["kong"]);
  });

  test("Kong: the library's image, 2..5 pods, the proxy as given, a ClusterIP Admin API", () => {
    const kong = byName(k8s, "kubernetes_deployment_v1").kong;
    expect(kong.spec.template.spec.container[0].image).toBe(DEFAULT_KONG_IMAGE);
    expect(byName(k8s, "kubernetes_horizontal_pod_autoscaler_v2").kong.spec).toMatchObject({ min_replicas: 2, max_replicas: 5 });
    const services = byName(k8s, "kubernetes_service_v1");
    expect(services["kong-proxy"].spec).toMatchObject({ type: "LoadBalancer", external_traffic_policy: "Cluster", load_balancer_source_ranges: ["10.0.0.0/8"] });
    expect(services["kong-admin"].spec.type).toBe("ClusterIP");
    expect(services["kong-admin"].metadata.annotations).toBeUndefined();
  });

  test("models keep their own autoscaling (2..5)", () => {
    expect(byName(k8s, "kubernetes_horizontal_pod_autoscaler_v2").ocr.spec).toMatchObject({ min_replicas: 2, max_replicas: 5 });
  });

  test("local state in <project>/terraform-state", () => {
    expect(k8s.terraform.backend).toEqual({ local: { path: "../../../terraform-state/acme-platform-dev.tfstate" } });
  });

  test("the admin URL variable names the port-forward of this configuration", () => {
    expect(platform.adminPortForward).toBe("kubectl -n kong port-forward svc/kong-admin 8001");
    expect(gw.variable.kong_admin_url.description).toBe(
      "Kong Admin API URL as seen from where Terraform runs: `kubectl -n kong port-forward svc/kong-admin 8001` makes the default work; in-cluster runners use the acme-platform stack's kong admin URL output",
    );
  });
});

describe("AiPlatform network isolation (the default app's dev)", () => {
  // GIVEN the default app's dev platform WHEN synthesized (once, shared)
  const { platform, k8s } = platformFor("dev");
  const policies = values(k8s, "kubernetes_network_policy_v1");
  /** The policies that select a pod with these labels in this namespace (an empty selector selects every pod). */
  const selecting = (namespace: string, labels: Record<string, string>) =>
    policies.filter((np) => np.metadata.namespace === namespace && Object.entries(np.spec.pod_selector.match_labels ?? {}).every(([k, v]) => labels[k] === v));
  /** Every ingress rule that admits traffic to such a pod, as { from, ports }. */
  const admitted = (namespace: string, labels: Record<string, string>) => selecting(namespace, labels).flatMap((np) => np.spec.ingress ?? []);
  const podOf = (r: any) => (r.spec.job_template?.spec ?? r.spec).template.metadata.labels as Record<string, string>;
  const tcp = (...ports: number[]) => ports.map((port) => ({ port: String(port), protocol: "TCP" }));

  test("each namespace of Kong and the models denies all ingress by default, after the namespace exists", () => {
    const deny = policies.filter((np) => np.metadata.name === "default-deny-ingress");
    expect(deny.map((np) => np.metadata.namespace).sort()).toEqual(["kong", "models"]);
    for (const np of deny) {
      expect(np.spec).toEqual({ pod_selector: {}, policy_types: ["Ingress"] });
      expect(np.depends_on).toEqual([`kubernetes_namespace_v1.namespace-${np.metadata.namespace}`]);
    }
    expect(platform.defaultDeny.map((d) => d.node.id)).toEqual(["deny-ingress-kong", "deny-ingress-models"]);
  });

  test("Kong's pods: proxy and status ports from anywhere, the admin ports from nobody (ClusterIP admin without peers)", () => {
    const kong = byName(k8s, "kubernetes_deployment_v1").kong;
    expect(admitted("kong", podOf(kong))).toEqual([{ ports: tcp(8000, 8443, 8100) }]);
  });

  test("PostgreSQL: its port, from Kong's pods, the migration Jobs' pods and the backup pods only", () => {
    const postgres = values(k8s, "kubernetes_stateful_set_v1")[0];
    const rules = admitted("kong", podOf(postgres));
    expect(rules.every((r) => JSON.stringify(r.ports) === JSON.stringify(tcp(5432)))).toBe(true);
    const peers = rules.flatMap((r) => r.from).map((f) => f.pod_selector.match_labels["app.kubernetes.io/name"]);
    expect(peers.sort()).toEqual(["kong", "kong-migrations", "postgresql-backup"]);
    expect(rules.flatMap((r) => r.from).every((f) => Object.keys(f).join() === "pod_selector")).toBe(true);
  });

  test("every model pod (stable and canary): its port, from Kong's proxy pods in Kong's namespace only", () => {
    const models = values(k8s, "kubernetes_deployment_v1").filter((d) => d.metadata.namespace === "models");
    expect(models.length).toBeGreaterThanOrEqual(4);
    for (const model of models) {
      const port = model.spec.template.spec.container[0].port[0].container_port;
      expect(admitted("models", podOf(model))).toEqual([
        {
          from: [{ namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } }, pod_selector: { match_labels: platform.kong.proxySelectorLabels } }],
          ports: tcp(port),
        },
      ]);
    }
  });

  test("pods that serve nothing (migration Jobs, backups) are admitted nothing", () => {
    const tasks = [...values(k8s, "kubernetes_job_v1"), ...values(k8s, "kubernetes_cron_job_v1")];
    expect(tasks.length).toBe(4);
    for (const task of tasks) expect(admitted(task.metadata.namespace, podOf(task))).toEqual([]);
  });
});

describe("AiPlatform settings", () => {
  test("stackPrefix, namespaces and where consumer credentials are published", () => {
    const { platform, k8s, gw } = minimal({
      stackPrefix: "ml",
      environment: "staging",
      namespaces: { kong: "edge", models: "inference", consumerCredentials: "apps" },
    });
    expect([platform.platformStack.node.id, platform.gatewayStack.node.id]).toEqual(["ml-platform-staging", "ml-gateway-staging"]);
    expect(values(k8s, "kubernetes_namespace_v1").map((n) => n.metadata.name).sort()).toEqual(["apps", "edge", "inference"]);
    expect(byName(k8s, "kubernetes_deployment_v1").kong.metadata.namespace).toBe("edge");
    expect(byName(k8s, "kubernetes_deployment_v1").ocr.metadata.namespace).toBe("inference");
    expect(values(gw, "kubernetes_secret_v1")[0].metadata.namespace).toBe("apps");
    expect(gw.variable.kong_admin_url.description).toContain("`kubectl -n edge port-forward svc/kong-admin 8001`");
  });

  test("the default-deny policies cover Kong's and the models' namespaces, not the applications' (consumerCredentials)", () => {
    const { k8s } = minimal({ namespaces: { kong: "edge", models: "inference", consumerCredentials: "apps" } });
    const deny = values(k8s, "kubernetes_network_policy_v1").filter((np) => np.metadata.name === "default-deny-ingress");
    expect(deny.map((np) => np.metadata.namespace).sort()).toEqual(["edge", "inference"]);
  });

  test("defaultDenyIngress: false for namespaces shared with workloads that have no policies", () => {
    const { platform, k8s } = minimal({ defaultDenyIngress: false });
    expect(platform.defaultDeny).toEqual([]);
    expect(values(k8s, "kubernetes_network_policy_v1").map((np) => np.metadata.name)).not.toContain("default-deny-ingress");
  });

  test("createNamespaces: false leaves the namespaces to the cluster's administrators", () => {
    const { k8s } = minimal({ createNamespaces: false });
    expect(values(k8s, "kubernetes_namespace_v1")).toEqual([]);
    // the platform's namespaces still deny by default: the workloads' own policies admit what they need
    expect(values(k8s, "kubernetes_network_policy_v1").filter((np) => np.metadata.name === "default-deny-ingress")).toHaveLength(2);
    expect(byName(k8s, "kubernetes_deployment_v1").kong.depends_on ?? []).not.toContainEqual(expect.stringMatching(/namespace/));
  });

  test("database: an existing server, or one made elsewhere (nothing created)", () => {
    const existing = minimal({ database: PlatformDatabase.existing({ host: "db.internal", sslMode: "verify-full" }) }).k8s;
    expect(values(existing, "postgresql_database")).toHaveLength(1);
    expect(values(existing, "kubernetes_stateful_set_v1")).toHaveLength(0);
    const imported = minimal({ database: PlatformDatabase.fromAttributes({ host: "db.internal", passwordSecret: { name: "kong-db", key: "password" } }) }).k8s;
    expect(values(imported, "postgresql_database")).toHaveLength(0);
    expect(values(imported, "kubernetes_stateful_set_v1")).toHaveLength(0);
    const env = byName(imported, "kubernetes_deployment_v1").kong.spec.template.spec.container[0].env;
    expect(env).toContainEqual({ name: "KONG_PG_HOST", value: "db.internal" });
  });

  test("Kong image, replicas, env and env from Secrets", () => {
    const { k8s } = minimal({
      kong: {
        image: "kong:3.9.2",
        scaling: Scaling.cpu({ minReplicas: 3, maxReplicas: 6 }),
        env: { KONG_LOG_LEVEL: "info" },
        envFromSecrets: { KONG_ADMIN_GUI_SESSION_CONF: { name: "kong-session", key: "conf" } },
        proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }),
      },
    });
    const container = byName(k8s, "kubernetes_deployment_v1").kong.spec.template.spec.container[0];
    expect(container.image).toBe("kong:3.9.2");
    expect(container.env).toContainEqual({ name: "KONG_LOG_LEVEL", value: "info" });
    expect(container.env).toContainEqual({ name: "KONG_ADMIN_GUI_SESSION_CONF", value_from: { secret_key_ref: { name: "kong-session", key: "conf" } } });
    expect(byName(k8s, "kubernetes_horizontal_pod_autoscaler_v2").kong.spec).toMatchObject({ min_replicas: 3, max_replicas: 6 });
  });

  test("proxy: a fixed IP and annotations; a ClusterIP proxy needs no source ranges", () => {
    const lb = minimal({
      kong: { proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["0.0.0.0/0"], ip: "203.0.113.10", annotations: { "cloud.google.com/l4-rbs": "enabled" } }) },
    }).k8s;
    expect(byName(lb, "kubernetes_service_v1")["kong-proxy"]).toMatchObject({
      metadata: { annotations: { "cloud.google.com/l4-rbs": "enabled" } },
      spec: { load_balancer_ip: "203.0.113.10", load_balancer_source_ranges: ["0.0.0.0/0"] },
    });
    const internal = minimal({ kong: { proxy: ProxyEndpoint.clusterIp() } }).k8s;
    const spec = byName(internal, "kubernetes_service_v1")["kong-proxy"].spec;
    expect(spec.type).toBe("ClusterIP");
    expect(spec.external_traffic_policy).toBeUndefined();
  });

  test("admin through the proxy: loopback-only Admin API, its route and consumer in the gateway stack, no admin ports open", () => {
    const { k8s, gw, platform } = minimal({
      plainHttp: undefined,
      kong: {
        proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"], externalTrafficPolicy: "Local" }),
        tls: ProxyTls.fromSecret({ secretName: "acme-tls", hosts: ["*.acme.example"] }),
        admin: AdminEndpoint.throughProxy({ host: "kong-admin.acme.example", path: "/admin", sourceRanges: ["10.99.0.0/24"] }),
      },
    });
    expect(byName(k8s, "kubernetes_service_v1")["kong-admin"].spec.type).toBe("ClusterIP");
    expect(byName(k8s, "kubernetes_network_policy_v1").kong.spec.ingress).toHaveLength(1);
    expect(platform.adminApiRoute?.route.name).toBe("kong-admin-api");
    expect(gw.variable.kong_admin_url.default).toBe("https://kong-admin.acme.example/admin");
    expect(gw.variable.kong_admin_url.description).toContain("kubectl -n kong port-forward svc/kong-admin 8001");
    expect(values(gw, "kong_consumer").map((c) => c.username).sort()).toEqual(["kong-admin", "web"]);
  });

  test("modelScale bounds the models that do not set their own", () => {
    const { k8s } = minimal({ modelScale: { minReplicas: 3 } });
    expect(byName(k8s, "kubernetes_horizontal_pod_autoscaler_v2").ocr.spec).toMatchObject({ min_replicas: 3, max_replicas: 3 });
  });

  test("backend: any StateBackend", () => {
    const { k8s, gw } = minimal({ backend: StateBackend.s3({ bucket: "acme-tf", region: "eu-west-1" }) });
    expect(k8s.terraform.backend.s3.key).toBe("kong-ai-platform/acme-platform-dev.tfstate");
    expect(gw.terraform.backend.s3.key).toBe("kong-ai-platform/acme-gateway-dev.tfstate");
  });

  test("catalog: by default an ApiCatalog of the gateway and Kong, in the gateway stack, written to catalog/<environment>", () => {
    const { platform } = minimal();
    expect(platform.catalog).toMatchObject({ directory: "dev", title: "acme (dev)", gateway: platform.gateway, kong: platform.kong });
    expect(platform.catalog?.node.path).toBe("acme-gateway-dev/catalog");
  });

  test("catalog: another directory, or none", () => {
    expect(minimal({ catalog: { directory: "acme-dev" } }).platform.catalog?.directory).toBe("acme-dev");
    expect(minimal({ catalog: false }).platform.catalog).toBeUndefined();
  });
});

describe("AiPlatform rejects bad input", () => {
  test("a consumer group that no model allows (a typo that would mean 403 everywhere)", () => {
    // GIVEN a platform with two models of its own and a consumer with a misspelled group
    const platform = new AiPlatform(Testing.app(), "ai", ENVIRONMENTS.dev);
    platform.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" });
    platform.addModel("translate", { name: "translate", image: "r/translate:1.0.0", allowedGroups: ["language"] });
    platform.addConsumer("typo", { username: "typo", aclGroups: ["ocr", "orc"], keyAuth: true });
    // WHEN the gateway stack is synthesized THEN the validation names the consumer, the group and the known groups
    expect(() => Testing.synth(platform.gatewayStack, true)).toThrow(
      '[ai-gateway-dev/gateway/typo] aclGroups ("orc") is allowed by no model of this platform ("language", "ocr"): the consumer would get 403 from every route',
    );
  });

  const LABEL = "lowercase letters, digits and '-', starting and ending with a letter or digit";
  test.each([
    ["no props", undefined, "[acme] props (null) must be an object { environment, stackPrefix?, namespaces?, database?, kong?, modelScale?, backend?, plainHttp?, httpsRedirectStatusCode?, redis?, authentication?, catalog? }"],
    ["no environment", { kong: MINIMAL.kong }, '[acme] environment (undefined) is required: the environment\'s name, e.g. "dev", ends both stack names'],
    ["a stack name Terraform cannot use", { ...MINIMAL, environment: "Dev Env" }, `[acme] environment ("Dev Env") must be a DNS-1123 label: at most 30 characters of ${LABEL}`],
    ["a prefix too long", { ...MINIMAL, stackPrefix: "a-very-long-stack-prefix" }, `[acme] stackPrefix ("a-very-long-stack-prefix") must be a DNS-1123 label: at most 20 characters of ${LABEL}`],
    ["a namespace of the wrong shape", { ...MINIMAL, namespaces: { models: "ML_Models" } }, `[acme] namespaces.models ("ML_Models") must be a DNS-1123 label: at most 63 characters of ${LABEL}`],
    ["a database that is not a PlatformDatabase", { ...MINIMAL, database: { kind: "in-cluster" } }, '[acme] database ({"kind":"in-cluster"}) must be made with PlatformDatabase.inCluster(), PlatformDatabase.existing() or PlatformDatabase.fromAttributes()'],
    ["a backend that is not a StateBackend", { ...MINIMAL, backend: { type: "local" } }, '[acme] backend ({"type":"local"}) must be made with StateBackend.local(), StateBackend.s3(), StateBackend.pg() or StateBackend.fromEnv()'],
    ["no proxy", { environment: "dev" }, '[acme] kong.proxy (undefined) must name the client networks of its LoadBalancer: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) (["0.0.0.0/0", "::/0"] for a public API), or ProxyEndpoint.clusterIp()'],
    ["a LoadBalancer proxy without source ranges", { environment: "dev", kong: { proxy: ProxyEndpoint.loadBalancer() } }, '[acme] kong.proxy ("ProxyEndpoint.loadBalancer() without sourceRanges") must name the client networks of its LoadBalancer: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) (["0.0.0.0/0", "::/0"] for a public API), or ProxyEndpoint.clusterIp()'],
    ["model bounds the wrong way round", { ...MINIMAL, modelScale: { minReplicas: 3, maxReplicas: 2 } }, "[acme] modelScale.maxReplicas (2) must be >= modelScale.minReplicas (3)"],
    ["createNamespaces not a boolean", { ...MINIMAL, createNamespaces: "no" }, '[acme] createNamespaces ("no") must be true or false'],
    ["catalog neither false nor options", { ...MINIMAL, catalog: true }, "[acme] catalog (true) must be false or an object { directory? }"],
    ["catalog unset (null)", { ...MINIMAL, catalog: null }, "[acme] catalog (null) must be false or an object { directory? }"],
    ["a catalog directory unset (null)", { ...MINIMAL, catalog: { directory: null } }, "[acme] catalog.directory (null) must not be null: give a value, or leave the option out for its default"],
    ["defaultDenyIngress not a boolean", { ...MINIMAL, defaultDenyIngress: "off" }, '[acme] defaultDenyIngress ("off") must be true or false'],
  ])("%s", (_what, props, message) => {
    expect(() => new AiPlatform(Testing.app(), "acme", props as never)).toThrow(message);
  });

  test.each([
    ["null (an unset value)", PlatformDatabase.inCluster(null as never), "[ai-platform-dev/postgres] props (null) must be an object { namespace, name?, image?, storageSize?, ... }"],
    ["a list", PlatformDatabase.inCluster(["pg"] as never), '[ai-platform-dev/postgres] props (["pg"]) must be an object { namespace, name?, image?, storageSize?, ... }'],
    ["a string, for an existing server", PlatformDatabase.existing("db.internal" as never), "[ai-platform-dev/postgres] props (\"db.internal\") must be an object { namespace, host, port?, sslMode?, ... }"],
  ])("database props that are not an object (%s) are refused, not spread into valid props", (_what, database, message) => {
    expect(errorOf(() => new AiPlatform(Testing.app(), "ai", { ...ENVIRONMENTS.dev, database }))).toBe(message);
  });

  test("an id that cannot be a stack-name prefix says how to fix it; all problems are reported together", () => {
    expect(() => new AiPlatform(Testing.app(), "Acme Corp", { environment: "Dev" } as never)).toThrow(
      [
        `[Acme Corp] environment ("Dev") must be a DNS-1123 label: at most 30 characters of ${LABEL}`,
        `[Acme Corp] stackPrefix ("Acme Corp") defaults to the construct id, which is not a DNS-1123 label of at most 20 characters (lowercase letters, digits and '-'): set stackPrefix, or use such an id`,
        '[Acme Corp] kong.proxy (undefined) must name the client networks of its LoadBalancer: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) (["0.0.0.0/0", "::/0"] for a public API), or ProxyEndpoint.clusterIp()',
      ].join("\n"),
    );
  });

  test("a missing model definition is a ValidationError, not a TypeError", () => {
    const platform = new AiPlatform(Testing.app(), "ai", ENVIRONMENTS.dev);
    expect(() => platform.addModel("m", undefined as never)).toThrow(
      "[ai-platform-dev/m] props (undefined) must be an object with at least name, namespace, image, gateway and kong",
    );
  });
});
