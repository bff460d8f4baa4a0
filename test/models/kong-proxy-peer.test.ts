import { Token } from "cdktf";
import { DetectionService, KongGateway, KongProxyPeer } from "../../lib";
import { byName, expectValidationError, kubernetesStack, synth } from "../helpers";

const LABELS = { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" };

describe("KongProxyPeer.fromAttributes", () => {
  test("a peer made elsewhere is what a model admits, like a KongCluster", () => {
    // GIVEN a stack without a KongCluster, and Kong's proxy pods as the platform publishes them
    const stack = kubernetesStack();
    const gateway = KongGateway.fromAdminUrl(stack, "kong", { adminUrl: "http://kong-admin.kong.svc.cluster.local:8001" });
    const kong = KongProxyPeer.fromAttributes({ namespace: "kong", proxySelectorLabels: LABELS });
    // WHEN a model is added with it
    new DetectionService(stack, "ocr", { name: "ocr", namespace: "team-a", image: "r/ocr:1.0.0", gateway, kong });
    // THEN its NetworkPolicy admits exactly those pods
    expect(byName(synth(stack), "kubernetes_network_policy_v1", "ocr-allow-kong").spec.ingress[0].from[0]).toEqual({
      namespace_selector: { match_labels: { "kubernetes.io/metadata.name": "kong" } },
      pod_selector: { match_labels: LABELS },
    });
  });

  test("the peer is a frozen copy: changing the given labels later changes nothing", () => {
    const labels: Record<string, string> = { ...LABELS };
    const peer = KongProxyPeer.fromAttributes({ namespace: "kong", proxySelectorLabels: labels });
    labels["app.kubernetes.io/name"] = "other";
    expect(peer).toEqual({ namespace: "kong", proxySelectorLabels: LABELS });
    expect(Object.isFrozen(peer) && Object.isFrozen(peer.proxySelectorLabels)).toBe(true);
  });

  test("refuses an empty or unknown selector (it would admit every pod, or cannot be planned) and a bad namespace", () => {
    expectValidationError(
      () => KongProxyPeer.fromAttributes({ namespace: "Kong", proxySelectorLabels: {} }),
      [
        "[KongProxyPeer.fromAttributes] attrs.namespace (\"Kong\") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit",
        "[KongProxyPeer.fromAttributes] attrs.proxySelectorLabels ({}) must name at least one label: an empty selector matches every pod",
      ].join("\n"),
    );
    expectValidationError(
      () => KongProxyPeer.fromAttributes({ namespace: "kong", proxySelectorLabels: Token.asAny({ a: "b" }) as unknown as Record<string, string> }),
      '[KongProxyPeer.fromAttributes] attrs.proxySelectorLabels ("<token>") must be a literal map: a selector must be known when the plan is made',
    );
  });
});
