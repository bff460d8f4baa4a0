import { InClusterRedis } from "../../lib/redis/in-cluster-redis";
import { KONG_REDIS_PASSWORD_ENV, KONG_REDIS_PASSWORD_REFERENCE } from "../../lib/redis/kong-redis";
import { expectValidationError, kubernetesStack, only, synth, synthProblems } from "../helpers";

const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

function redisStack(allow = true) {
  const stack = kubernetesStack();
  const redis = new InClusterRedis(stack, "redis", { namespace: "kong" });
  if (allow) redis.allowFrom(KONG);
  return { stack, redis };
}

describe("InClusterRedis", () => {
  const { stack, redis } = redisStack();
  const json = synth(stack);
  const deployment = only(json, "kubernetes_deployment_v1");
  const container = deployment.spec.template.spec.container[0];

  test("one pinned redis pod, restricted: non-root, read-only root filesystem, no service-account token", () => {
    expect(container.image).toBe("redis:7.2.7");
    expect(deployment.spec.replicas).toBe("1");
    expect(deployment.spec.template.spec.automount_service_account_token).toBe(false);
    expect(deployment.spec.template.spec.security_context).toMatchObject({ run_as_non_root: true, run_as_user: "999", seccomp_profile: { type: "RuntimeDefault" } });
    expect(container.security_context).toMatchObject({ read_only_root_filesystem: true, allow_privilege_escalation: false, capabilities: { drop: ["ALL"] } });
    expect(container.resources).toEqual({ requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } });
  });

  test("the password: generated, kept in a Secret, read by Redis from it; never in the JSON", () => {
    const secret = only(json, "kubernetes_secret_v1");
    expect(secret.metadata.name).toBe("kong-redis-credentials");
    expect(secret.data.password).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    expect(container.env).toEqual([{ name: "REDIS_PASSWORD", value_from: { secret_key_ref: { name: "kong-redis-credentials", key: "password" } } }]);
    expect(container.args.slice(0, 2)).toEqual(["--requirepass", "$(REDIS_PASSWORD)"]);
  });

  test("no persistence (counters live a window long), memory kept at 75% of the limit, evicting keys nearest to expiry", () => {
    expect(container.args).toEqual(["--requirepass", "$(REDIS_PASSWORD)", "--save", "", "--appendonly", "no", "--maxmemory", "201326592", "--maxmemory-policy", "volatile-ttl"]);
  });

  test("Kong connects to the Service with the password as a vault reference read from its own environment", () => {
    expect(redis.connection).toEqual({ host: "kong-redis.kong.svc.cluster.local", port: 6379, password: KONG_REDIS_PASSWORD_REFERENCE });
    expect(redis.kongEnvFromSecrets).toEqual({ [KONG_REDIS_PASSWORD_ENV]: { name: "kong-redis-credentials", key: "password" } });
    expect(KONG_REDIS_PASSWORD_REFERENCE).toBe("{vault://env/kong-rate-limiting-redis-password}");
    expect(KONG_REDIS_PASSWORD_ENV).toBe("KONG_RATE_LIMITING_REDIS_PASSWORD");
    expect(only(json, "kubernetes_service_v1").spec).toMatchObject({ type: "ClusterIP", port: [{ port: 6379, target_port: "redis" }] });
  });

  test("the NetworkPolicy admits only Kong's pods, on 6379", () => {
    expect(only(json, "kubernetes_network_policy_v1").spec).toEqual({
      pod_selector: { match_labels: redis.podSelectorLabels },
      policy_types: ["Ingress"],
      ingress: [
        {
          from: [{ namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } }, pod_selector: { match_labels: KONG.proxySelectorLabels } }],
          ports: [{ port: "6379", protocol: "TCP" }],
        },
      ],
    });
  });

  test("without allowFrom nobody may connect, and the synth says so (Kong could not count)", () => {
    const { stack: closed } = redisStack(false);
    expect(synthProblems(closed)).toEqual([
      "[test/redis] allowFrom (none) must name Kong's pods (redis.allowFrom(kong)): the NetworkPolicy refuses every other pod, and Kong's rate-limiting plugins, unable to count, would let every request through",
    ]);
  });

  test("rejects a missing namespace, an unpinned image and a peer that would select every pod", () => {
    expectValidationError(
      () => new InClusterRedis(kubernetesStack(), "redis", { namespace: undefined as never, image: "redis:latest" }),
      [
        "[test/redis] namespace (undefined) is required: Kong's namespace (Kong's pods read the password Secret there)",
        '[test/redis] image ("redis:latest") must be pinned: a digest (repo@sha256:<64 hex>) or a full version tag (repo:MAJOR.MINOR.PATCH[-suffix])',
      ].join("\n"),
    );
    const { redis: r } = redisStack(false);
    expectValidationError(() => r.allowFrom({ namespace: "kong", proxySelectorLabels: {} }), "[test/redis] allowFrom.proxySelectorLabels ({}) must name at least one label: an empty selector matches every pod");
  });
});

describe("InClusterRedis waits", () => {
  test("a progress deadline and Terraform timeouts from its own budget (rolloutBudget)", () => {
    const { stack } = redisStack();
    const deployment = only(synth(stack), "kubernetes_deployment_v1");
    expect(deployment.spec.progress_deadline_seconds).toBe(380);
    expect(deployment.timeouts).toEqual({ create: "8m", update: "8m" });
    expect(deployment.spec.strategy).toEqual({ type: "Recreate" });
  });
});
