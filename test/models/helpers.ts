import { TerraformStack, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DetectionService, DetectionServiceProps } from "../../lib/models/detection-service";
import { KongGateway } from "../../lib/gateway/gateway";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

/** Peer labels of Kong's proxy pods (what a KongCluster provides). */
export const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

/** A stack "platform" with a Kubernetes provider and a gateway "gateway". */
export function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, "platform");
  new KubernetesProvider(stack, "kubernetes", {});
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
  return { app, stack, gateway };
}

/** The props of the model "face-detection" (id "face"), with overrides. */
export function faceProps(gateway: KongGateway, overrides: Partial<DetectionServiceProps> = {}): DetectionServiceProps {
  return {
    name: "face-detection",
    namespace: "models",
    image: "registry.local/ai/face-detection:1.4.2",
    gateway,
    kong: KONG,
    ...overrides,
  };
}

/** One model "face-detection" at platform/face, synthesized with validations. */
export function model(overrides: Partial<DetectionServiceProps> = {}) {
  const { stack, gateway } = setup();
  const svc = new DetectionService(stack, "face", faceProps(gateway, overrides));
  return { stack, gateway, svc, json: JSON.parse(Testing.synth(stack, true)) };
}

/** The resources of one type. */
export const only = (json: any, type: string): any[] => Object.values<any>(json.resource[type] ?? {});

/** The logical ids of the resources of one type, sorted. */
export const idsOf = (json: any, type: string): string[] => Object.keys(json.resource[type] ?? {}).sort();

/** The kong_plugins by plugin name. */
export const plugins = (json: any): Record<string, any> => Object.fromEntries(only(json, "kong_plugin").map((p) => [p.name, p]));
