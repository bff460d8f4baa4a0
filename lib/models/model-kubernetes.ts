import { Construct } from "constructs";
import { selectorLabels, standardLabels } from "../core/labels";
import { imageVersion } from "../core/naming";
import { prometheusScrapeAnnotations } from "../kubernetes/prometheus";
import { Vip } from "../kubernetes/vip";
import { IKongProxyPeer, ModelIsolation } from "./model-isolation";
import { ModelWorkload, ModelWorkloadProps } from "./model-workload";
import type { ResolvedModel } from "./resolved";

/** The Kubernetes objects of one model. */
export interface ModelKubernetesObjects {
  readonly workload: ModelWorkload;
  readonly canaryWorkload?: ModelWorkload;
  readonly isolation: ModelIsolation;
}

type Track = "stable" | "canary";

/**
 * The Kubernetes side of a model, as children of `model` (ids `Workload`, `Canary`, `Isolation`: Terraform
 * addresses that must not change): the stable version's workload, the canary's when configured, and one
 * NetworkPolicy that covers both tracks and admits only Kong's proxy pods (and a LoadBalancer VIP's ranges).
 */
export function addKubernetesObjects(model: Construct, p: ResolvedModel, kong: IKongProxyPeer): ModelKubernetesObjects {
  const common = commonWorkloadProps(p);
  const stable = trackLabels(p.name, "stable", p.image);
  const workload = new ModelWorkload(model, "Workload", {
    ...common,
    ...stable,
    name: p.name,
    image: p.image,
    scaling: p.scaling,
    vip: p.vip,
  });
  let canaryWorkload: ModelWorkload | undefined;
  if (p.canary) {
    canaryWorkload = new ModelWorkload(model, "Canary", {
      ...common,
      ...trackLabels(p.name, "canary", p.canary.image),
      name: `${p.name}-canary`,
      image: p.canary.image,
      scaling: p.canary.scaling,
      // The canary is reached only through Kong's upstream, never from outside.
      vip: Vip.clusterIp({ port: p.vip.port }),
    });
  }
  const isolation = new ModelIsolation(model, "Isolation", {
    name: p.name,
    namespace: p.namespace,
    modelSelector: { "app.kubernetes.io/name": p.name, "app.kubernetes.io/component": "model" },
    port: p.port,
    kong,
    allowCidrs: p.vip.sourceRanges ? [...p.vip.sourceRanges] : undefined,
    metrics: p.metrics && { port: p.metrics.port, scrapers: p.metrics.scrapers },
  });
  return { workload, canaryWorkload, isolation };
}

type CommonWorkloadProps = Omit<ModelWorkloadProps, "name" | "labels" | "selector" | "image" | "scaling" | "vip">;

function commonWorkloadProps(p: ResolvedModel): CommonWorkloadProps {
  return {
    namespace: p.namespace,
    port: p.port,
    protocol: p.protocol,
    resources: p.resources,
    probes: p.probes,
    imagePullSeconds: p.imagePullSeconds,
    env: p.env,
    configMaps: p.configMaps,
    secrets: p.secrets,
    runAsUser: p.runAsUser,
    podAnnotations: {
      ...(p.public ? { "ai-platform/public-reason": p.public.reason } : {}),
      // on the pods, not the VIP: the VIP serves the model's port only, and the canary's pods are scraped too
      ...(p.metrics ? prometheusScrapeAnnotations(p.metrics.port, p.metrics.path) : {}),
    },
    rollout: p.rollout,
    metricsPort: p.metrics && p.metrics.port !== p.port ? p.metrics.port : undefined,
    serverTlsSecret: p.serverTls?.secretName,
  };
}

/** The labels of one track's objects, and the selector that picks exactly that track's pods. */
function trackLabels(name: string, track: Track, image: string): Pick<ModelWorkloadProps, "labels" | "selector"> {
  const instance = track === "stable" ? name : `${name}-canary`;
  const selector = { ...selectorLabels({ name, instance, component: "model" }), "ai-platform/track": track };
  const labels = {
    ...standardLabels({ name, instance, component: "model", partOf: "ai-platform", version: imageVersion(image) }),
    "ai-platform/track": track,
  };
  return { labels, selector };
}
