import { TerraformStack, TerraformVariable } from "cdktf";
import { databaseOf, proxyOf, shown } from "../../lib/catalog/read-kubernetes";
import { KongDatabase } from "../../lib/database/kong-database";
import { KongCluster } from "../../lib/kong/kong-cluster";
import { ProxyEndpoint } from "../../lib/kong/proxy-endpoint";
import { kubernetesStack, synth } from "../helpers";
import { gatewaySetup } from "./helpers";

describe("read-kubernetes", () => {
  test("shown: a literal as it is; a reference as its Terraform expression, and the stacks' JSON unchanged", () => {
    const { app, stack } = gatewaySetup();
    const other = new TerraformStack(app, "other");
    const host = new TerraformVariable(other, "host", { type: "string" });
    const before = JSON.stringify(synth(stack));
    expect(shown(stack, "literal")).toBe("literal");
    expect(shown(other, host.stringValue)).toBe("${var.host}");
    // resolved from a construct of another stack: still no cross-stack output or remote state appears
    expect(shown(stack, host.stringValue)).toBe("${var.host}");
    expect(JSON.stringify(synth(stack))).toBe(before);
  });

  test("a ClusterIP proxy with its own ports; a database made elsewhere is external", () => {
    const stack = kubernetesStack("platform");
    const database = KongDatabase.fromAttributes(stack, "db", { host: "pg.internal", passwordSecret: { name: "pg", key: "password" }, ssl: true });
    const kong = new KongCluster(stack, "kong", { namespace: "kong", database, proxy: ProxyEndpoint.clusterIp({ httpPort: 8080, httpsPort: 8443 }) });
    expect(proxyOf(kong)).toEqual({
      type: "ClusterIP",
      inClusterHost: "kong-proxy.kong.svc.cluster.local",
      httpPort: 8080,
      httpsPort: 8443,
      addressOutput: { stack: "platform", name: "kong_proxy_address" },
    });
    expect(databaseOf(kong)).toEqual({ kind: "external", host: "pg.internal", port: 5432, database: "kong", ssl: true });
  });
});
