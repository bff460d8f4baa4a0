import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ExistingPostgres } from "../../lib/database/existing-postgres";
import { InClusterPostgres } from "../../lib/database/in-cluster-postgres";
import { IKongDatabase, KongDatabase } from "../../lib/database/kong-database";
import { AdminEndpoint } from "../../lib/kong/admin-endpoint";
import { KongCluster, KongClusterProps } from "../../lib/kong/kong-cluster";
import { ProxyEndpoint } from "../../lib/kong/proxy-endpoint";
import { Scaling } from "../../lib/kubernetes/scaling";
import { migrationsKey } from "../../lib/kong/migrations";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new KubernetesProvider(stack, "k8s", {});
  return stack;
}

function synth(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack, true));
}

/** GIVEN a stack with in-cluster PostgreSQL and a KongCluster "kong" built with `props`. */
function build(props: Partial<KongClusterProps> = {}): { stack: TerraformStack; cluster: KongCluster; json: Json } {
  const stack = newStack();
  const database = new InClusterPostgres(stack, "db", { namespace: "kong" });
  const cluster = new KongCluster(stack, "kong", { namespace: "kong", database, ...props });
  return { stack, cluster, json: synth(stack) };
}

function only(json: Json, type: string): Json {
  const all = Object.values(json.resource[type] ?? {}) as Json[];
  expect(all).toHaveLength(1);
  return all[0];
}

