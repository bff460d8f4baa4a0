import { DEFAULT_METRICS_PATH, prometheusScrapeAnnotations } from "../../lib/kubernetes/prometheus";

describe("prometheusScrapeAnnotations", () => {
  test("scrape, port and path; the path defaults to /metrics", () => {
    // GIVEN a port WHEN annotated THEN the three annotations, as strings
    expect(DEFAULT_METRICS_PATH).toBe("/metrics");
    expect(prometheusScrapeAnnotations(8100)).toEqual({ "prometheus.io/scrape": "true", "prometheus.io/port": "8100", "prometheus.io/path": "/metrics" });
    expect(prometheusScrapeAnnotations(9090, "/stats/prometheus")["prometheus.io/path"]).toBe("/stats/prometheus");
  });
});
