import { catalogMarkdown } from "../../lib/catalog/markdown";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { catalogOf, defaultApp, gatewaySetup } from "./helpers";

describe("catalogMarkdown", () => {
  const dev = catalogMarkdown(defaultApp("dev").platform.catalog!.data());

  test("sections: proxy, APIs, consumers, calls", () => {
    expect(dev.split("```sh")[0].split("\n").filter((l) => l.startsWith("#"))).toEqual([
      "# API catalog: ai (dev)",
      "## Proxy",
      "## APIs (3)",
      "### content-moderation",
      "### face-detection",
      "### pet-detection",
      "## Consumers (5)",
      "### anonymous",
      "### gallery-app",
      "### mobile-app",
      "### partner-acme",
      "### web-console",
      "## Calling the APIs",
    ]);
  });

  test("per model: its route with methods, paths, authentication, groups, limits, payload and CORS; canary and health checks", () => {
    expect(dev).toContain(
      "| `face-detection` | POST `/v1/face-detection` (http, https) | key-auth (header apikey) | face-detection | 10/second, 300/minute per consumer (policy redis: counted across Kong pods in Redis) | 10 megabytes (10485760 bytes) | none |",
    );
    expect(dev).toContain(
      "| canary | models/pet-detection-canary: registry.internal/ai/pet-detection:2.1.0, 1..2 pods (autoscaled at 70% CPU), 10% of requests |",
    );
    expect(dev).toContain(
      "| health checks | active: http GET /ready every 10 s (healthy targets), 5 s (unhealthy ones); passive: a target is taken out after 5 HTTP failures or 3 timeouts |",
    );
  });

  test("per consumer: groups, where each credential is published, own limits, what it may call", () => {
    expect(dev).toContain(
      "| credentials | key-auth `KeyAuth`: Secret kong/kong-consumer-mobile-app key `key-auth`, output `consumer_mobile_app_key_auth` (stack ai-gateway-dev) |",
    );
    expect(dev).toContain(
      "| own rate limit | 5/second, 120/minute per consumer (policy redis: counted across Kong pods in Redis): Kong applies it instead of each route's rate limit |",
    );
    expect(dev).toContain("| may call | face-detection, pet-detection |");
  });

  test("prod: the certificate's hosts; the Admin API's route, said to be the operators'", () => {
    const prod = catalogMarkdown(defaultApp("prod").platform.catalog!.data());
    expect(prod).toContain("| certificate | for ai.prod.internal, kong-admin.prod.internal |");
    expect(prod).toContain("### kong-admin-api\n\n| | |\n| --- | --- |\n| what | Kong's Admin API, published through the proxy for the platform's operators (not in openapi.json) |");
    expect(dev).toContain("| certificate | none: Kong's self-signed default on https |");
  });

  test("a gateway without a Kong cluster, a public route, a regex path with | escaped, active probes, a consumer with nothing", () => {
    const { gateway } = gatewaySetup();
    gateway.addPlugin(Plugin.prometheus());
    const upstream = gateway.addUpstream("up", { name: "be.upstream", targets: [{ target: "a.local:80" }], healthchecks: { active: { healthy: { intervalSeconds: 5 } } } });
    gateway.addService("open", { upstream }).addRoute("r", { paths: ["~/(a|b)$"], methods: ["GET"], hosts: ["api.example.com"] });
    gateway.addConsumer("nobody", { customId: "n-1" });
    const text = catalogMarkdown(catalogOf(gateway));
    expect(text).toContain("## Gateway\n\n| | |\n| --- | --- |\n| global plugins | prometheus |\n");
    expect(text).toContain("| `open-r` | GET `~/(a\\|b)$` on api.example.com (http, https) | none (public) | anyone | none | none | none |");
    expect(text).toContain("| health checks | active: http GET / every 5 s (healthy targets), 0 s (unhealthy ones) |");
    expect(text).toContain(["### n-1", "", "| | |", "| --- | --- |", "| identity | custom_id `n-1` |", "| groups | none |", "| credentials | none |"].join("\n"));
    expect(text).toContain("| may call | nothing in this app (its groups may be another app's, e.g. a model team's) |");
  });
});
