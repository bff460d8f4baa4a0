// A table of Kong 3.9's semantics per authentication combination: the plugins a model renders, their `anonymous`
// and ACL wiring, and, for each kind of client, whether Kong would admit it. Kong's behaviour is modelled in a small
// pure function from its source (kong/plugins/{jwt,key-auth,acl}/handler.lua, 3.9.3), fed with the rendered JSON.
import { Authentication } from "../../lib/gateway/authentication";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { DetectionService } from "../../lib/models/detection-service";
import { expectValidationError, Json, resources, synth } from "../helpers";
import { faceProps, model, setup } from "./helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

type Presented = "valid" | "invalid";
/** A client: whose credentials it presents (alice is allowed to call the model, bob is not), and which ones. */
interface Client {
  readonly as: "alice" | "bob";
  readonly key?: Presented;
  readonly jwt?: Presented;
}

/** Plugin priorities (handler.lua PRIORITY): higher runs first. */
const PRIORITY: Record<string, number> = { cors: 2000, jwt: 1450, "key-auth": 1250, acl: 950, "rate-limiting": 910 };

/** What Kong knows after apply: consumers by Terraform id, their ACL groups, and the service's plugins. */
interface KongState {
  readonly plugins: { name: string; config: any }[];
  readonly consumers: Map<string, { username: string; groups: string[] }>;
  readonly idOf: (username: string) => string;
}

function kongState(json: Json): KongState {
  const consumers = new Map<string, { username: string; groups: string[] }>();
  for (const [key, c] of Object.entries<any>(json.resource.kong_consumer)) consumers.set(`\${kong_consumer.${key}.id}`, { username: c.username, groups: [] });
  for (const acl of resources(json, "kong_consumer_acl")) consumers.get(acl.consumer_id)!.groups.push(acl.group);
  const plugins = resources(json, "kong_plugin")
    .filter((p) => p.service_id !== undefined)
    .map((p) => ({ name: p.name as string, config: JSON.parse(p.config_json) }));
  const idOf = (username: string) => [...consumers].find(([, c]) => c.username === username)![0];
  return { plugins, consumers, idOf };
}

/**
 * Kong's access phase for one request, as far as authentication and the ACL go:
 * - an authentication plugin with `anonymous` (logical OR) returns at once if an earlier one set a credential;
 *   otherwise a valid credential authenticates the request, and anything else sets the anonymous consumer (which
 *   must exist: a missing one is a 500);
 * - without `anonymous` (logical AND) a missing or invalid credential is a 401, whatever ran before;
 * - the ACL: a consumer with no groups is a 401 without a credential (403 with one); groups outside `allow`, 403.
 */
function kongAnswers(state: KongState, client: Client | undefined): number {
  let consumer: string | undefined;
  let credential = false;
  const auth = state.plugins.filter((p) => p.name === "jwt" || p.name === "key-auth").sort((a, b) => PRIORITY[b.name] - PRIORITY[a.name]);
  for (const plugin of auth) {
    const presented = plugin.name === "jwt" ? client?.jwt : client?.key;
    // Kong's config echoes an unset anonymous as null
    const anonymous: string | null | undefined = plugin.config.anonymous;
    if (anonymous !== undefined && anonymous !== null) {
      if (credential) continue;
      if (presented === "valid") {
        consumer = state.idOf(client!.as);
        credential = true;
      } else {
        if (!state.consumers.has(anonymous)) return 500;
        consumer = anonymous;
      }
    } else if (presented !== "valid") {
      return 401;
    } else {
      consumer = state.idOf(client!.as);
      credential = true;
    }
  }
  const acl = state.plugins.find((p) => p.name === "acl");
  if (acl) {
    const groups = consumer ? state.consumers.get(consumer)!.groups : [];
    if (groups.length === 0) return credential ? 403 : 401;
    if (!groups.some((g) => acl.config.allow.includes(g))) return 403;
  }
  return 200;
}

/** The model face-detection with `auth` (or public), and alice (in its group) and bob (not) holding a key and a JWT. */
function platformWith(auth: Authentication | "public"): Json {
  const { stack, gateway } = setup();
  const overrides = auth === "public" ? { public: { reason: "An open demo of the detector for the research preview" } } : { authentication: auth };
  new DetectionService(stack, "face", faceProps(gateway, overrides));
  gateway.addConsumer("alice", { username: "alice", aclGroups: ["face-detection"], keyAuth: true, jwt: {} });
  gateway.addConsumer("bob", { username: "bob", aclGroups: ["other-model"], keyAuth: true, jwt: {} });
  return synth(stack);
}

const CLIENTS: [string, Client | undefined][] = [
  ["key only", { as: "alice", key: "valid" }],
  ["JWT only", { as: "alice", jwt: "valid" }],
  ["both", { as: "alice", key: "valid", jwt: "valid" }],
  ["neither", undefined],
  ["anonymous (invalid credentials)", { as: "alice", key: "invalid", jwt: "invalid" }],
  ["valid key, group not allowed", { as: "bob", key: "valid" }],
];

