import { ExistingRedis } from "../../lib/redis/existing-redis";
import { expectValidationError, kubernetesStack, synth } from "../helpers";

describe("ExistingRedis", () => {
  test("creates nothing; Kong connects with TLS and reads the password Secret as a vault reference", () => {
    const stack = kubernetesStack();
    const redis = new ExistingRedis(stack, "redis", { host: "redis.prod.internal", ssl: true, sslVerify: true, passwordSecret: { name: "kong-redis", key: "password" } });
    expect(synth(stack).resource).toBeUndefined();
    expect(redis.connection).toEqual({ host: "redis.prod.internal", ssl: true, sslVerify: true, password: "{vault://env/kong-rate-limiting-redis-password}" });
    expect(redis.kongEnvFromSecrets).toEqual({ KONG_RATE_LIMITING_REDIS_PASSWORD: { name: "kong-redis", key: "password" } });
    // ssl_verify checks against lua_ssl_trusted_certificate: Kong's pods get the image's CA bundle
    expect(redis.kongEnv).toEqual({ KONG_LUA_SSL_TRUSTED_CERTIFICATE: "system" });
  });

  test("without a password or TLS, Kong needs nothing", () => {
    const redis = new ExistingRedis(kubernetesStack(), "redis", { host: "10.0.0.7", port: 6380 });
    expect(redis.connection).toMatchObject({ host: "10.0.0.7", port: 6380, password: undefined });
    expect(redis.kongEnvFromSecrets).toEqual({});
    expect(redis.kongEnv).toEqual({});
  });

  test("rejects a host with a port, a Secret key Kubernetes refuses, and verification without TLS", () => {
    expectValidationError(
      () => new ExistingRedis(kubernetesStack(), "redis", { host: "redis:6379", passwordSecret: { name: "kong-redis", key: "pass word" }, sslVerify: true }),
      [
        '[test/redis] host ("redis:6379") must not have a port: set the port separately',
        "[test/redis] passwordSecret.key (\"pass word\") must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'",
        "[test/redis] sslVerify (true) is only used with ssl: true: set ssl, or remove it",
      ].join("\n"),
    );
  });
});