function byName(json: Json, type: string, name: string): Json {
  const found = (Object.values(json.resource[type] ?? {}) as Json[]).filter((r) => r.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function jobs(json: Json): Json[] {
  return Object.values(json.resource.kubernetes_job_v1) as Json[];
}

function addressOf(json: Json, type: string, r: Json): string {
  const [key] = Object.entries(json.resource[type]).find(([, v]) => v === r)!;
  return `${type}.${key}`;
}

function envOf(container: Json): Record<string, any> {
  return Object.fromEntries(container.env.map((e: Json) => [e.name, e.value ?? e.value_from]));
}

/** WHEN building with `props` THEN exactly this ValidationError message is thrown. */
function expectRejected(props: Partial<KongClusterProps>, message: string, database?: IKongDatabase): void {
  const stack = newStack();
  const db = database ?? new InClusterPostgres(stack, "db", { namespace: "kong" });
  let error: Error | undefined;
  try {
    new KongCluster(stack, "kong", { namespace: "kong", database: db as IKongDatabase, ...props });
  } catch (e) {
    error = e as Error;
  }
  expect(error?.name).toBe("ValidationError");
  expect(error?.message).toBe(message);
}

describe("KongCluster defaults", () => {
  // GIVEN in-cluster PostgreSQL and a KongCluster with only namespace and database
  // WHEN the stack is synthesized (once, shared by the tests below)
  // THEN each test states one default
  const { cluster, json } = build();
  const deployment = only(json, "kubernetes_deployment_v1");
  const pod = deployment.spec.template.spec;
  const proxy = pod.container[0];

  test("a Deployment named kong with 2 replicas of the pinned image kong:3.9.1", () => {
    expect(deployment.metadata).toMatchObject({ name: "kong", namespace: "kong" });
    expect(deployment.spec.replicas).toBe("2");
    expect(pod.container).toHaveLength(1);
    expect(proxy.name).toBe("proxy");
    expect(proxy.image).toBe("kong:3.9.1");
    expect(cluster.image).toBe("kong:3.9.1");
    expect(deployment.metadata.labels["app.kubernetes.io/version"]).toBe("3.9.1");
  });

  test("selects pods by instance and name only, and exposes those labels", () => {
    const selector = { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" };
    expect(deployment.spec.selector.match_labels).toEqual(selector);
    expect(cluster.proxySelectorLabels).toEqual(selector);
    expect(pod).toBeDefined();
    expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
  });

  test("rolls out with maxUnavailable 0, waits for the rollout, spreads across nodes and zones", () => {
    expect(deployment.spec.strategy).toEqual({ type: "RollingUpdate", rolling_update: { max_surge: "25%", max_unavailable: "0" } });
    expect(deployment.wait_for_rollout).toBe(true);
    expect(pod.topology_spread_constraint.map((c: Json) => [c.topology_key, c.max_skew, c.when_unsatisfiable])).toEqual([
      ["kubernetes.io/hostname", 1, "ScheduleAnyway"],
      ["topology.kubernetes.io/zone", 1, "ScheduleAnyway"],
    ]);
    expect(pod.topology_spread_constraint[0].label_selector).toEqual([{ match_labels: cluster.proxySelectorLabels }]);
  });

  test("a progress deadline and Terraform timeouts derived from what a Kong pod allows itself", () => {
    // one pod: 60 s scheduling + 180 s image pull + 600 s database wait (60 x (5 s sleep + 5 s pg_timeout))
    //          + 35 s liveness allowance + 15 s readiness = 890 s; the deadline adds 60 s
    expect(deployment.spec.progress_deadline_seconds).toBe(950);
    // create: 950 + 60 s -> 17m; update: 2..5 pods at maxSurge 25% take at most 4 batches (4 pods, 1 at a time):
    // 4 x 950 + 30 s grace + 60 s = 3890 s -> 65m
    expect(deployment.timeouts).toEqual({ create: "17m", update: "65m" });
  });

  test("runs with the chart's restricted security context and no service-account token", () => {
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.enable_service_links).toBe(false);
    expect(pod.security_context).toEqual({
      run_as_non_root: true,
      run_as_user: "1000",
      run_as_group: "1000",
      seccomp_profile: { type: "RuntimeDefault" },
    });
    const restricted = {
      run_as_non_root: true,
      run_as_user: "1000",
      run_as_group: "1000",
      read_only_root_filesystem: true,
      allow_privilege_escalation: false,
      privileged: false,
      capabilities: { drop: ["ALL"] },
    };
    for (const c of [...pod.container, ...pod.init_container]) expect(c.security_context).toEqual(restricted);
  });

  test("writes only to emptyDirs at /kong_prefix/ (256Mi) and /tmp (1Gi)", () => {
    expect(pod.volume).toEqual([
      { name: "kong-prefix", empty_dir: { size_limit: "256Mi" } },
      { name: "kong-tmp", empty_dir: { size_limit: "1Gi" } },
    ]);
    expect(proxy.volume_mount).toEqual([
      { name: "kong-prefix", mount_path: "/kong_prefix/" },
      { name: "kong-tmp", mount_path: "/tmp" },
    ]);
  });

  test("requests 500m CPU / 512Mi and is limited to 2 CPU / 1Gi", () => {
    expect(proxy.resources).toEqual({ requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } });
  });

  test("probes /status/ready (readiness) and /status (liveness) on the status port with the chart's timings", () => {
    const timings = { initial_delay_seconds: 5, timeout_seconds: 5, period_seconds: 10, success_threshold: 1, failure_threshold: 3 };
    expect(proxy.readiness_probe).toEqual({ http_get: { path: "/status/ready", port: "status", scheme: "HTTP" }, ...timings });
    expect(proxy.liveness_probe).toEqual({ http_get: { path: "/status", port: "status", scheme: "HTTP" }, ...timings });
  });

  test("quits gracefully: preStop kong quit --wait=15 within a 30 s grace period", () => {
    expect(proxy.lifecycle).toEqual({ pre_stop: [{ exec: { command: ["kong", "quit", "--wait=15"] } }] });
    expect(pod.termination_grace_period_seconds).toBe(30);
  });

  test("listens on proxy 8000/8443, admin 8001/8444 and status 8100", () => {
    expect(proxy.port.map((p: Json) => [p.name, p.container_port])).toEqual([
      ["proxy", 8000],
      ["proxy-tls", 8443],
      ["admin", 8001],
      ["admin-tls", 8444],
      ["status", 8100],
    ]);
  });

  test("has the chart's environment for database mode", () => {
    expect(envOf(proxy)).toEqual({
      KONG_ADMIN_ACCESS_LOG: "/dev/stdout",
      KONG_ADMIN_ERROR_LOG: "/dev/stderr",
      KONG_ADMIN_GUI_LISTEN: "off",
      KONG_ADMIN_LISTEN: "0.0.0.0:8001, [::]:8001, 0.0.0.0:8444 http2 ssl, [::]:8444 http2 ssl",
      KONG_CLUSTER_LISTEN: "off",
      KONG_DATABASE: "postgres",
      KONG_NGINX_DAEMON: "off",
      KONG_NGINX_WORKER_PROCESSES: "2",
      KONG_PG_DATABASE: "kong",
      KONG_PG_HOST: "kong-postgres.kong.svc.cluster.local",
      KONG_PG_PORT: "5432",
      KONG_PG_SSL: "off",
      KONG_PG_SSL_VERIFY: "off",
      KONG_PG_USER: "kong",
      KONG_PORT_MAPS: "80:8000, 443:8443",
      KONG_PREFIX: "/kong_prefix/",
      KONG_PROXY_ACCESS_LOG: "/dev/stdout",
      KONG_PROXY_ERROR_LOG: "/dev/stderr",
      KONG_PROXY_LISTEN: "0.0.0.0:8000, [::]:8000, 0.0.0.0:8443 http2 ssl, [::]:8443 http2 ssl",
      KONG_PROXY_STREAM_ACCESS_LOG: "/dev/stdout basic",
      KONG_PROXY_STREAM_ERROR_LOG: "/dev/stderr",
      KONG_ROUTER_FLAVOR: "traditional_compatible",
      KONG_STATUS_ACCESS_LOG: "off",
      KONG_STATUS_ERROR_LOG: "/dev/stderr",
      KONG_STATUS_LISTEN: "0.0.0.0:8100, [::]:8100",
      KONG_STREAM_LISTEN: "off",
      KONG_PG_PASSWORD: { secret_key_ref: { name: "kong-postgres-credentials", key: "password" } },
    });
  });

  test("init containers clear stale pids and sockets, then wait until the database is reachable and migrated", () => {
    expect(pod.init_container.map((c: Json) => c.name)).toEqual(["clear-stale-pid", "wait-for-db"]);
    const [clear, wait] = pod.init_container;
    expect(clear.command).toEqual(["/bin/sh", "-c", "rm -rf /kong_prefix/pids /kong_prefix/sockets /kong_prefix/*.sock"]);
    expect(clear.image).toBe("kong:3.9.1");
    expect(wait.image).toBe("kong:3.9.1");
    expect(wait.command[2]).toContain("kong migrations list");
    expect(wait.command[2]).toContain('if [ "$rc" -eq 0 ] || [ "$rc" -eq 4 ]; then');
    expect(wait.command[2]).toContain('if [ "$tries" -ge 60 ]; then');
    expect(wait.env).toEqual(proxy.env);
    expect(wait.resources).toEqual({ requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } });
  });

  test("services: proxy LoadBalancer 80->8000 and 443->8443, admin ClusterIP 8001/8444, status ClusterIP 8100", () => {
    const proxySvc = byName(json, "kubernetes_service_v1", "kong-proxy");
    expect(proxySvc.spec).toEqual({
      type: "LoadBalancer",
      selector: cluster.proxySelectorLabels,
      external_traffic_policy: "Cluster",
      port: [
        { name: "kong-proxy", port: 80, target_port: "proxy", protocol: "TCP" },
        { name: "kong-proxy-tls", port: 443, target_port: "proxy-tls", protocol: "TCP" },
      ],
    });
    // the proxy address output needs the address: Terraform waits up to 10 minutes (540 s + 60 s) for the cloud
    expect(proxySvc.wait_for_load_balancer).toBe(true);
    expect(proxySvc.timeouts).toEqual({ create: "10m" });
    const adminSvc = byName(json, "kubernetes_service_v1", "kong-admin");
    expect(adminSvc.spec).toEqual({
      type: "ClusterIP",
      selector: cluster.proxySelectorLabels,
      port: [
        { name: "kong-admin", port: 8001, target_port: "admin", protocol: "TCP" },
        { name: "kong-admin-tls", port: 8444, target_port: "admin-tls", protocol: "TCP" },
      ],
    });
    const statusSvc = byName(json, "kubernetes_service_v1", "kong-status");
    expect(statusSvc.spec).toEqual({
      type: "ClusterIP",
      selector: cluster.proxySelectorLabels,
      port: [{ name: "kong-status", port: 8100, target_port: "status", protocol: "TCP" }],
    });
  });

  test("Prometheus discovers /metrics on the status Service's port 8100 by annotations; pods and other Services carry none", () => {
    expect(byName(json, "kubernetes_service_v1", "kong-status").metadata.annotations).toEqual({
      "prometheus.io/scrape": "true",
      "prometheus.io/port": "8100",
      "prometheus.io/path": "/metrics",
    });
    expect(byName(json, "kubernetes_service_v1", "kong-proxy").metadata.annotations).toBeUndefined();
    expect(byName(json, "kubernetes_service_v1", "kong-admin").metadata.annotations).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
  });

  test("autoscales 2..5 replicas at 80% CPU (autoscaling/v2) and leaves the replica count to the autoscaler", () => {
    const hpa = only(json, "kubernetes_horizontal_pod_autoscaler_v2");
    expect(hpa.spec).toEqual({
      min_replicas: 2,
      max_replicas: 5,
      scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: `\${${addressOf(json, "kubernetes_deployment_v1", deployment)}.metadata[0].name}` },
      metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", average_utilization: 80 } } }],
    });
    expect(deployment.lifecycle).toEqual({ ignore_changes: ["spec[0].replicas"] });
    expect(cluster.autoscaler).toBeDefined();
  });

  test("keeps at most one pod down in a disruption", () => {
    const pdb = only(json, "kubernetes_pod_disruption_budget_v1");
    expect(pdb.spec).toEqual({ max_unavailable: "1", selector: { match_labels: cluster.proxySelectorLabels } });
  });

  test("NetworkPolicy: proxy and status open, admin reachable by nobody", () => {
    const np = byName(json, "kubernetes_network_policy_v1", "kong");
    expect(np.spec).toEqual({
      pod_selector: { match_labels: cluster.proxySelectorLabels },
      policy_types: ["Ingress"],
      ingress: [
        {
          ports: [
            { port: "8000", protocol: "TCP" },
            { port: "8443", protocol: "TCP" },
            { port: "8100", protocol: "TCP" },
          ],
        },
      ],
    });
  });

  test("NetworkPolicy: in-cluster PostgreSQL accepts only Kong pods and migration Job pods on 5432", () => {
    const np = byName(json, "kubernetes_network_policy_v1", "kong-database");
    expect(np.spec).toEqual({
      pod_selector: { match_labels: { "app.kubernetes.io/instance": "kong-postgres", "app.kubernetes.io/name": "postgresql" } },
      policy_types: ["Ingress"],
      ingress: [
        {
          from: [
            { pod_selector: { match_labels: cluster.proxySelectorLabels } },
            { pod_selector: { match_labels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong-migrations" } } },
          ],
          ports: [{ port: "5432", protocol: "TCP" }],
        },
      ],
    });
    for (const job of jobs(json)) expect(job.spec.template.metadata.labels).toMatchObject(cluster.migrationsSelectorLabels);
  });

  test("outputs the proxy's load-balancer address and the in-cluster admin URL, none sensitive", () => {
    const outputs = Object.values(json.output) as Json[];
    expect(outputs).toHaveLength(2);
    const svc = addressOf(json, "kubernetes_service_v1", byName(json, "kubernetes_service_v1", "kong-proxy"));
    const ingress = `${svc}.status[0].load_balancer[0].ingress[0]`;
    expect(outputs).toContainEqual(expect.objectContaining({ value: `\${coalesce(${ingress}.ip, ${ingress}.hostname)}` }));
    expect(outputs).toContainEqual(expect.objectContaining({ value: "http://kong-admin.kong.svc.cluster.local:8001" }));
    for (const o of outputs) expect(o.sensitive).toBeUndefined();
    expect(cluster.adminUrl).toBe("http://kong-admin.kong.svc.cluster.local:8001");
    expect(cluster.proxyHost).toBe("kong-proxy.kong.svc.cluster.local");
  });

  test("public escape hatches expose every inner resource", () => {
    expect(cluster.name).toBe("kong");
    expect(cluster.namespace).toBe("kong");
    for (const r of [cluster.deployment, cluster.proxyService, cluster.adminService, cluster.statusService, cluster.migrationsJob,
      cluster.migrationsFinishJob, cluster.autoscaler, cluster.disruptionBudget, cluster.networkPolicy, cluster.databaseNetworkPolicy]) {
      expect(r).toBeDefined();
    }
    expect(cluster.node.defaultChild).toBe(cluster.deployment);
  });
});

describe("KongCluster migrations", () => {
  // GIVEN the default cluster WHEN synthesized THEN the migration Jobs are keyed and ordered as stated
  const { cluster, json } = build();
  const key = migrationsKey("kong:3.9.1", "kong-postgres.kong.svc.cluster.local", "kong");
  const up = byName(json, "kubernetes_job_v1", `kong-migrations-${key}`);
  const finish = byName(json, "kubernetes_job_v1", `kong-migrations-finish-${key}`);
  const deployment = only(json, "kubernetes_deployment_v1");

  test("Jobs are named with a hash of image, database host and database name", () => {
    expect(cluster.migrationsKey).toBe(key);
    expect(jobs(json)).toHaveLength(2);
  });

  test("order: database -> migrations Job -> Deployment rollout -> finish Job", () => {
    expect(up.depends_on).toEqual([
      "kubernetes_secret_v1.db_Secret_C9537D18",
      "kubernetes_service_v1.db_Service_E4FFF030",
      "kubernetes_stateful_set_v1.db_ECC37780",
    ]);
    expect(deployment.depends_on).toEqual([addressOf(json, "kubernetes_job_v1", up)]);
    expect(finish.depends_on).toEqual([addressOf(json, "kubernetes_deployment_v1", deployment)]);
  });

  test("Terraform waits for both Jobs, which retry 3 times within 20 minutes, and outlasts them", () => {
    for (const job of [up, finish]) {
      expect(job.wait_for_completion).toBe(true);
      // 1200 s deadline (60 s scheduling + 180 s pull + 600 s database wait + 360 s migrations) + 30 s grace + 60 s
      expect(job.timeouts).toEqual({ create: "22m", update: "22m" });
      expect(job.spec.backoff_limit).toBe(3);
      expect(job.spec.active_deadline_seconds).toBe(1200);
      expect(job.spec.ttl_seconds_after_finished).toBeUndefined();
      const pod = job.spec.template.spec;
      expect(pod.restart_policy).toBe("Never");
      expect(pod.automount_service_account_token).toBe(false);
      expect(pod.security_context.seccomp_profile).toEqual({ type: "RuntimeDefault" });
      expect(pod.container[0].image).toBe("kong:3.9.1");
      expect(pod.container[0].env).toEqual(deployment.spec.template.spec.container[0].env);
    }
  });

  test("the first Job converges bootstrap / leftover finish / up, the second runs finish", () => {
    const upScript = up.spec.template.spec.container[0].command[2];
    expect(upScript).toContain("kong migrations bootstrap");
    expect(upScript).toContain("kong migrations up");
    expect(upScript).toContain("kong migrations finish");
    const finishScript = finish.spec.template.spec.container[0].command[2];
    expect(finishScript).toContain("exec kong migrations finish");
    expect(finishScript).not.toContain("kong migrations up");
  });

  test("a new image gives new Job names (never an edit of an immutable Job); the same image keeps them", () => {
    const names = (props: Partial<KongClusterProps>) => jobs(build(props).json).map((j) => j.metadata.name).sort();
    const before = names({});
    expect(names({ image: "kong:3.9.1" })).toEqual(before);
    const after = names({ image: "kong:3.9.2" });
    const newKey = migrationsKey("kong:3.9.2", "kong-postgres.kong.svc.cluster.local", "kong");
    expect(after).toEqual([`kong-migrations-${newKey}`, `kong-migrations-finish-${newKey}`]);
    expect(after.some((n) => before.includes(n))).toBe(false);
  });
});

describe("KongCluster options", () => {
  // GIVEN a cluster built with the option named by each test WHEN synthesized THEN the resources reflect it
  test("one fixed replica: no autoscaler, no disruption budget, Terraform owns the count", () => {
    const { cluster, json } = build({ scaling: Scaling.fixed(1) });
    const deployment = only(json, "kubernetes_deployment_v1");
    expect(deployment.spec.replicas).toBe("1");
    expect(deployment.lifecycle).toBeUndefined();
    expect(json.resource.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(json.resource.kubernetes_pod_disruption_budget_v1).toBeUndefined();
    expect(cluster.autoscaler).toBeUndefined();
    expect(cluster.disruptionBudget).toBeUndefined();
  });

  test("3 fixed replicas: fixed count, disruption budget kept", () => {
    const { json } = build({ scaling: Scaling.fixed(3) });
    expect(only(json, "kubernetes_deployment_v1").spec.replicas).toBe("3");
    expect(json.resource.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(only(json, "kubernetes_pod_disruption_budget_v1").spec.max_unavailable).toBe("1");
  });

  test("the update timeout follows the scaling: one batch per pod that 25% surge rolls at a time", () => {
    // the deadline covers one pod and does not change; the update covers every batch + 30 s grace + 60 s
    const one = only(build({ scaling: Scaling.fixed(1) }).json, "kubernetes_deployment_v1");
    expect(one.spec.progress_deadline_seconds).toBe(950);
    expect(one.timeouts).toEqual({ create: "17m", update: "18m" }); // 950 + 90 = 1040 s
    const three = only(build({ scaling: Scaling.fixed(3) }).json, "kubernetes_deployment_v1");
    expect(three.timeouts).toEqual({ create: "17m", update: "49m" }); // 3 x 950 + 90 = 2940 s
  });

  test("autoscaling bounds and target are configurable; maxReplicas defaults to at least minReplicas", () => {
    const hpa = only(build({ scaling: Scaling.cpu({ minReplicas: 3, maxReplicas: 10, targetPercent: 60 }) }).json, "kubernetes_horizontal_pod_autoscaler_v2");
    expect([hpa.spec.min_replicas, hpa.spec.max_replicas, hpa.spec.metric[0].resource.target.average_utilization]).toEqual([3, 10, 60]);
    const big = build({ scaling: Scaling.cpu({ minReplicas: 7 }) }).json;
    expect(only(big, "kubernetes_horizontal_pod_autoscaler_v2").spec).toMatchObject({ min_replicas: 7, max_replicas: 7 });
    expect(only(big, "kubernetes_deployment_v1").spec.replicas).toBe("7");
  });

  test("proxy as ClusterIP outputs its cluster IP and waits for no load balancer", () => {
    const { json } = build({ proxy: ProxyEndpoint.clusterIp() });
    const svc = byName(json, "kubernetes_service_v1", "kong-proxy");
    expect(svc.spec.type).toBe("ClusterIP");
    expect(svc.spec.external_traffic_policy).toBeUndefined();
    expect(svc.wait_for_load_balancer).toBeUndefined();
    expect(svc.timeouts).toBeUndefined();
    expect(Object.values(json.output)).toContainEqual(
      expect.objectContaining({ value: `\${${addressOf(json, "kubernetes_service_v1", svc)}.spec[0].cluster_ip}` }),
    );
  });

  test("proxy as NodePort", () => {
    const svc = byName(build({ proxy: ProxyEndpoint.nodePort({ externalTrafficPolicy: "Local" }) }).json, "kubernetes_service_v1", "kong-proxy");
    expect(svc.spec).toMatchObject({ type: "NodePort", external_traffic_policy: "Local" });
  });

  test("proxy load balancer with fixed IP, source ranges, annotations and custom ports", () => {
    const { json } = build({
      proxy: ProxyEndpoint.loadBalancer({
        ip: "203.0.113.10",
        sourceRanges: ["198.51.100.0/24", "2001:db8::/32"],
        annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" },
        httpPort: 8080,
        httpsPort: 8443,
      }),
    });
    const svc = byName(json, "kubernetes_service_v1", "kong-proxy");
    expect(svc.metadata.annotations).toEqual({ "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" });
    expect(svc.spec).toMatchObject({
      load_balancer_ip: "203.0.113.10",
      load_balancer_source_ranges: ["198.51.100.0/24", "2001:db8::/32"],
      port: [
        { name: "kong-proxy", port: 8080, target_port: "proxy", protocol: "TCP" },
        { name: "kong-proxy-tls", port: 8443, target_port: "proxy-tls", protocol: "TCP" },
      ],
    });
    expect(envOf(only(json, "kubernetes_deployment_v1").spec.template.spec.container[0]).KONG_PORT_MAPS).toBe("8080:8000, 8443:8443");
  });

  test("admin allowFrom opens the admin ports to those peers only", () => {
    const { json } = build({
      admin: AdminEndpoint.clusterIp({
        allowFrom: [
          { cidr: "10.20.0.0/16" },
          { podSelector: { app: "ci-runner" } },
          { namespaceSelector: { "kubernetes.io/metadata.name": "ops" }, podSelector: { app: "terraform" } },
        ],
      }),
    });
    const np = byName(json, "kubernetes_network_policy_v1", "kong");
    expect(np.spec.ingress[1]).toEqual({
      from: [
        { ip_block: { cidr: "10.20.0.0/16" } },
        { pod_selector: { match_labels: { app: "ci-runner" } } },
        { namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "ops" } }, pod_selector: { match_labels: { app: "terraform" } } },
      ],
      ports: [
        { port: "8001", protocol: "TCP" },
        { port: "8444", protocol: "TCP" },
      ],
    });
    expect(byName(json, "kubernetes_service_v1", "kong-admin").spec.type).toBe("ClusterIP");
  });

  test("admin through a bare LoadBalancer is refused: the Admin API has no credential of its own", () => {
    expectRejected(
      { admin: AdminEndpoint.loadBalancer({ sourceRanges: ["203.0.113.0/24"] }) },
      '[test/kong] admin ("AdminEndpoint.loadBalancer(...)") would put a load balancer in front of the Admin API, which has no authentication in Kong OSS, so anyone in its sourceRanges could reconfigure the gateway. Publish it through the proxy with a credential instead: AdminEndpoint.throughProxy({ host: "kong-admin.example.com", sourceRanges }) (key-auth over HTTPS; tls must cover host), or keep AdminEndpoint.clusterIp() and kubectl port-forward',
    );
  });

  test("extra KONG_* settings are added and may override chart defaults", () => {
    const env = envOf(only(build({ env: { KONG_PLUGINS: "bundled", KONG_PROXY_ACCESS_LOG: "off" } }).json, "kubernetes_deployment_v1").spec.template.spec.container[0]);
    expect(env.KONG_PLUGINS).toBe("bundled");
    expect(env.KONG_PROXY_ACCESS_LOG).toBe("off");
  });

  test("name, workerProcesses and resources", () => {
    const { json } = build({ name: "edge", workerProcesses: 4, resources: { requests: { cpu: "1" }, limits: { memory: "2Gi" } } });
    const deployment = only(json, "kubernetes_deployment_v1");
    expect(deployment.metadata.name).toBe("edge");
    const c = deployment.spec.template.spec.container[0];
    expect(envOf(c).KONG_NGINX_WORKER_PROCESSES).toBe("4");
    expect(c.resources).toEqual({ requests: { cpu: "1", memory: "512Mi" }, limits: { cpu: "2", memory: "2Gi" } });
    expect(Object.values(json.resource.kubernetes_service_v1).map((s: any) => s.metadata.name).sort()).toEqual(
      ["edge-admin", "edge-proxy", "edge-status", "kong-postgres"],
    );
  });

  test("an image digest is accepted", () => {
    const image = `kong@sha256:${"a".repeat(64)}`;
    expect(only(build({ image }).json, "kubernetes_deployment_v1").spec.template.spec.container[0].image).toBe(image);
  });

  test("an existing server with verify-full: TLS on, verified against the system trust store, no database NetworkPolicy", () => {
    const stack = newStack();
    const database = new ExistingPostgres(stack, "db", { namespace: "kong", host: "pg.example.internal", sslMode: "verify-full" });
    const cluster = new KongCluster(stack, "kong", { namespace: "kong", database });
    const json = synth(stack);
    const env = envOf(only(json, "kubernetes_deployment_v1").spec.template.spec.container[0]);
    expect(env).toMatchObject({
      KONG_PG_HOST: "pg.example.internal",
      KONG_PG_SSL: "on",
      KONG_PG_SSL_VERIFY: "on",
      KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system",
    });
    expect(cluster.databaseNetworkPolicy).toBeUndefined();
    expect(Object.keys(json.resource.kubernetes_network_policy_v1)).toHaveLength(1);
    const up = byName(json, "kubernetes_job_v1", `kong-migrations-${cluster.migrationsKey}`);
    expect(up.depends_on).toEqual([
      expect.stringMatching(/^postgresql_role\.db_Role_[0-9A-F]{8}$/),
      expect.stringMatching(/^postgresql_database\.db_Database_[0-9A-F]{8}$/),
      expect.stringMatching(/^kubernetes_secret_v1\.db_Secret_[0-9A-F]{8}$/),
    ]);
  });

  test("a database from attributes with require-TLS", () => {
    const stack = newStack();
    const database = KongDatabase.fromAttributes(stack, "db", { host: "10.1.2.3", passwordSecret: { name: "pg", key: "pw" } });
    new KongCluster(stack, "kong", { namespace: "kong", database });
    const json = synth(stack);
    const env = envOf(only(json, "kubernetes_deployment_v1").spec.template.spec.container[0]);
    expect(env).toMatchObject({ KONG_PG_HOST: "10.1.2.3", KONG_PG_SSL: "on", KONG_PG_SSL_VERIFY: "off", KONG_PG_PASSWORD: { secret_key_ref: { name: "pg", key: "pw" } } });
    expect(env.KONG_LUA_SSL_TRUSTED_CERTIFICATE).toBeUndefined();
    expect(jobs(json).find((j) => !j.metadata.name.includes("finish"))!.depends_on).toBeUndefined();
  });

  test("unresolved tokens are not rejected", () => {
    const stack = newStack();
    const ip = new TerraformVariable(stack, "ip", { type: "string" });
    const database = new InClusterPostgres(stack, "db", { namespace: "kong" });
    expect(() => new KongCluster(stack, "kong", { namespace: "kong", database, proxy: ProxyEndpoint.loadBalancer({ ip: ip.stringValue }) })).not.toThrow();
  });
});

describe("KongCluster envFromSecrets", () => {
  test("renders each entry as value_from.secret_key_ref in every Kong container, sorted after the plain settings", () => {
    // GIVEN a session configuration kept in a Secret
    const { json } = build({
      env: { KONG_PLUGINS: "bundled" },
      envFromSecrets: { KONG_ADMIN_GUI_SESSION_CONF: { name: "kong-session", key: "conf" } },
    });
    // WHEN / THEN the proxy, the init container and both Jobs read it from the Secret
    const deployment = only(json, "kubernetes_deployment_v1");
    const containers = [
      ...deployment.spec.template.spec.container,
      ...deployment.spec.template.spec.init_container.filter((c: Json) => c.env),
      ...jobs(json).map((j) => j.spec.template.spec.container[0]),
    ];
    expect(containers).toHaveLength(4);
    for (const c of containers) {
      const names: string[] = c.env.map((e: Json) => e.name);
      expect(names.slice(-2)).toEqual(["KONG_ADMIN_GUI_SESSION_CONF", "KONG_PG_PASSWORD"]);
      expect(c.env.find((e: Json) => e.name === "KONG_ADMIN_GUI_SESSION_CONF")).toEqual({
        name: "KONG_ADMIN_GUI_SESSION_CONF",
        value_from: { secret_key_ref: { name: "kong-session", key: "conf" } },
      });
      expect(envOf(c).KONG_PLUGINS).toBe("bundled");
    }
  });

  test("default: no Secret-backed setting besides the database password", () => {
    // GIVEN / WHEN the default cluster THEN only KONG_PG_PASSWORD comes from a Secret
    const proxy = only(build().json, "kubernetes_deployment_v1").spec.template.spec.container[0];
    expect(proxy.env.filter((e: Json) => e.value_from).map((e: Json) => e.name)).toEqual(["KONG_PG_PASSWORD"]);
  });
});

describe("KongCluster determinism with Terraform tokens", () => {
  /** GIVEN a database host and Kong image from Terraform variables, after `noise` unrelated tokens were created. */
  function buildWithTokens(noise: number): Json {
    const stack = newStack();
    for (let i = 0; i < noise; i++) new TerraformVariable(stack, `noise${i}`, { type: "string" });
    const host = new TerraformVariable(stack, "db_host", { type: "string" });
    const image = new TerraformVariable(stack, "kong_image", { type: "string" });
    const database = KongDatabase.fromAttributes(stack, "db", { host: host.stringValue, passwordSecret: { name: "pg", key: "pw" } });
    new KongCluster(stack, "kong", { namespace: "kong", database, image: image.stringValue });
    return synth(stack);
  }

  test("building the same stack twice in one process gives the same Job names and labels", () => {
    // WHEN the same stack is built twice, the second time with other token numbers
    const first = buildWithTokens(0);
    const second = buildWithTokens(3);
    // THEN the Job names do not depend on the token placeholders
    const names = (json: Json) => jobs(json).map((j) => j.metadata.name).sort();
    const key = migrationsKey("<unresolved>", "<unresolved>", "kong");
    expect(names(first)).toEqual([`kong-migrations-${key}`, `kong-migrations-finish-${key}`]);
    expect(names(second)).toEqual(names(first));
    // AND the version label of a token image is the fixed "unknown"
    for (const json of [first, second]) {
      const deployment = only(json, "kubernetes_deployment_v1");
      expect(deployment.metadata.labels["app.kubernetes.io/version"]).toBe("unknown");
      expect(deployment.spec.template.spec.container[0].image).toBe("${var.kong_image}");
      for (const job of jobs(json)) expect(job.metadata.labels["app.kubernetes.io/version"]).toBe("unknown");
    }
  });
});

describe("secret flow", () => {
  // GIVEN a whole Kong + database stack WHEN synthesized THEN no password appears as a literal anywhere
  /** Every string in the document, with the path that leads to it. */
  function strings(node: unknown, path: string[] = [], out: Array<[string[], string]> = []): Array<[string[], string]> {
    if (typeof node === "string") out.push([path, node]);
    else if (Array.isArray(node)) node.forEach((n, i) => strings(n, [...path, String(i)], out));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) strings(v, [...path, k], out);
    return out;
  }

  test("in-cluster: the password exists only as random_password, referenced by the Secret, read via secret_key_ref", () => {
    const { json } = build();
    const text = JSON.stringify(json);
    const passwordRefs = strings(json).filter(([, s]) => s.includes("random_password."));
    expect(passwordRefs.map(([p]) => p.join("."))).toEqual(["resource.kubernetes_secret_v1.db_Secret_C9537D18.data.password"]);
    expect(passwordRefs[0][1]).toBe("${random_password.db_Password_672233AD.result}");
    // every *PASSWORD* environment variable (Kong, init containers, Jobs, PostgreSQL, its backups) comes from the Secret
    const envVars = strings(json).filter(([p, s]) => p[p.length - 1] === "name" && p.includes("env") && /PASSWORD/.test(s));
    // KONG_PG_PASSWORD of proxy, wait-for-db and both Jobs; POSTGRES_PASSWORD; PGPASSWORD of the backup and restore CronJobs
    expect(envVars).toHaveLength(7);
    for (const [p] of envVars) {
      const entry = p.slice(0, -1).reduce((node: any, k) => node[k], json);
      expect(entry.value).toBeUndefined();
      expect(entry.value_from.secret_key_ref).toEqual({ name: "kong-postgres-credentials", key: "password" });
    }
    expect(text).not.toMatch(/"value":"[^"]*password[^"]*"/i);
    expect(JSON.stringify(json.output)).not.toMatch(/password|secret/i);
  });

  test("existing server: the admin password comes from a sensitive variable, the role password from random_password", () => {
    const stack = newStack();
    const database = new ExistingPostgres(stack, "db", { namespace: "kong", host: "pg.example.internal" });
    new KongCluster(stack, "kong", { namespace: "kong", database });
    const json = synth(stack);
    const pwStrings = strings(json).filter(([p]) => /password/i.test(p[p.length - 1]) || p.includes("data"));
    for (const [p, s] of pwStrings) {
      if (p[0] === "variable") continue;
      expect(s).toMatch(/^\$\{(var\.db_admin_password|random_password\.db_Password_[0-9A-F]+\.result)\}$/);
    }
    expect(json.variable.db_admin_password).toMatchObject({ sensitive: true, type: "string" });
  });
});

