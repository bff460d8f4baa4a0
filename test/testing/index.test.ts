import { App } from "cdktf";
import { AiPlatform, ProxyEndpoint } from "../../lib";
import { kubernetesObject, resources, synthStacks, validationProblems } from "../../lib/testing";

function build(app: App, environment = "dev", aclGroup = "ocr"): AiPlatform {
  const platform = new AiPlatform(app, "acme", { environment, kong: { proxy: ProxyEndpoint.loadBalancer({ sourceRanges: ["10.0.0.0/8"] }) }, plainHttp: true });
  platform.addModel("ocr", { name: "ocr", image: "registry.acme.io/ocr:1.0.0" });
  platform.addConsumer("web", { username: "web", aclGroups: [aclGroup], keyAuth: true });
  return platform;
}

describe("kong-ai-platform/testing", () => {
  test("synthStacks: every stack of the app, by name, as JSON", () => {
    const stacks = synthStacks((app) => build(app));
    expect(Object.keys(stacks)).toEqual(["acme-platform-dev", "acme-gateway-dev"]);
    expect(resources(stacks["acme-gateway-dev"], "kong_consumer").map((c) => c.username)).toEqual(["web"]);
    expect(resources(stacks["acme-gateway-dev"], "no_such_type")).toEqual([]);
  });

  test("kubernetesObject: by metadata.name, or an error listing the names there are", () => {
    const k8s = synthStacks((app) => build(app))["acme-platform-dev"];
    expect(kubernetesObject(k8s, "kubernetes_service_v1", "kong-proxy").spec.type).toBe("LoadBalancer");
    expect(() => kubernetesObject(k8s, "kubernetes_namespace_v1", "default")).toThrow('no kubernetes_namespace_v1 named "default"; there are: "kong", "models"');
  });

  test("validationProblems: [] for a valid app; the lines synthesize() prints otherwise, from construction or from synth", () => {
    expect(validationProblems((app) => build(app))).toEqual([]);
    expect(validationProblems((app) => build(app, "Dev"))).toEqual([
      `[acme] environment ("Dev") must be a DNS-1123 label: at most 30 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    ]);
    expect(validationProblems((app) => build(app, "dev", "orc"))).toEqual([
      '[acme-gateway-dev/gateway/web] aclGroups ("orc") is allowed by no model of this platform ("ocr"): the consumer would get 403 from every route',
    ]);
  });

  test("validationProblems: an error that is not about the input is thrown", () => {
    expect(() =>
      validationProblems(() => {
        throw new TypeError("a bug");
      }),
    ).toThrow("a bug");
  });
});
