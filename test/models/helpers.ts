// Builders of the models' tests: a platform stack with a gateway, and the model "face-detection" in it. Generic helpers
// (synth, resource look-ups, exact ValidationErrors) come from test/helpers.ts.
import { KongGateway } from "../../lib/gateway/gateway";
import { DetectionService, DetectionServiceProps } from "../../lib/models/detection-service";
import { Json, kubernetesStack, resources, synth } from "../helpers";

/** Peer labels of Kong's proxy pods (what a KongCluster provides). */
export const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

/** A stack "platform" with a Kubernetes provider and a gateway "gateway". */
export function setup() {
  const stack = kubernetesStack("platform");
  const gateway = new KongGateway(stack, "gateway", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
  return { stack, gateway };
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
  return { stack, gateway, svc, json: synth(stack) };
}

/** The logical ids of the resources of one type, sorted. */
export const idsOf = (json: Json, type: string): string[] => Object.keys(json.resource?.[type] ?? {}).sort();

/** The kong_plugins by plugin name. */
export const plugins = (json: Json): Record<string, Json> => Object.fromEntries(resources(json, "kong_plugin").map((p) => [p.name, p]));
