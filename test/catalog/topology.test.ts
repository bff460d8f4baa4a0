import { MAX_DRAWN_APIS, topologyMermaid } from "../../lib/catalog/topology";
import { catalogOf, defaultApp, gatewaySetup } from "./helpers";

describe("topologyMermaid", () => {
  const dev = topologyMermaid(defaultApp("dev").platform.catalog!.data());
  const lines = dev.split("\n");

  test("clients -> proxy VIP (type, address) -> routes -> Kong services -> Deployments, and Kong -> PostgreSQL", () => {
    expect(lines.slice(0, 5)).toEqual([
      "flowchart LR",
      "  %% Generated at synth by kong-ai-platform from the app's constructs. Do not edit.",
      '  clients(["Clients<br/>10.0.0.0/8"])',
      '  proxy{{"Kong proxy VIP<br/>LoadBalancer, address assigned at apply<br/>http :80, https :443"}}',
      "  clients --> proxy",
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  subgraph kong["Kong kong:3.9.1, 2..3 pods (autoscaled at 80% CPU); configured by stack ai-gateway-dev"]',
        '    route_face_detection["route face-detection<br/>POST /v1/face-detection<br/>key-auth (header apikey)"]',
        '    deploy_face_detection["Deployment face-detection<br/>registry.internal/ai/face-detection:1.4.2<br/>1..2 pods (autoscaled at 70% CPU)<br/>1 × nvidia.com/gpu per pod"]',
        "  proxy --> route_face_detection",
        "  route_face_detection --> svc_face_detection",
        "  svc_face_detection --> deploy_face_detection",
        '  svc_pet_detection -->|"90%"| deploy_pet_detection',
        '  svc_pet_detection -->|"10%"| deploy_pet_detection_canary',
        '  db[("PostgreSQL (in-cluster)<br/>kong-postgres.kong.svc.cluster.local:5432<br/>database kong")]',
        '  kong -.->|"configuration"| db',
      ]),
    );
  });

  test("prod: the proxy's fixed address, an external database with TLS", () => {
    const prod = topologyMermaid(defaultApp("prod").platform.catalog!.data());
    expect(prod).toContain('proxy{{"Kong proxy VIP<br/>LoadBalancer, 10.20.0.10<br/>http :80, https :443"}}');
    expect(prod).toContain('db[("PostgreSQL (external)<br/>kong-db.prod.internal:5432<br/>database kong, TLS")]');
    expect(prod).toContain('route_face_detection["route face-detection<br/>POST /v1/face-detection (https only)<br/>key-auth (header apikey)"]');
    expect(prod).toContain("svc_kong_admin_api[\"service kong-admin-api<br/>Kong's Admin API, for operators<br/>http://127.0.0.1:8001\"]");
  });

  test("node ids stay unique when names differ only in punctuation", () => {
    const { gateway } = gatewaySetup();
    gateway.addService("a-b", { host: "x.local" }).addRoute("r", { name: "a-b", paths: ["/1"] });
    gateway.addService("a_b", { host: "y.local" }).addRoute("r", { name: "a_b", paths: ["/2"] });
    const text = topologyMermaid(catalogOf(gateway));
    expect(text).toContain("    svc_a_b[");
    expect(text).toContain("    svc_a_b_2[");
    expect(text).toContain("    route_a_b_2[");
  });

  test(`draws at most ${MAX_DRAWN_APIS} APIs and counts the rest`, () => {
    const { gateway } = gatewaySetup();
    for (let i = 0; i < MAX_DRAWN_APIS + 2; i++) gateway.addService(`s${String(i).padStart(2, "0")}`, { host: "x.local" }).addRoute("r", { paths: [`/${i}`] });
    const text = topologyMermaid(catalogOf(gateway));
    expect(text.match(/^ {4}svc_/gm)?.length).toBe(MAX_DRAWN_APIS);
    expect(text).toContain('    more(["2 more APIs: see catalog.md"])');
    expect(text).toContain('  proxy{{"Kong proxy VIP"}}');
    expect(text).not.toContain("db[");
  });
});