describe("KongCluster rejects", () => {
  // GIVEN the bad input named by each test WHEN the cluster is constructed THEN one ValidationError with exactly this message
  test("a missing namespace", () => {
    expectRejected({ namespace: undefined }, '[test/kong] namespace (undefined) is required: the namespace Kong runs in');
  });

  test("an invalid namespace and name", () => {
    expectRejected(
      { namespace: "Kong_NS", name: "Kong" },
      [
        "[test/kong] namespace (\"Kong_NS\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
        "[test/kong] name (\"Kong\") must be a DNS-1123 label: at most 36 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
      ].join("\n"),
    );
  });

  test("a name too long for the migration Job names", () => {
    expectRejected(
      { name: "k".repeat(37) },
      `[test/kong] name ("${"k".repeat(37)}") must be a DNS-1123 label: at most 36 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  });

  test("a missing database", () => {
    expectRejected(
      { database: undefined },
      "[test/kong] database (undefined) is required: pass an InClusterPostgres, an ExistingPostgres or KongDatabase.fromAttributes(...)",
    );
  });

  test("something that is not an IKongDatabase", () => {
    expectRejected(
      {},
      '[test/kong] database (["host"]) must implement IKongDatabase (host, port, databaseName, user, passwordSecret, ssl, sslVerify, dependables): use InClusterPostgres, ExistingPostgres or KongDatabase.fromAttributes(...)',
      { host: "db" } as unknown as IKongDatabase,
    );
  });

  test("a database whose Secret lives in another namespace", () => {
    const stack = newStack();
    const database = new InClusterPostgres(stack, "db", { namespace: "data" });
    expect(() => new KongCluster(stack, "kong", { namespace: "kong", database })).toThrow(
      '[test/kong] database.namespace ("data") must equal namespace ("kong"): Kong pods can read the password Secret only in their own namespace. Create the database objects in "kong".',
    );
  });

  test.each([
    ["kong:latest"],
    ["kong:3.9"],
    ["kong"],
  ])("the unpinned image %s", (image) => {
    expectRejected(
      { image },
      `[test/kong] image ("${image}") must be pinned: a digest (repo@sha256:<64 hex>) or a full version tag (repo:MAJOR.MINOR.PATCH[-suffix])`,
    );
  });

  test("scaling bounds out of order, and a bad fixed count", () => {
    expectRejected(
      { scaling: Scaling.cpu({ minReplicas: 6, maxReplicas: 3 }) },
      "[test/kong] scaling.maxReplicas (3) must be at least minReplicas (6): raise maxReplicas or lower minReplicas",
    );
    expectRejected({ scaling: Scaling.fixed(0) }, "[test/kong] scaling.replicas (0) must be an integer between 1 and 1000");
  });

  test("scaling that is not made with Scaling", () => {
    expectRejected(
      { scaling: { minReplicas: 2 } as never },
      '[test/kong] scaling ({"minReplicas":2}) must be made with Scaling.fixed(replicas) or Scaling.cpu({ minReplicas?, maxReplicas?, targetPercent? })',
    );
  });

  test("workerProcesses out of range", () => {
    expectRejected({ workerProcesses: 0 }, "[test/kong] workerProcesses (0) must be an integer between 1 and 64");
  });

  test("a request above its limit", () => {
    expectRejected(
      { resources: { requests: { memory: "2Gi" } } },
      '[test/kong] resources.requests.memory ("2Gi") must not exceed resources.limits.memory ("1Gi"): Kubernetes rejects a request above its limit. Lower the request or raise the limit.',
    );
  });

  test("proxy ports out of range or equal", () => {
    expectRejected({ proxy: ProxyEndpoint.loadBalancer({ httpPort: 70000 }) }, "[test/kong] proxy.httpPort (70000) must be an integer between 1 and 65535");
    expectRejected({ proxy: ProxyEndpoint.clusterIp({ httpPort: 443 }) }, "[test/kong] proxy.httpsPort (443) must differ from httpPort (443)");
  });

  test("a proxy or admin endpoint not made with its factories (a NodePort Admin API cannot be written)", () => {
    expectRejected(
      { proxy: { serviceType: "ExternalName" } as never },
      '[test/kong] proxy ({"serviceType":"ExternalName"}) must be made with ProxyEndpoint.loadBalancer(), .clusterIp() or .nodePort()',
    );
    expectRejected(
      { admin: { serviceType: "NodePort" } as never },
      '[test/kong] admin ({"serviceType":"NodePort"}) must be made with AdminEndpoint.clusterIp() or .throughProxy({ host, sourceRanges })',
    );
  });

  test("a bad load-balancer ip", () => {
    expectRejected(
      { proxy: ProxyEndpoint.loadBalancer({ ip: "10.0.0.0/8" }) },
      '[test/kong] proxy.ip ("10.0.0.0/8") must be an IPv4 or IPv6 address such as 203.0.113.10',
    );
  });

  test("proxy source ranges that are not CIDR blocks, or empty", () => {
    expectRejected(
      { proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.1", "10.0.0.0/33"] }) },
      [
        '[test/kong] proxy.sourceRanges[0] ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
        '[test/kong] proxy.sourceRanges[1] ("10.0.0.0/33") must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32',
      ].join("\n"),
    );
    expectRejected({ proxy: ProxyEndpoint.loadBalancer({ sourceRanges: [] }) }, "[test/kong] proxy.sourceRanges ([]) must not be empty: omit it to allow every address");
  });

  test("bad admin.allowFrom entries", () => {
    expectRejected(
      { admin: AdminEndpoint.clusterIp({ allowFrom: [{}, { cidr: "10.0.0.0/8", podSelector: { a: "b" } }, { namespaceSelector: {} }] }) },
      [
        "[test/kong] admin.allowFrom[0] ({}) must set cidr, namespaceSelector or podSelector",
        '[test/kong] admin.allowFrom[1] ({"cidr":"10.0.0.0/8","podSelector":{"a":"b"}}) must set either cidr or selectors, not both: a NetworkPolicy peer is an IP block or a pod/namespace selector',
        "[test/kong] admin.allowFrom[2].namespaceSelector ({}) must name at least one label: an empty selector matches every pod",
      ].join("\n"),
    );
  });

  test.each([["10.0.0.0/0"], ["::0/0"], ["0::/0"], ["0.0.0.0/00"], ["::/0"]])(
    "an Admin API open to every address written as %s",
    (cidr) => {
      expectRejected(
        { admin: AdminEndpoint.clusterIp({ allowFrom: [{ cidr }] }) },
        `[test/kong] admin.allowFrom[0].cidr ("${cidr}") opens the Admin API, which has no authentication in Kong OSS, to every address: list the networks that need it`,
      );
    },
  );

  test("literal secrets in env, without echoing them", () => {
    const hint = (key: string) =>
      `looks like a secret and would be stored in plain text in the Terraform JSON: put it in a Kubernetes Secret in Kong's namespace and pass envFromSecrets: { ${key}: { name: "<secret>", key: "<key>" } }`;
    expectRejected(
      { env: { KONG_PASSWORD: "hunter2", KONG_ADMIN_GUI_SESSION_CONF: '{"secret":"x"}', KONG_PLUGINS: "bundled" } },
      [
        `[test/kong] env.KONG_PASSWORD ("<redacted>") ${hint("KONG_PASSWORD")}`,
        `[test/kong] env.KONG_ADMIN_GUI_SESSION_CONF ("<redacted>") ${hint("KONG_ADMIN_GUI_SESSION_CONF")}`,
      ].join("\n"),
    );
  });

  test("bad envFromSecrets entries", () => {
    expectRejected(
      {
        env: { KONG_PLUGINS: "bundled" },
        envFromSecrets: {
          SESSION: { name: "s", key: "k" },
          KONG_PG_PASSWORD: { name: "s", key: "k" },
          KONG_PLUGINS: { name: "s", key: "k" },
          KONG_LICENSE_DATA: "kong-license" as never,
          KONG_ADMIN_GUI_SESSION_CONF: { name: "Bad_Name", key: "" },
        },
      },
      [
        '[test/kong] envFromSecrets.SESSION ({"name":"s","key":"k"}) is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_ADMIN_GUI_SESSION_CONF',
        '[test/kong] envFromSecrets.KONG_PG_PASSWORD ({"name":"s","key":"k"}) is set by KongCluster from its database, ports and workerProcesses props; change those instead',
        '[test/kong] envFromSecrets.KONG_PLUGINS ({"name":"s","key":"k"}) is also set by env.KONG_PLUGINS: give each setting once',
        '[test/kong] envFromSecrets.KONG_LICENSE_DATA ("kong-license") is required: { name, key } of a Secret in the same namespace holding the value of KONG_LICENSE_DATA',
        "[test/kong] envFromSecrets.KONG_ADMIN_GUI_SESSION_CONF.name (\"Bad_Name\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
        '[test/kong] envFromSecrets.KONG_ADMIN_GUI_SESSION_CONF.key ("") is required: the key of the value of KONG_ADMIN_GUI_SESSION_CONF in the Secret',
      ].join("\n"),
    );
  });

  test("nested options of the wrong type", () => {
    expectRejected(
      { proxy: ProxyEndpoint.loadBalancer("LoadBalancer" as never) },
      '[test/kong] proxy ("LoadBalancer") must be an object { sourceRanges?, ip?, annotations?, externalTrafficPolicy?, httpPort?, httpsPort? }',
    );
    expectRejected(
      { admin: AdminEndpoint.clusterIp(["ClusterIP"] as never) },
      '[test/kong] admin (["ClusterIP"]) must be an object { allowFrom? }',
    );
    expectRejected(
      { resources: { requests: "1" as never, limits: [] as never } },
      [
        '[test/kong] resources.requests ("1") must be an object { cpu?, memory? } of Kubernetes quantities, e.g. { cpu: "500m", memory: "512Mi" }',
        '[test/kong] resources.limits ([]) must be an object { cpu?, memory? } of Kubernetes quantities, e.g. { cpu: "500m", memory: "512Mi" }',
      ].join("\n"),
    );
    expectRejected(
      { scaling: Scaling.cpu([] as never) },
      "[test/kong] scaling ([]) must be an object { minReplicas?, maxReplicas?, targetPercent?, memoryTargetPercent? }",
    );
  });

  test("annotations that are not maps of names to strings", () => {
    expectRejected(
      {
        proxy: ProxyEndpoint.loadBalancer({ annotations: "x" as never }),
      },
      '[test/kong] proxy.annotations ("x") must be a map of annotation names to string values',
    );
    expectRejected(
      { proxy: ProxyEndpoint.loadBalancer({ annotations: { "bad key!": "v", "example.com/ok": 5 as never, "example.com/flag": true as never } }) },
      [
        "[test/kong] proxy.annotations key (\"bad key!\") must be an annotation name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        '[test/kong] proxy.annotations["example.com/ok"] (5) must be a string: annotation values are text (quote numbers and booleans)',
        '[test/kong] proxy.annotations["example.com/flag"] (true) must be a string: annotation values are text (quote numbers and booleans)',
      ].join("\n"),
    );
  });

  test("a database whose pod labels or dependables are malformed", () => {
    const custom = {
      host: "pg",
      port: 5432,
      databaseName: "kong",
      user: "kong",
      passwordSecret: { name: "pg", key: "pw" },
      ssl: false,
      sslVerify: false,
      podSelectorLabels: "app",
      dependables: [5],
    };
    expectRejected(
      {},
      [
        '[test/kong] database.podSelectorLabels ("app") must be a map of label names to values, e.g. { app: "web" }',
        "[test/kong] database.dependables[0] (5) must be a Terraform resource, data source or module (ITerraformDependable)",
      ].join("\n"),
      custom as unknown as IKongDatabase,
    );
  });

  test("a name that is a Terraform token", () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    const database = new InClusterPostgres(stack, "db", { namespace: "kong" });
    expect(() => new KongCluster(stack, "kong", { namespace: "kong", database, name })).toThrow(
      `[test/kong] name ("${name}") must be a literal string, not a Terraform token: it names the Kubernetes objects and the Terraform outputs`,
    );
  });

  test("env entries that are not Kong settings or that KongCluster manages (a password is never echoed)", () => {
    expectRejected(
      { env: { PLUGINS: "bundled", KONG_PG_HOST: "elsewhere", KONG_PG_PASSWORD: "hunter2" } },
      [
        '[test/kong] env.PLUGINS ("bundled") is not a Kong setting: names are KONG_ followed by the upper-case property, e.g. KONG_PLUGINS',
        '[test/kong] env.KONG_PG_HOST ("elsewhere") is set by KongCluster from its database, ports and workerProcesses props; change those instead',
        '[test/kong] env.KONG_PG_PASSWORD ("<redacted>") is set by KongCluster from its database, ports and workerProcesses props; change those instead',
      ].join("\n"),
    );
  });
});
