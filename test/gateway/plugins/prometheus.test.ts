import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("prometheus", () => {
  test("defaults: every metric group off", () => {
    // GIVEN no options WHEN rendered THEN all six booleans are false
    expect(rendered(Plugin.prometheus())).toEqual({
      per_consumer: false,
      status_code_metrics: false,
      latency_metrics: false,
      bandwidth_metrics: false,
      upstream_health_metrics: false,
      ai_metrics: false,
    });
  });

  test("typical: status codes and latency", () => {
    expect(rendered(Plugin.prometheus({ statusCodeMetrics: true, latencyMetrics: true }))).toMatchObject({ status_code_metrics: true, latency_metrics: true });
  });

  test("rejects a non-boolean flag", () => {
    expect(attachError(Plugin.prometheus({ perConsumer: 1 as any }))).toBe("[stack/gw/svc] prometheus.perConsumer (1) must be true or false");
  });
});
