import { App, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { ApiCatalog as ApiCatalogType } from "../lib/catalog/api-catalog";
import { KongGateway } from "../lib/gateway/gateway";
import { DetectionService } from "../lib/models/detection-service";

/** Peer labels of Kong's proxy pods (what a KongCluster provides). */
const KONG = { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } };

/**
 * N models through the public API with the realistic default policy set: Deployment, VIP, autoscaler, disruption
 * budget, NetworkPolicy; Kong service, route, key-auth, ACL, rate limit, payload limit. Two stacks, as deployed.
 */
export function build(app: App, n: number): KongGateway {
  const k8s = new TerraformStack(app, "models");
  new KubernetesProvider(k8s, "kubernetes", { configPath: "~/.kube/config" });
  const gw = new TerraformStack(app, "gateway");
  const gateway = new KongGateway(gw, "gateway", { adminUrl: "http://localhost:8001" });
  for (let i = 0; i < n; i++) {
    const name = `model-${i}`;
    new DetectionService(k8s, name, {
      name,
      namespace: "models",
      image: `registry.internal/ai/${name}:1.0.0`,
      gateway,
      kong: KONG,
    });
  }
  return gateway;
}

/** Milliseconds the catalog spent reading the constructs, rendering and writing its files (the `catalog` case). */
export const catalogTiming = { ms: 0 };

/**
 * The same platform with its API catalog, as AiPlatform makes it: at synth, the gateway stack's synthesis also writes
 * openapi.json, catalog.md, catalog.json and topology.mmd. No resource is added: the work compared is the same.
 */
export function buildWithCatalog(app: App, n: number): void {
  // loaded here, not at the top: the library case loads only the modules it uses (as the baseline does), and the
  // catalog case pays for loading the catalog's modules inside its timed region
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ApiCatalog } = require("../lib/catalog/api-catalog") as { ApiCatalog: typeof ApiCatalogType };
  const gateway = build(app, n);
  const catalog = new ApiCatalog(gateway.stack, "catalog", { gateway, directory: "bench" });
  const write = catalog.write.bind(catalog);
  catalog.write = (outdir: string) => {
    const start = process.hrtime.bigint();
    const paths = write(outdir);
    catalogTiming.ms += Number(process.hrtime.bigint() - start) / 1e6;
    return paths;
  };
}
