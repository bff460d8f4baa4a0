import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DetectionService } from "../../lib/models/detection-service";
import { KongGateway } from "../../lib/gateway/gateway";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { expectValidationError, resources } from "../helpers";
import { faceProps, idsOf, KONG, model, setup } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

describe("addGatewayEntities", () => {
  test("construct ids are a contract: every Kong entity of a model sits in one scope named after the model", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    expect(idsOf(json, "kong_service")).toEqual(["gateway_face-detection_Service_C32298DD"]);
    expect(idsOf(json, "kong_route")).toEqual(["gateway_face-detection_Service_v1-face-detection_45F70441"]);
    expect(idsOf(json, "kong_plugin")).toEqual([
      "gateway_face-detection_Service_Plugins_acl_AC96952C",
      "gateway_face-detection_Service_Plugins_key-auth_95B34EA6",
      "gateway_face-detection_Service_Plugins_rate-limiting_94B29641",
      "gateway_face-detection_Service_Plugins_request-size-limiting_3193F708",
    ]);
    expect(idsOf(json, "kong_upstream")).toEqual(["gateway_face-detection_Upstream_9F95E9D2"]);
    expect(idsOf(json, "kong_target")).toEqual(["gateway_face-detection_Upstream_Target0_9BE3AC7C", "gateway_face-detection_Upstream_Target1_F9162C42"]);
  });

  test("a route's id comes from its name, so adding, removing or reordering routes keeps the others", () => {
    const first = model({ routes: [{ name: "detect", paths: ["/v1/face-detection"] }] }).json;
    const more = model({
      routes: [
        { name: "batch", paths: ["/v1/face-detection/batch"] },
        { name: "detect", paths: ["/v1/face-detection"] },
      ],
    }).json;
    const id = idsOf(first, "kong_route")[0];
    expect(idsOf(more, "kong_route")).toContain(id);
    expect(first.resource.kong_route[id].name).toBe("face-detection-detect");
    expect(more.resource.kong_route[id].name).toBe("face-detection-detect");
  });

  test("Kong route names: <model>-<route name>; a model's only unnamed route keeps the model's name", () => {
    const names = (json: any) => resources(json, "kong_route").map((r) => r.name).sort();
    expect(names(model().json)).toEqual(["face-detection"]);
    expect(names(model({ routes: [{ name: "detect", paths: ["/v1/face"] }] }).json)).toEqual(["face-detection-detect"]);
    const two = model({ routes: [{ paths: ["/v1/face-detection"] }, { paths: ["/v2/face-detection"] }] }).json;
    expect(names(two)).toEqual(["face-detection-v1-face-detection", "face-detection-v2-face-detection"]);
  });

  test("a route's plugins attach to that route only, under its id", () => {
    const { json } = model({
      routes: [{ paths: ["/v1/face-detection"] }, { name: "batch", paths: ["/v1/face-detection/batch"], plugins: [Plugin.rateLimiting({ minute: 10 })] }],
    });
    const batch = resources(json, "kong_plugin").filter((p) => p.route_id);
    expect(batch).toHaveLength(1);
    expect(JSON.parse(batch[0].config_json)).toMatchObject({ minute: 10 });
    expect(batch[0].route_id).toBe("${kong_route.gateway_face-detection_Service_batch_CD7DF60B.id}");
  });

  test("a canary's service points at its upstream and retries twice", () => {
    const { json } = model({ canary: { image: "registry.local/ai/face-detection:1.5.0", weightPercent: 10 } });
    expect(resources(json, "kong_service")[0]).toMatchObject({ host: "face-detection.upstream", retries: 2 });
  });
});

describe("a model in a gateway configured elsewhere", () => {
  test("registers its service and routes through KongGateway.fromAdminUrl", () => {
    // GIVEN a model team's app with the platform's gateway imported by URL
    const app = Testing.app();
    const stack = new TerraformStack(app, "team");
    new KubernetesProvider(stack, "kubernetes", {});
    const gateway = KongGateway.fromAdminUrl(stack, "platform-gateway", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
    // WHEN a model is added to it
    new DetectionService(stack, "ocr", { name: "ocr", namespace: "team-a", image: "r/ocr:1.0.0", gateway, kong: KONG });
    const json = JSON.parse(Testing.synth(stack, true));
    // THEN its Kong entities sit in the model's scope of that gateway
    expect(idsOf(json, "kong_service")).toEqual(["platform-gateway_ocr_Service_50D1D8EE"]);
    expect(resources(json, "kong_route").map((r) => r.name)).toEqual(["ocr"]);
  });
});

describe("what the gateway refuses is reported at the model, under its prop names", () => {
  test("a path another model already routes", () => {
    const { stack, gateway } = setup();
    new DetectionService(stack, "a", faceProps(gateway, { name: "a", routes: [{ paths: ["/v1/shared"] }] }));
    expectValidationError(() => new DetectionService(stack, "b", faceProps(gateway, { name: "b", routes: [{ paths: ["/v1/shared"] }] })), 
      '[platform/b] routes[0].paths ("/v1/shared") with host "*" and method "POST" is already routed by platform/gateway/a/Service/v1-shared: Kong would send these requests to only one of them; change the paths, hosts, methods or headers',
    );
  });

  test("a method Kong rejects", () => {
    expectValidationError(() => model({ routes: [{ paths: ["/v1/face"], methods: ["post"] }] }), 
      '[platform/face] routes[0].methods[0] ("post") must be an HTTP method in uppercase letters, e.g. POST',
    );
  });

  test("a plugin the model already carries", () => {
    expectValidationError(() => model({ plugins: [Plugin.keyAuth()] }), 
      '[platform/face] plugins[0] ("key-auth") conflicts with the key-auth plugin already attached to this service: Kong allows one instance of a plugin per scope; put all options into one policy',
    );
  });

  test("two policies of one plugin on a route", () => {
    const twice = [Plugin.rateLimiting({ minute: 10 }), Plugin.rateLimiting({ minute: 20 })];
    expectValidationError(() => model({ routes: [{ paths: ["/v1/face"], plugins: twice }] }), 
      '[platform/face] routes[0].plugins[1] ("rate-limiting") conflicts with the rate-limiting plugin already attached to this route: Kong allows one instance of a plugin per scope; put all options into one policy',
    );
  });
});

describe("DetectionService across stacks", () => {
  test("Kubernetes objects in the platform stack, Kong entities in the gateway stack, which depends on it without cross-stack references", () => {
    // GIVEN a platform stack and a gateway stack
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "ds-")) });
    const platform = new TerraformStack(app, "platform");
    new KubernetesProvider(platform, "kubernetes", {});
    const gatewayStack = new TerraformStack(app, "gateway");
    const gateway = new KongGateway(gatewayStack, "gateway", { adminUrl: "http://localhost:8001" });
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
    expect(Object.keys(g.resource).sort()).toEqual(["kong_plugin", "kong_route", "kong_service", "terraform_data"]);
    expect(gatewayStack.dependencies).toContain(platform);
    expect(g.data?.terraform_remote_state).toBeUndefined();
    expect(p.output).toBeUndefined();
  });
});