const KEY = Authentication.keyAuth();
const JWT = Authentication.jwt();
/** [combination, auth, plugins (priority order) with whether each has anonymous, then Kong's answer per client]. */
const TABLE: [string, Authentication | "public", [string, boolean][], number[]][] = [
  ["key-auth", KEY, [["key-auth", false], ["acl", false]], [200, 401, 200, 401, 401, 403]],
  ["jwt", JWT, [["jwt", false], ["acl", false]], [401, 200, 200, 401, 401, 401]],
  ["anyOf(key-auth, jwt)", Authentication.anyOf(KEY, JWT), [["jwt", true], ["key-auth", true], ["acl", false]], [200, 200, 200, 401, 401, 403]],
  ["allOf(key-auth, jwt)", Authentication.allOf(KEY, JWT), [["jwt", false], ["key-auth", false], ["acl", false]], [401, 401, 200, 401, 401, 401]],
  ["public", "public", [], [200, 200, 200, 200, 200, 200]],
];

describe.each(TABLE)("authentication %s", (_name, auth, wiring, answers) => {
  const json = platformWith(auth);
  const state = kongState(json);

  test("renders exactly these authentication and ACL plugins, anonymous where any one credential suffices", () => {
    const rendered = state.plugins
      .filter((p) => ["jwt", "key-auth", "acl"].includes(p.name))
      .sort((a, b) => PRIORITY[b.name] - PRIORITY[a.name])
      .map((p) => [p.name, p.config.anonymous !== undefined && p.config.anonymous !== null]);
    expect(rendered).toEqual(wiring);
  });

  test("anonymous names the gateway's anonymous consumer, which holds no credential and no group", () => {
    const named = new Set(state.plugins.map((p) => p.config.anonymous).filter((a) => a !== undefined && a !== null));
    if (named.size === 0) {
      expect(resources(json, "kong_consumer").map((c) => c.username)).not.toContain("anonymous");
      return;
    }
    expect([...named]).toEqual([state.idOf("anonymous")]);
    expect(state.consumers.get(state.idOf("anonymous"))!.groups).toEqual([]);
    for (const type of ["kong_consumer_key_auth", "kong_consumer_jwt_auth"]) {
      expect(resources(json, type).map((c) => c.consumer_id)).not.toContain(state.idOf("anonymous"));
    }
  });

  test.each(CLIENTS.map(([client, c], i) => [client, c, answers[i]] as const))("a client with %s gets %s", (_client, client, status) => {
    expect(kongAnswers(state, client)).toBe(status);
  });
});

describe("a model's authentication prop", () => {
  const AND_FIX = "For any one credential to suffice, use Authentication.anyOf(Authentication.keyAuth(), Authentication.jwt())";

  test("Plugin.jwt() in plugins next to the default key-auth is refused at the model, naming the fix", () => {
    expect(() => model({ plugins: [Plugin.jwt()] })).toThrow(
      `[platform/face] plugins[0] ("jwt") would run together with key-auth (on this service) on the same requests, and Kong enforces every authentication plugin without "anonymous" ("key-auth", "jwt"): a client presenting one credential gets 401 from the other. ${AND_FIX}`,
    );
  });

  test("Plugin.jwt() on a route is refused at routes[i].plugins[j]", () => {
    expect(() => model({ routes: [{ paths: ["/v1/face"], plugins: [Plugin.jwt()] }] })).toThrow(
      '[platform/face] routes[0].plugins[0] ("jwt") would run together with key-auth (on the service platform/gateway/face-detection/Service) on the same requests',
    );
  });

  test.each([
    [
      "authentication on a public model",
      { public: { reason: "An open demo of the detector for the research preview" }, authentication: JWT },
      '[platform/face] authentication ("jwt") cannot be combined with public: a public model takes no credentials; remove one of them',
    ],
    [
      "authentication not made with Authentication",
      { authentication: "jwt" as never },
      '[platform/face] authentication ("jwt") must be made with Authentication.keyAuth(), Authentication.jwt(), Authentication.anyOf(...) or Authentication.allOf(...)',
    ],
    [
      "bad options, at the model's field",
      { authentication: Authentication.anyOf(KEY, Authentication.jwt({ maximumExpirationSeconds: -1 })) },
      "[platform/face] authentication.jwt.maximumExpirationSeconds (-1) must be a number between 0 and 31536000",
    ],
  ])("refuses %s", (_what, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });

  test("the model exposes its authentication and every group its ACLs allow, from any source", () => {
    expect(model({ authentication: JWT }).svc.authentication).toBe(JWT);
    const open = model({ public: { reason: "An open demo of the detector for the research preview" }, plugins: [Plugin.keyAuth(), Plugin.acl({ allow: ["beta-testers"] })] }).svc;
    expect(open.authentication).toBeUndefined();
    expect(open.aclGroups).toEqual(["beta-testers"]);
    expect(model({ allowedGroups: ["vision"], routes: [{ paths: ["/v1/face"], plugins: [Plugin.acl({ allow: ["vision", "batch"] })] }] }).svc.aclGroups).toEqual(["vision", "batch"]);
  });
});
