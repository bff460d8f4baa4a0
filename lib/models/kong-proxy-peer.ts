import { Problems } from "../core/errors";
import { checkKongPeer, IKongProxyPeer } from "./model-isolation";

/** Where Kong's proxy pods run, as the platform that runs Kong publishes it. */
export interface KongProxyPeerAttributes {
  /** Namespace of Kong's pods, e.g. "kong". */
  readonly namespace: string;
  /** Labels that select exactly Kong's proxy pods (a `KongCluster`'s `proxySelectorLabels`). */
  readonly proxySelectorLabels: Record<string, string>;
}

/**
 * Kong's proxy pods as the peers a model admits, for an app that does not own the Kong cluster (a model team's app
 * attached to the platform): `DetectionService`'s `kong` prop takes a `KongCluster` or one of these.
 * ```ts
 * const kong = KongProxyPeer.fromAttributes({ namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/name": "kong", ... } });
 * new DetectionService(stack, "ocr", { ..., kong });
 * ```
 */
export class KongProxyPeer {
  /**
   * A proxy peer from its namespace and pod labels, checked now: the labels must be a literal, non-empty map (a
   * NetworkPolicy's selector must be known when the plan is made, and an empty one admits every pod).
   */
  public static fromAttributes(attrs: KongProxyPeerAttributes): IKongProxyPeer {
    const v = new Problems("KongProxyPeer.fromAttributes");
    checkKongPeer(v, "attrs", attrs ?? null);
    v.throwIfAny();
    return Object.freeze({ namespace: attrs.namespace, proxySelectorLabels: Object.freeze({ ...attrs.proxySelectorLabels }) });
  }

  private constructor() {}
}
