import { bool } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { optionsOf, PolicySpec } from "./render";

/**
 * Options of Kong's prometheus plugin (Kong/kong 3.9.1 `kong/plugins/prometheus/schema.lua`). Metrics are served on
 * Kong's status listener (/metrics).
 * https://developer.konghq.com/plugins/prometheus/
 */
export interface PrometheusOptions {
  /** Label metrics with the consumer. @default false */
  readonly perConsumer?: boolean;
  /** Export HTTP status code metrics. @default false */
  readonly statusCodeMetrics?: boolean;
  /** Export latency histograms. @default false */
  readonly latencyMetrics?: boolean;
  /** Export bandwidth metrics. @default false */
  readonly bandwidthMetrics?: boolean;
  /** Export upstream target health metrics. @default false */
  readonly upstreamHealthMetrics?: boolean;
  /** Export AI plugin metrics. @default false */
  readonly aiMetrics?: boolean;
}

export function prometheus(options?: PrometheusOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("prometheus");
  const fields = {
    per_consumer: o.perConsumer,
    status_code_metrics: o.statusCodeMetrics,
    latency_metrics: o.latencyMetrics,
    bandwidth_metrics: o.bandwidthMetrics,
    upstream_health_metrics: o.upstreamHealthMetrics,
    ai_metrics: o.aiMetrics,
  };
  const labels: Record<string, string> = {
    per_consumer: "perConsumer",
    status_code_metrics: "statusCodeMetrics",
    latency_metrics: "latencyMetrics",
    bandwidth_metrics: "bandwidthMetrics",
    upstream_health_metrics: "upstreamHealthMetrics",
    ai_metrics: "aiMetrics",
  };
  const config: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(fields)) {
    bool(v, labels[k], value);
    config[k] = value ?? false;
  }
  return {
    name: "prometheus",
    label: "prometheus",
    config: v.isEmpty ? config : {},
    problems: v.items,
  };
}
