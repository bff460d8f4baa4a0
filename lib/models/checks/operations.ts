import { integerIn, plainObject } from "../../core/checks";
import { Problems } from "../../core/errors";
import { rolloutProp } from "../../kubernetes/rollout";
import { checkMetricsScrapers } from "../model-isolation";
import type { DetectionServiceProps, ModelMetricsScraper } from "../props";
import { MODEL_DEFAULTS, ResolvedModel, ResolvedModelMetrics } from "../resolved";

type Operations = Pick<ResolvedModel, "rollout" | "metrics">;

/** How the model rolls out and how its metrics are scraped. `workload` holds the checked port and protocol. */
export function checkOperations(v: Problems, props: DetectionServiceProps, workload: Pick<ResolvedModel, "port" | "protocol">): Operations {
  // A GPU model replaces its pods in place: a surge pod would need a spare GPU, and on a full pool it stays Pending.
  const gpu = props.resources !== null && typeof props.resources === "object" && props.resources.gpu !== undefined;
  const rollout = rolloutProp(v, "rollout", props.rollout, gpu ? MODEL_DEFAULTS.gpuRollout : MODEL_DEFAULTS.rollout);
  return { rollout, metrics: checkMetrics(v, props.metrics, workload) };
}

const PATH = /^\/[\x21-\x7e]*$/;

function checkMetrics(v: Problems, metrics: unknown, workload: Pick<ResolvedModel, "port" | "protocol">): ResolvedModelMetrics | undefined {
  if (metrics === undefined) return undefined;
  if (!plainObject(v, "metrics", metrics, "must be an object { port?, path?, scrapers? }")) return undefined;
  const m = metrics as { port?: unknown; path?: unknown; scrapers?: unknown };
  const port = m.port ?? workload.port;
  integerIn(v, "metrics.port", port, 1, 65535);
  const path = m.path ?? MODEL_DEFAULTS.metricsPath;
  if (typeof path !== "string" || !PATH.test(path)) v.add("metrics.path", path, 'must be an HTTP path starting with "/", e.g. "/metrics"');
  const scrapers = checkMetricsScrapers(v, "metrics.scrapers", m.scrapers) ? (m.scrapers as ModelMetricsScraper[] | undefined) : undefined;
  if (port === workload.port) {
    if (workload.protocol === "grpc") {
      v.add("metrics.port", port, "is the model's gRPC port, which Prometheus cannot scrape over HTTP: give the metrics port of the model server");
    } else if (m.scrapers === undefined) {
      v.add(
        "metrics.scrapers",
        undefined,
        `is required when the metrics share the model's port (${workload.port}): admitting any pod there would let it call the model without Kong. Name the scrapers, e.g. [{ namespace: "monitoring" }], or give the metrics port of the model server`,
      );
    }
  }
  return { port: port as number, path: path as string, scrapers };
}

