import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DetectionService } from "../../lib/models/detection-service";
import { KongGateway } from "../../lib/gateway/gateway";
import { idsOf, KONG, model, only } from "./helpers";

describe("addGatewayEntities", () => {
  test("the Kong entities of a model and their Terraform addresses", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    expect(idsOf(json, "kong_service")).toEqual(["gateway_face-detection-service_6E359D3D"]);
    expect(idsOf(json, "kong_route")).toEqual(["gateway_face-detection-service_face-detection-route-0_873DB58B"]);
    expect(idsOf(json, "kong_upstream")).toEqual(["gateway_face-detection-upstream_B0B7C742"]);
    expect(idsOf(json, "kong_plugin")).toEqual([
      "gateway_face-detection-service_Plugins_acl_4A7EFF89",
      "gateway_face-detection-service_Plugins_key-auth_647E4D61",
      "gateway_face-detection-service_Plugins_rate-limiting_58F5C0C0",
      "gateway_face-detection-service_Plugins_request-size-limiting_4E9320FE",
    ]);
  });

  test("a canary's upstream has passive health checks and the service retries twice", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    expect(only(json, "kong_upstream")[0].healthchecks.passive.unhealthy).toMatchObject({ http_failures: 5, timeouts: 3 });
    expect(only(json, "kong_service")[0].retries).toBe(2);
  });
});

describe("DetectionService across stacks", () => {
  test("Kubernetes objects in the platform stack, Kong entities in the gateway stack, which depends on it without cross-stack references", () => {
    // GIVEN a platform stack and a gateway stack
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "ds-")) });
    const platform = new TerraformStack(app, "platform");
    new KubernetesProvider(platform, "kubernetes", {});
    const gatewayStack = new TerraformStack(app, "gateway");
    const gateway = new KongGateway(gatewayStack, "gateway", { adminUri: "http://localhost:8001" });
    // WHEN a model is defined in the platform stack
    new DetectionService(platform, "face", { name: "face-detection", namespace: "models", image: "r/face:1.0.0", gateway, kong: KONG });
    const p = JSON.parse(Testing.synth(platform, true));
    const g = JSON.parse(Testing.synth(gatewayStack, true));
    // THEN each stack holds its half, the gateway stack depends on the platform, and no remote state is needed
    expect(Object.keys(p.resource).sort()).toEqual([
      "kubernetes_deployment_v1",
      "kubernetes_horizontal_pod_autoscaler_v2",
      "kubernetes_network_policy_v1",
      "kubernetes_pod_disruption_budget_v1",
      "kubernetes_service_v1",
    ]);
    expect(Object.keys(g.resource).sort()).toEqual(["kong_plugin", "kong_route", "kong_service"]);
    expect(gatewayStack.dependencies).toContain(platform);
    expect(g.data?.terraform_remote_state).toBeUndefined();
    expect(p.output).toBeUndefined();
  });
});

