import { TerraformStack, Testing } from "cdktf";
import { Authentication } from "../../lib/gateway/authentication";
import { KongGateway } from "../../lib/gateway/gateway";
import { problemsOf } from "../helpers";
import { errorOf, pluginConfig, resources, setup, synth } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

const KEY = Authentication.keyAuth();
const JWT = Authentication.jwt();

describe("Authentication", () => {
  test("keyAuth(): keys in the apikey header only, hidden from the model, no anonymous", () => {
    const { stack, svc } = setup();
    KEY.attachTo(svc, { allow: ["vision"] });
    const json = synth(stack);
    expect(pluginConfig(json, "key-auth")).toEqual({
      key_names: ["apikey"],
      hide_credentials: true,
      key_in_header: true,
      key_in_query: false,
      key_in_body: false,
      run_on_preflight: true,
      anonymous: null,
      realm: null,
    });
    expect(pluginConfig(json, "acl")).toEqual({ allow: ["vision"], deny: null, hide_groups_header: true, always_use_authenticated_groups: false });
    expect(resources(json, "kong_consumer")).toEqual([]);
  });

  test("jwt(): tokens must carry an expiry, which Kong verifies", () => {
    const { stack, svc } = setup();
    JWT.attachTo(svc, { allow: ["vision"] });
    expect(pluginConfig(synth(stack), "jwt")).toMatchObject({ claims_to_verify: ["exp"], header_names: ["authorization"], key_claim_name: "iss" });
  });

  test("options are Kong's, over the defaults", () => {
    const { stack, svc } = setup();
    Authentication.anyOf(Authentication.keyAuth({ keyNames: ["x-api-key"] }), Authentication.jwt({ claimsToVerify: ["exp", "nbf"], maximumExpirationSeconds: 3600 })).attachTo(svc, {
      allow: ["vision"],
    });
    const json = synth(stack);
    expect(pluginConfig(json, "key-auth")).toMatchObject({ key_names: ["x-api-key"], hide_credentials: true, key_in_query: false });
    expect(pluginConfig(json, "jwt")).toMatchObject({ claims_to_verify: ["exp", "nbf"], maximum_expiration: 3600 });
  });

  test("anyOf: every plugin names the gateway's one anonymous consumer, made once however many scopes use it", () => {
    const { stack, gw, svc } = setup();
    const any = Authentication.anyOf(KEY, JWT);
    const attached = any.attachTo(svc, { allow: ["vision"] });
    any.attachTo(gw.addService("other", { host: "other.local" }), { allow: ["vision"] });
    const json = synth(stack);
    const consumers = Object.entries<any>(json.resource.kong_consumer);
    expect(consumers.map(([id, c]) => [id, c.username])).toEqual([["gw_AnonymousConsumer_71F55D27", "anonymous"]]);
    expect(attached.anonymousConsumer?.node.path).toBe("stack/gw/AnonymousConsumer");
    const anonymous = resources(json, "kong_plugin")
      .filter((p) => p.name !== "acl")
      .map((p) => JSON.parse(p.config_json).anonymous);
    expect(anonymous).toEqual(Array(4).fill("${kong_consumer.gw_AnonymousConsumer_71F55D27.id}"));
  });

  test("describe, methods, combination and admits", () => {
    const any = Authentication.anyOf(KEY, JWT);
    const all = Authentication.allOf(KEY, JWT);
    expect([KEY.describe(), any.describe(), all.describe()]).toEqual(["key-auth", "anyOf(key-auth, jwt)", "allOf(key-auth, jwt)"]);
    expect(any.methods).toEqual(["key-auth", "jwt"]);
    expect(Authentication.anyOf(JWT).combination).toBe("one");
    expect(any.admits(new Set(["jwt"]))).toBe(true);
    expect(all.admits(new Set(["jwt"]))).toBe(false);
    expect(all.admits(new Set(["jwt", "key-auth"]))).toBe(true);
  });

  test.each([
    ["bad key-auth options", Authentication.keyAuth({ keyNames: ["bad name"] }), ['authentication.keyAuth.keyNames[0] ("bad name") must be an HTTP header name made of A-Z, a-z, 0-9, \'-\' and \'_\'']],
    ["options that are not an object", Authentication.jwt(null as any), ["authentication.jwt (null) must be an options object ({} or nothing for the defaults)"]],
    ["nothing", Authentication.anyOf(), ["authentication.anyOf ([]) needs at least one method, e.g. Authentication.keyAuth()"]],
    ["a method twice", Authentication.anyOf(KEY, Authentication.keyAuth({ keyNames: ["x"] })), ['authentication.anyOf[1] ("key-auth") is listed twice: Kong runs one plugin of a name per scope']],
    [
      "a nested combination",
      Authentication.anyOf(Authentication.allOf(KEY, JWT), KEY),
      ['authentication.anyOf[0] ("allOf(key-auth, jwt)") cannot be nested: Kong combines the authentication plugins of one request either all with "anonymous" (any one) or none (all); list the methods directly'],
    ],
    ["something else", Authentication.allOf("key-auth" as any), ['authentication.allOf[0] ("key-auth") must be made with Authentication.keyAuth() or Authentication.jwt()']],
  ])("reports %s under the field it is given", (_what, auth, problems) => {
    expect(problemsOf((v) => auth.validate(v, "authentication"))).toEqual(problems);
  });

  test("attachTo refuses an ACL without groups", () => {
    const { svc } = setup();
    expect(errorOf(() => KEY.attachTo(svc, { allow: [] }))).toBe(
      "[stack/gw/svc] allow ([]) must list at least one consumer group: the ACL after the authentication plugins admits only these (and refuses the anonymous consumer)",
    );
  });
});

describe("the anonymous consumer", () => {
  test("in an app attached to a gateway configured elsewhere, it is anonymous-<stack>, so it never collides with the owner's", () => {
    const stack = new TerraformStack(Testing.app(), "team-a");
    const gateway = KongGateway.fromAdminUrl(stack, "platform", { adminUrl: "http://kong-admin:8001" });
    Authentication.anyOf(KEY, JWT).attachTo(gateway.addService("ocr", { host: "ocr.local" }), { allow: ["ocr"] });
    expect(resources(synth(stack), "kong_consumer").map((c) => c.username)).toEqual(["anonymous-team-a"]);
  });

  test("a consumer of your own named anonymous collides with it, with a message saying so", () => {
    const { gw, svc } = setup();
    gw.addConsumer("mine", { username: "anonymous" });
    expect(errorOf(() => Authentication.anyOf(KEY, JWT).attachTo(svc, { allow: ["x"] }))).toBe(
      '[stack/gw/AnonymousConsumer] username ("anonymous") is already the username of the consumer stack/gw/mine: Kong usernames are unique',
    );
  });
});
