import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ConsumerScopablePolicy, Plugin } from "../../../lib/gateway/plugins/plugin";

describe("Plugin factories", () => {
  test("each factory makes the Kong plugin of its name with the right consumer scope", () => {
    // GIVEN every factory WHEN called with typical options THEN name and consumer scope match Kong's schemas
    const made = [
      Plugin.keyAuth(),
      Plugin.jwt(),
      Plugin.acl({ allow: ["g"] }),
      Plugin.rateLimiting({ minute: 1 }),
      Plugin.responseRateLimiting({ limits: { t: { minute: 1 } } }),
      Plugin.cors(),
      Plugin.ipRestriction({ allow: ["10.0.0.0/8"] }),
      Plugin.requestSizeLimiting(),
      Plugin.proxyCache(),
      Plugin.prometheus(),
      Plugin.correlationId(),
      Plugin.botDetection(),
      Plugin.custom("basic-auth"),
    ].map((p) => [p.name, p.consumerScopable, p.problems.length]);
    expect(made).toEqual([
      ["key-auth", false, 0],
      ["jwt", false, 0],
      ["acl", false, 0],
      ["rate-limiting", true, 0],
      ["response-ratelimiting", true, 0],
      ["cors", false, 0],
      ["ip-restriction", true, 0],
      ["request-size-limiting", true, 0],
      ["proxy-cache", true, 0],
      ["prometheus", true, 0],
      ["correlation-id", true, 0],
      ["bot-detection", false, 0],
      ["basic-auth", true, 0],
    ]);
  });

  test("problems are collected at creation and not thrown before the policy is attached", () => {
    // GIVEN an invalid policy WHEN created THEN it carries its problems instead of throwing without a path
    const p = Plugin.rateLimiting({});
    expect(p.problems).toEqual([
      { field: "rateLimiting.second", value: undefined, message: "must set at least one window: second, minute, hour, day, month, year" },
    ]);
  });
});

describe("policies are made only by Plugin.*", () => {
  const refusal =
    '[Plugin] new PluginPolicy() ("rate-limiting") is not allowed: policies are made only by Plugin.keyAuth(), Plugin.rateLimiting(), ... or Plugin.custom(), which check their options';

  test.each([
    ["ConsumerScopablePolicy", () => Plugin.rateLimiting({ minute: 1 })],
    ["NoConsumerPolicy", () => Plugin.keyAuth()],
  ])("a hand-made %s (e.g. { minute: -5 }, unchecked) is refused at run time", (_kind, sample) => {
    // GIVEN the class of a real policy, reached from JavaScript WHEN constructed by hand THEN a ValidationError
    const Ctor = sample().constructor as unknown as new (...args: unknown[]) => unknown;
    const spec = { name: "rate-limiting", label: "rateLimiting", config: { minute: -5 }, problems: [] };
    expect(() => new Ctor(Symbol("Plugin.*"), spec, true, '{"minute":-5}')).toThrow(refusal);
    expect(() => new Ctor(undefined, spec)).toThrow(refusal);
  });

  test("the constructors are private to TypeScript as well", () => {
    const spec = { name: "rate-limiting", label: "rateLimiting", config: { minute: -5 }, problems: [] };
    // @ts-expect-error the constructor is private: only Plugin.* makes policies
    const handMade = () => new ConsumerScopablePolicy(Symbol("Plugin.*"), spec, true, "{}");
    expect(handMade).toThrow(refusal);
  });
});

describe("identical policies are interned", () => {
  test("the same plugin with the same config is one object, however the options were spelled", () => {
    // GIVEN two calls with equal options (keys in another order, defaults written out) WHEN made THEN one object
    const a = Plugin.keyAuth({ hideCredentials: true, keyInQuery: false });
    const b = Plugin.keyAuth({ keyInQuery: false, hideCredentials: true, keyInHeader: true });
    expect(b).toBe(a);
    expect(Plugin.rateLimiting({ second: 20, minute: 600 })).toBe(Plugin.rateLimiting({ minute: 600, second: 20 }));
  });

  test("a different config, plugin or kind is another object", () => {
    expect(Plugin.keyAuth({ hideCredentials: true })).not.toBe(Plugin.keyAuth({ hideCredentials: false }));
    expect(Plugin.rateLimiting({ minute: 1 })).not.toBe(Plugin.rateLimiting({ minute: 2 }));
    // GIVEN custom key-auth with the exact config of the typed one THEN still apart: one is validated, the other not
    const typed = Plugin.keyAuth();
    const raw = Plugin.custom("key-auth", { ...typed.config });
    expect(raw).not.toBe(typed);
    expect([raw.validated, typed.validated]).toEqual([false, true]);
    expect(Plugin.custom("key-auth", { ...typed.config })).toBe(raw);
  });

  test("policies with problems are never shared (each keeps the problems of its own options)", () => {
    const a = Plugin.rateLimiting({ minute: -5 });
    const b = Plugin.rateLimiting({ minute: -6 });
    expect(a).not.toBe(Plugin.rateLimiting({ minute: -5 }));
    expect(a.problems.map((p) => p.value)).toEqual([-5]);
    expect(b.problems.map((p) => p.value)).toEqual([-6]);
  });

  test("policies holding references are never shared: each keeps its own reference (and no old stack is kept alive)", () => {
    // GIVEN two list variables in one stack WHEN each is the allow list of an ACL THEN two policies, each with its own
    const stack = new TerraformStack(Testing.app(), "s");
    const a = new TerraformVariable(stack, "a", { type: "list(string)" }).listValue;
    const b = new TerraformVariable(stack, "b", { type: "list(string)" }).listValue;
    const n = new TerraformVariable(stack, "n", { type: "number" }).numberValue;
    expect(Plugin.acl({ allow: a })).not.toBe(Plugin.acl({ allow: b }));
    expect(Plugin.acl({ allow: a })).not.toBe(Plugin.acl({ allow: a }));
    expect(Plugin.rateLimiting({ minute: n })).not.toBe(Plugin.rateLimiting({ minute: n }));
  });

  test("config and config_json are fixed when the policy is made: later changes to the options do not leak in", () => {
    // GIVEN an options list the caller mutates after making the policy WHEN read THEN config and JSON are as made
    const allow = ["10.1.0.0/16"];
    const policy = Plugin.ipRestriction({ allow });
    allow.push("10.2.0.0/16");
    expect(policy.configJson).toBe('{"allow":["10.1.0.0/16"],"deny":null,"message":null,"status":null}');
    expect(policy.config).toEqual({ allow: ["10.1.0.0/16"], deny: null, message: null, status: null });
    expect(Object.isFrozen(policy.config)).toBe(true);
  });

  test("authentication plugins are recognized, including custom ones", () => {
    expect(Plugin.custom("basic-auth").authenticates).toBe(true);
    expect(Plugin.keyAuth().authenticates).toBe(true);
    expect(Plugin.acl({ allow: ["a"] }).authenticates).toBe(false);
  });
});
