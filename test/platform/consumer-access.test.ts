import { Testing } from "cdktf";
import { AiPlatform, AiPlatformProps, Authentication, Plugin, ProxyEndpoint } from "../../lib";
import { resources, synth, synthProblems } from "../helpers";

const MINIMAL: AiPlatformProps = { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } };
const KEY = Authentication.keyAuth();
const JWT = Authentication.jwt();
const OPEN = { reason: "An open demo of the model for the research preview" };

function platform(props: Partial<AiPlatformProps> = {}) {
  const p = new AiPlatform(Testing.app(), "acme", { ...MINIMAL, ...props });
  p.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0", authentication: Authentication.anyOf(KEY, JWT) });
  p.addModel("translate", { name: "translate", image: "r/translate:1.0.0", authentication: JWT });
  p.addModel("audit", { name: "audit", image: "r/audit:1.0.0", authentication: Authentication.allOf(KEY, JWT) });
  return p;
}

describe("AiPlatform: consumers hold the credentials their models take", () => {
  test("a consumer with a credential each of its models accepts is fine", () => {
    const p = platform();
    p.addConsumer("web", { username: "web", aclGroups: ["ocr", "translate"], jwt: {} });
    p.addConsumer("partner", { username: "partner", aclGroups: ["ocr", "audit"], keyAuth: true, jwt: {} });
    expect(resources(synth(p.gatewayStack), "kong_consumer").map((c) => c.username).sort()).toEqual(["anonymous", "partner", "web"]);
  });

  test("a consumer whose groups reach a model that takes none of its credentials is reported, with the fix", () => {
    const p = platform();
    p.addConsumer("batch", { username: "batch", aclGroups: ["ocr", "translate", "audit"], keyAuth: true });
    expect(synthProblems(p.gatewayStack)).toEqual([
      '[acme-gateway-dev/gateway/batch] aclGroups ("translate") lets the consumer call the model translate, which takes jwt only, but it holds key-auth: give it jwt: {} (published like its key: Secret and sensitive output)',
      '[acme-gateway-dev/gateway/batch] aclGroups ("audit") lets the consumer call the model audit, which takes all of key-auth, jwt, but it holds key-auth: give it jwt: {} (published like its key: Secret and sensitive output)',
    ]);
  });

  test("credentials added after the consumer count (checked at synth)", () => {
    const p = platform();
    const c = p.addConsumer("late", { username: "late", aclGroups: ["translate"] });
    c.addJwtCredential();
    expect(() => synth(p.gatewayStack)).not.toThrow();
  });

  test("the platform's authentication is every model's default; a public model takes none", () => {
    const p = new AiPlatform(Testing.app(), "acme", { ...MINIMAL, authentication: JWT });
    expect(p.addModel("ocr", { name: "ocr", image: "r/ocr:1.0.0" }).authentication).toBe(JWT);
    expect(p.addModel("demo", { name: "demo", image: "r/demo:1.0.0", public: OPEN }).authentication).toBeUndefined();
    expect(new AiPlatform(Testing.app(), "x", MINIMAL).authentication.describe()).toBe("key-auth");
  });
});

describe("AiPlatform: group checks count every ACL a model has", () => {
  test("an ACL in the plugins of a public model grants its groups", () => {
    // GIVEN a public model that rebuilds authentication by hand, with an ACL of its own
    const p = new AiPlatform(Testing.app(), "acme", MINIMAL);
    p.addModel("beta", { name: "beta", image: "r/beta:1.0.0", public: OPEN, plugins: [Plugin.keyAuth(), Plugin.acl({ allow: ["beta-testers"] })] });
    p.addConsumer("tester", { username: "tester", aclGroups: ["beta-testers"], keyAuth: true });
    // THEN its group is known, and the consumer is not reported
    expect(() => synth(p.gatewayStack)).not.toThrow();
  });
});
