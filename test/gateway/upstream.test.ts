import { errorOf, resources, setup, synth } from "./helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("GatewayUpstream", () => {
  test("defaults: name from the id, no hashing, 10000 slots, health checks off but written out", () => {
    // GIVEN only an id WHEN synthesized THEN Kong's defaults are explicit, health checks included (a block left out
    // would keep what Kong has: the provider's healthchecks are optional and computed)
    const { stack, gw } = setup();
    gw.addUpstream("face.upstream");
    const up = resources(synth(stack), "kong_upstream")[0];
    expect(up).toEqual({
      name: "face.upstream",
      hash_on: "none",
      hash_fallback: "none",
      hash_on_cookie_path: "/",
      slots: 10000,
      healthchecks: expect.any(Object),
      tags: ["managed-by:kong-ai-platform"],
      lifecycle: { replace_triggered_by: ["terraform_data.gw_faceupstream_ClearableFields_93B19943"] },
    });
    expect(up.healthchecks).toEqual({
      active: {
        type: "http",
        timeout: 1,
        concurrency: 10,
        http_path: "/",
        https_verify_certificate: true,
        healthy: { interval: 0, http_statuses: [200, 302], successes: 0 },
        unhealthy: { interval: 0, http_statuses: [429, 404, 500, 501, 502, 503, 504, 505], tcp_failures: 0, timeouts: 0, http_failures: 0 },
      },
      passive: {
        type: "http",
        healthy: { http_statuses: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308], successes: 0 },
        unhealthy: { http_statuses: [429, 500, 503], tcp_failures: 0, timeouts: 0, http_failures: 0 },
      },
    });
  });

  test("typical: a 90/10 canary; a missing port is written as Kong's 8000", () => {
    const { stack, gw } = setup();
    const up = gw.addUpstream("up", { name: "face.upstream", targets: [{ target: "face.models.svc:80", weight: 90 }] });
    up.addTarget("canary", { target: "face-canary.models.svc", weight: 10 });
    up.addTarget("v6", { target: "[::1]:81" });
    expect(resources(synth(stack), "kong_target").map((t) => [t.target, t.weight])).toEqual([
      ["face.models.svc:80", 90],
      ["face-canary.models.svc:8000", 10],
      ["[::1]:81", 100],
    ]);
  });

  test("a weight of 0 never reaches Kong: the provider would drop it and Kong would store 100", () => {
    // GIVEN a target drained to weight 0 WHEN added THEN refused with the reason and the way to drain
    const { gw } = setup();
    const up = gw.addUpstream("up", { name: "face.upstream" });
    expect(errorOf(() => up.addTarget("canary", { target: "face-canary.models.svc:80", weight: 0 }))).toBe(
      "[stack/gw/up] targets.canary.weight (0) cannot be 0: the kong provider 6.5.1 leaves a zero weight out, so Kong would store its default 100 and send the target full traffic (and every plan would replace it). To drain a target, remove it",
    );
  });

  test("a drained canary is a removed target: the stable one alone, as host:port", () => {
    // GIVEN the 90/10 canary above, then the canary's target removed WHEN synthesized THEN one target, full weight
    const { stack, gw } = setup();
    gw.addUpstream("up", { name: "face.upstream", targets: [{ target: "face.models.svc", weight: 90 }] });
    expect(resources(synth(stack), "kong_target")).toEqual([{ upstream_id: "${kong_upstream.gw_up_CF07461E.id}", target: "face.models.svc:8000", weight: 90 }]);
  });

  test("health checks: given blocks get Kong's defaults filled in", () => {
    const { stack, gw } = setup();
    gw.addUpstream("up", { name: "u.local", healthchecks: { active: { httpPath: "/healthz", healthy: { intervalSeconds: 5 } }, passive: { unhealthy: { httpFailures: 5 } } } });
    const hc = resources(synth(stack), "kong_upstream")[0].healthchecks;
    expect(hc.active).toEqual({
      type: "http",
      timeout: 1,
      concurrency: 10,
      http_path: "/healthz",
      https_verify_certificate: true,
      healthy: { interval: 5, http_statuses: [200, 302], successes: 0 },
      unhealthy: { interval: 0, http_statuses: [429, 404, 500, 501, 502, 503, 504, 505], tcp_failures: 0, timeouts: 0, http_failures: 0 },
    });
    expect(hc.passive.unhealthy).toEqual({ http_statuses: [429, 500, 503], tcp_failures: 0, timeouts: 0, http_failures: 5 });
  });

  test("health-check durations are named in seconds and rendered as Kong's timeout / interval", () => {
    // GIVEN an active probe with every duration set WHEN synthesized THEN the seconds land in Kong's fields
    const { stack, gw } = setup();
    gw.addUpstream("up", { name: "u.local", healthchecks: { active: { timeoutSeconds: 2.5, healthy: { intervalSeconds: 10 }, unhealthy: { intervalSeconds: 3, timeouts: 4 } } } });
    const active = resources(synth(stack), "kong_upstream")[0].healthchecks.active;
    expect([active.timeout, active.healthy.interval, active.unhealthy.interval, active.unhealthy.timeouts]).toEqual([2.5, 10, 3, 4]);
  });

  test("hashing on a header with a cookie fallback", () => {
    const { stack, gw } = setup();
    gw.addUpstream("up", { name: "u.local", hashOn: "header", hashOnHeader: "x-user", hashFallback: "cookie", hashOnCookie: "session" });
    expect(resources(synth(stack), "kong_upstream")[0]).toMatchObject({ hash_on: "header", hash_on_header: "x-user", hash_fallback: "cookie", hash_on_cookie: "session" });
  });

  const bad: Array<[string, object, string]> = [
    ["an IP as name", { name: "10.0.0.1" }, '[stack/gw/u] name ("10.0.0.1") must be a hostname without port (not an IP address), e.g. face-detection.upstream'],
    ["a name with a port", { name: "u.local:80" }, '[stack/gw/u] name ("u.local:80") must be a hostname without port (not an IP address), e.g. face-detection.upstream'],
    ["hashOn header without hashOnHeader", { hashOn: "header" }, '[stack/gw/u] hashOnHeader (undefined) is required when hashOn is "header"'],
    ["hashOn cookie without hashOnCookie", { hashOn: "cookie" }, '[stack/gw/u] hashOnCookie (undefined) is required when hashOn or hashFallback is "cookie"'],
    ["a fallback without hashOn", { hashFallback: "ip" }, '[stack/gw/u] hashFallback ("ip") must be "none" when hashOn is "none"'],
    ["a fallback equal to hashOn", { hashOn: "ip", hashFallback: "ip" }, '[stack/gw/u] hashFallback ("ip") must differ from hashOn (only header fallbacks may repeat the kind, with another header)'],
    ["the same header twice", { hashOn: "header", hashOnHeader: "x-a", hashFallback: "header", hashFallbackHeader: "X-A" }, '[stack/gw/u] hashFallbackHeader ("X-A") must differ from hashOnHeader'],
    ["query_arg hashing (provider has no field for it)", { hashOn: "query_arg" }, '[stack/gw/u] hashOn ("query_arg") is not supported by the kevholditch/kong provider 6.5.1 (it has no field for the query_arg name); use "none", "consumer", "ip", "header", "cookie", "path"'],
    ["slots below 10", { slots: 5 }, "[stack/gw/u] slots (5) must be an integer between 10 and 65536"],
    ["an active check type", { healthchecks: { active: { type: "udp" } } }, '[stack/gw/u] healthchecks.active.type ("udp") must be one of "tcp", "http", "https", "grpc", "grpcs"'],
    ["an active interval above 65535", { healthchecks: { active: { healthy: { intervalSeconds: 70000 } } } }, "[stack/gw/u] healthchecks.active.healthy.intervalSeconds (70000) must be a number between 0 and 65535"],
    ["an active timeout above 65535 seconds", { healthchecks: { active: { timeoutSeconds: 70000 } } }, "[stack/gw/u] healthchecks.active.timeoutSeconds (70000) must be a number between 0 and 65535"],
    ["an unhealthy interval below 0", { healthchecks: { active: { unhealthy: { intervalSeconds: -1 } } } }, "[stack/gw/u] healthchecks.active.unhealthy.intervalSeconds (-1) must be a number between 0 and 65535"],
    ["concurrency 0", { healthchecks: { active: { concurrency: 0 } } }, "[stack/gw/u] healthchecks.active.concurrency (0) must be an integer between 1 and 2147483648"],
    ["a status code of 1000", { healthchecks: { passive: { unhealthy: { httpStatuses: [1000] } } } }, "[stack/gw/u] healthchecks.passive.unhealthy.httpStatuses[0] (1000) must be an integer between 100 and 999"],
    ["a failure counter above 255", { healthchecks: { passive: { unhealthy: { tcpFailures: 256 } } } }, "[stack/gw/u] healthchecks.passive.unhealthy.tcpFailures (256) must be an integer between 0 and 255"],
  ];
  test.each(bad)("rejects %s", (_what, props, message) => {
    // GIVEN an upstream prop Kong rejects WHEN added THEN the exact message
    const { gw } = setup();
    expect(() => gw.addUpstream("u", props as any)).toThrow(message);
  });

  test("rejects a duplicate upstream name", () => {
    const { gw } = setup();
    gw.addUpstream("a", { name: "u.local" });
    expect(() => gw.addUpstream("b", { name: "u.local" })).toThrow(
      '[stack/gw/b] name ("u.local") is already the name of the upstream stack/gw/a: Kong upstream names are unique',
    );
  });

  test("rejects an invalid target, a weight above 65535 and a duplicate target", () => {
    const { gw } = setup();
    const up = gw.addUpstream("u", { name: "u.local" });
    expect(() => up.addTarget("t", { target: "bad host", weight: 70000 })).toThrow(
      [
        '[stack/gw/u] targets.t.target ("bad host") must be a hostname or IP address with an optional port, e.g. 10.0.0.7:8080 or [::1]:8080',
        "[stack/gw/u] targets.t.weight (70000) must be an integer between 1 and 65535",
      ].join("\n"),
    );
    up.addTarget("a", { target: "x.local" });
    expect(() => up.addTarget("b", { target: "x.local:8000" })).toThrow(
      '[stack/gw/u] targets.b.target ("x.local:8000") is already the target a of this upstream: Kong targets are unique per upstream',
    );
  });

  test("a header hash with a non-string header is a ValidationError, not a TypeError", () => {
    // GIVEN header names of the wrong type WHEN added THEN each is reported once, nothing else is evaluated with them
    const { gw } = setup();
    expect(errorOf(() => gw.addUpstream("u", { hashOn: "header", hashOnHeader: 123 as any, hashFallback: "header", hashFallbackHeader: "x-b" }))).toBe(
      "[stack/gw/u] hashOnHeader (123) must be an HTTP header name made of A-Z, a-z, 0-9, '-' and '_'",
    );
  });

  test("rejects a host header and a client certificate id of the wrong type", () => {
    const { gw } = setup();
    expect(errorOf(() => gw.addUpstream("u", { hostHeader: 5 as any, clientCertificateId: 5 as any }))).toBe(
      [
        "[stack/gw/u] hostHeader (5) must be a hostname or IP address with an optional port, e.g. face.example.com or face.example.com:8443",
        "[stack/gw/u] clientCertificateId (5) must be the id of a Kong certificate (e.g. a kong_certificate resource's id): a UUID, or a Terraform reference to one",
      ].join("\n"),
    );
  });

  test("renders a host header with a port and a certificate UUID", () => {
    const { stack, gw } = setup();
    gw.addUpstream("u", { hostHeader: "face.example.com:8443", clientCertificateId: "0b4a6f3e-4c1d-4b7a-9f59-2c1e5d0a7b11" });
    expect(resources(synth(stack), "kong_upstream")[0]).toMatchObject({
      host_header: "face.example.com:8443",
      client_certificate_id: "0b4a6f3e-4c1d-4b7a-9f59-2c1e5d0a7b11",
    });
  });
});
