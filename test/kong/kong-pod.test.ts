import { KongDatabase } from "../../lib/database/kong-database";
import { TerraformStack, Testing } from "cdktf";
import {
  DEFAULT_KONG_RESOURCES,
  KONG_PORTS,
  kongContainerSecurityContext,
  kongEnvironment,
  kongPodSecurityContext,
  kongVolumeMounts,
  kongVolumes,
  MANAGED_ENV,
} from "../../lib/kong/kong-pod";

function database(ssl: boolean, sslVerify: boolean) {
  return KongDatabase.fromAttributes(new TerraformStack(Testing.app(), "t"), "db", {
    host: "db.example",
    port: 6432,
    databaseName: "gw",
    user: "gw_user",
    passwordSecret: { name: "pg", key: "pw" },
    ssl,
    sslVerify,
  });
}

describe("kongEnvironment", () => {
  test("database settings come from the database, the password from its Secret (last, by reference)", () => {
    // GIVEN a database without TLS WHEN the environment is built
    const env = kongEnvironment({ database: database(false, false), workerProcesses: 3, httpPort: 80, httpsPort: 443 });
    // THEN
    const byName = Object.fromEntries(env.map((e) => [e.name, e]));
    expect(byName.KONG_PG_HOST.value).toBe("db.example");
    expect(byName.KONG_PG_PORT.value).toBe("6432");
    expect(byName.KONG_PG_DATABASE.value).toBe("gw");
    expect(byName.KONG_PG_USER.value).toBe("gw_user");
    expect(byName.KONG_PG_SSL.value).toBe("off");
    expect(byName.KONG_PG_SSL_VERIFY.value).toBe("off");
    expect(byName.KONG_LUA_SSL_TRUSTED_CERTIFICATE).toBeUndefined();
    expect(byName.KONG_NGINX_WORKER_PROCESSES.value).toBe("3");
    expect(env[env.length - 1]).toEqual({ name: "KONG_PG_PASSWORD", valueFrom: { secretKeyRef: { name: "pg", key: "pw" } } });
    const names = env.slice(0, -1).map((e) => e.name);
    expect(names).toEqual([...names].sort());
  });

  test("TLS with verification trusts the system store", () => {
    // GIVEN a verified TLS database WHEN / THEN
    const env = kongEnvironment({ database: database(true, true), workerProcesses: 2, httpPort: 80, httpsPort: 443 });
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value]));
    expect([byName.KONG_PG_SSL, byName.KONG_PG_SSL_VERIFY, byName.KONG_LUA_SSL_TRUSTED_CERTIFICATE]).toEqual(["on", "on", "system"]);
  });

  test("port maps follow the Service ports; extra settings override defaults", () => {
    // GIVEN custom ports and extra settings WHEN / THEN
    const env = kongEnvironment({
      database: database(true, false),
      workerProcesses: 2,
      httpPort: 8080,
      httpsPort: 8443,
      extra: { KONG_PLUGINS: "bundled,my-plugin", KONG_PROXY_ACCESS_LOG: "off" },
    });
    const byName = Object.fromEntries(env.map((e) => [e.name, e.value]));
    expect(byName.KONG_PORT_MAPS).toBe("8080:8000, 8443:8443");
    expect(byName.KONG_PLUGINS).toBe("bundled,my-plugin");
    expect(byName.KONG_PROXY_ACCESS_LOG).toBe("off");
  });

  test("pins the router flavor and the stream logs instead of inheriting Kong's defaults; env may still choose", () => {
    // GIVEN the default environment, and one that picks the expressions router WHEN built
    const values = (extra?: Record<string, string>) =>
      Object.fromEntries(kongEnvironment({ database: database(false, false), workerProcesses: 2, httpPort: 80, httpsPort: 443, extra }).map((e) => [e.name, e.value]));
    const defaults = values();
    // THEN Kong 3.9's default router and the chart's stream log destinations are written out
    expect(defaults.KONG_ROUTER_FLAVOR).toBe("traditional_compatible");
    expect(defaults.KONG_PROXY_STREAM_ACCESS_LOG).toBe("/dev/stdout basic");
    expect(defaults.KONG_PROXY_STREAM_ERROR_LOG).toBe("/dev/stderr");
    expect(MANAGED_ENV).not.toContain("KONG_ROUTER_FLAVOR");
    expect(values({ KONG_ROUTER_FLAVOR: "expressions" }).KONG_ROUTER_FLAVOR).toBe("expressions");
  });

  test("settings from Secrets follow the plain ones, sorted with the database password", () => {
    // GIVEN two settings read from Secrets WHEN the environment is built
    const env = kongEnvironment({
      database: database(true, false),
      workerProcesses: 2,
      httpPort: 80,
      httpsPort: 443,
      fromSecrets: { KONG_SESSION: { name: "s", key: "b" }, KONG_ADMIN_GUI_SESSION_CONF: { name: "s", key: "a" } },
    });
    // THEN every value_from entry comes last, by name
    expect(env.slice(-3)).toEqual([
      { name: "KONG_ADMIN_GUI_SESSION_CONF", valueFrom: { secretKeyRef: { name: "s", key: "a" } } },
      { name: "KONG_PG_PASSWORD", valueFrom: { secretKeyRef: { name: "pg", key: "pw" } } },
      { name: "KONG_SESSION", valueFrom: { secretKeyRef: { name: "s", key: "b" } } },
    ]);
    expect(env.slice(0, -3).every((e) => e.value !== undefined)).toBe(true);
  });
});

describe("pod building blocks", () => {
  test("ports, resources, security contexts and scratch volumes match the chart", () => {
    // GIVEN / WHEN / THEN
    expect(KONG_PORTS).toEqual({ proxy: 8000, proxyTls: 8443, admin: 8001, adminTls: 8444, status: 8100 });
    expect(DEFAULT_KONG_RESOURCES).toEqual({ requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } });
    expect(kongPodSecurityContext()).toEqual({ runAsNonRoot: true, runAsUser: "1000", runAsGroup: "1000", seccompProfile: { type: "RuntimeDefault" } });
    expect(kongContainerSecurityContext()).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
    expect(kongVolumes().map((v) => v.emptyDir.sizeLimit)).toEqual(["256Mi", "1Gi"]);
    expect(kongVolumeMounts().map((m) => m.mountPath)).toEqual(["/kong_prefix/", "/tmp"]);
    expect(MANAGED_ENV).toContain("KONG_PG_PASSWORD");
  });
});
