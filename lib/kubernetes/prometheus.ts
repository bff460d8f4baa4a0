/**
 * Prometheus discovery by annotations: the convention of the prometheus-community `prometheus` Helm chart's scrape
 * jobs (`kubernetes-service-endpoints` reads them on Services, `kubernetes-pods` on pods), which many other agents
 * follow. Prometheus itself attaches no meaning to them; the Prometheus operator ignores them (use a ServiceMonitor or
 * PodMonitor, see README "Metrics").
 *
 * Put them on a Service OR on its pods, never both: a Prometheus that runs both jobs would scrape every target twice.
 */
export const DEFAULT_METRICS_PATH = "/metrics";

/** `prometheus.io/scrape`, `/port` and `/path` for an HTTP endpoint on `port`. */
export function prometheusScrapeAnnotations(port: number, path: string = DEFAULT_METRICS_PATH): Record<string, string> {
  return {
    "prometheus.io/scrape": "true",
    "prometheus.io/port": String(port),
    "prometheus.io/path": path,
  };
}
