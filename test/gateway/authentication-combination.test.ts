import { Authentication } from "../../lib/gateway/authentication";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { errorOf, resources, setup, synth } from "./helpers";

const AND =
  'Kong enforces every authentication plugin without "anonymous" (%s): a client presenting one credential gets 401 from the other. ' +
  "For any one credential to suffice, use Authentication.anyOf(Authentication.keyAuth(), Authentication.jwt()) (a model's authentication prop, " +
  "or Authentication.anyOf(...).attachTo(service, { allow }) on a service or route): each method gets the anonymous consumer and an ACL refuses it. " +
  "If every credential must be presented, say so with Authentication.allOf(...)";
const and = (anded: string) => AND.replace("%s", anded);

describe("two authentication plugins that Kong would AND are refused", () => {
  test("on one service, naming both and the fix", () => {
    const { svc } = setup();
    svc.addPlugin(Plugin.keyAuth());
    expect(errorOf(() => svc.addPlugin(Plugin.jwt()))).toBe(
      `[stack/gw/svc] plugins ("jwt") would run together with key-auth (on this service) on the same requests, and ${and('"key-auth", "jwt"')}`,
    );
  });

  test("on a route under a service that authenticates", () => {
    const { svc } = setup();
    const route = svc.addRoute("r", { paths: ["/v1"] });
    svc.addPlugin(Plugin.keyAuth());
    expect(errorOf(() => route.addPlugin(Plugin.jwt()))).toBe(
      `[stack/gw/svc/r] plugins ("jwt") would run together with key-auth (on the service stack/gw/svc) on the same requests, and ${and('"jwt", "key-auth"')}`,
    );
  });

  test("on a service whose route authenticates already, and globally over both", () => {
    const { gw, svc } = setup();
    svc.addRoute("r", { paths: ["/v1"] }).addPlugin(Plugin.jwt());
    expect(errorOf(() => svc.addPlugin(Plugin.keyAuth()))).toBe(
      `[stack/gw/svc] plugins ("key-auth") would run together with jwt (on the route stack/gw/svc/r) on the same requests, and ${and('"jwt", "key-auth"')}`,
    );
    expect(errorOf(() => gw.addPlugin(Plugin.custom("basic-auth", {})))).toBe(
      `[stack/gw] plugins ("basic-auth") would run together with jwt (on the route stack/gw/svc/r) on the same requests, and ${and('"jwt", "basic-auth"')}`,
    );
  });

  test("one plugin with anonymous and one without is still an AND (the one without fails the other's clients)", () => {
    const { svc } = setup();
    svc.addPlugin(Plugin.jwt({ anonymous: "anonymous" }));
    expect(errorOf(() => svc.addPlugin(Plugin.keyAuth()))).toBe(
      `[stack/gw/svc] plugins ("key-auth") would run together with jwt (on this service) on the same requests, and ${and('"key-auth"')}`,
    );
  });

  test("all with anonymous (OR), a route's own instance of the same plugin, and plugins on separate routes are fine", () => {
    const { stack, svc } = setup();
    svc.addPlugin(Plugin.jwt({ anonymous: "anonymous" }));
    svc.addPlugin(Plugin.keyAuth({ anonymous: "anonymous" }));
    svc.addPlugin(Plugin.acl({ allow: ["x"] }));
    const other = setup();
    other.svc.addPlugin(Plugin.keyAuth());
    other.svc.addRoute("r", { paths: ["/v1"] }).addPlugin(Plugin.keyAuth({ keyNames: ["x-api-key"] }));
    other.svc.addRoute("a", { paths: ["/a"] });
    const third = setup();
    third.svc.addRoute("a", { paths: ["/a"] }).addPlugin(Plugin.keyAuth());
    third.svc.addRoute("b", { paths: ["/b"] }).addPlugin(Plugin.jwt());
    expect(resources(synth(stack), "kong_plugin")).toHaveLength(3);
  });

  test("AND asked for with Authentication.allOf is accepted", () => {
    const { stack, svc } = setup();
    Authentication.allOf(Authentication.keyAuth(), Authentication.jwt()).attachTo(svc, { allow: ["partners"] });
    const names = resources(synth(stack), "kong_plugin").map((p) => [p.name, JSON.parse(p.config_json).anonymous]);
    expect(names.sort()).toEqual([
      ["acl", undefined],
      ["jwt", null],
      ["key-auth", null],
    ]);
  });
});
