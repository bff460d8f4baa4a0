// The values the fuzzer feeds the public API: valid ones drawn from small pools (so that configurations often get
// through the checks and reach the JSON), and hostile ones (unset, null, NaN, Infinity, wrong types, holes, Terraform
// references of every type, misspelt keys). Everything is generated as plain data, printable and shrinkable by
// fast-check; `materialize` turns the descriptors ({ $token }, { $policy }, ...) into real values inside a stack.
import fc from "fast-check";

/** A literal planted in every field that holds a secret: it must never reach the JSON (see invariants.ts). */
export const SECRET = "S3cr3tFuzzValue";

/** A Terraform reference of one type, made as a variable of the stack when the case is built. */
export interface TokenDesc {
  readonly $token: "string" | "number" | "list" | "map";
}

export const tokenOf = (kind: TokenDesc["$token"]): fc.Arbitrary<TokenDesc> => fc.constant({ $token: kind });

/** Strings that never spell what the invariants look for in the JSON (an unset value rendered as text). */
const safeString = fc.string({ maxLength: 12 }).filter((s) => !/undefined|NaN|Infinity|TfToken|S3cr3t/i.test(s));

/** Values of the wrong kind for any field: unset, null, non-finite numbers, other types, holes, references. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, -0, "", " ", true, false, 0, -1, 1.5, 2 ** 53, 1e21),
  safeString,
  fc.integer(),
  fc.constantFrom([], {}, [undefined], [null], ["a", 1]),
  fc.constantFrom([, "a"], ["a", , "b"]),
  fc.constantFrom<TokenDesc>({ $token: "string" }, { $token: "number" }, { $token: "list" }, { $token: "map" }),
  fc.dictionary(fc.constantFrom("x", "y", "Z z"), fc.constantFrom<unknown>(1, "a", undefined, null), { maxKeys: 2 }),
);

/** How often a field is hostile, a reference or nearly valid, while generators are made (see `atHostility`). */
let HOSTILITY = 1;

/** Makes generators whose fields are hostile, references or nearly valid `hostility` times as often as at 1. */
export function atHostility<T>(hostility: number, make: () => T): T {
  const previous = HOSTILITY;
  HOSTILITY = hostility;
  try {
    return make();
  } finally {
    HOSTILITY = previous;
  }
}

/**
 * A field: mostly a valid value, sometimes a reference of the field's own type, a nearly valid value (`invalid`: what
 * a user might mistype) or a hostile one: 5 times in 125 at hostility 1 (a case has dozens of fields, so still only a
 * fraction of the cases reach the JSON), 30 times in 150 at hostility 6.
 */
export function field(valid: fc.Arbitrary<unknown>, tokens: TokenDesc["$token"][] = [], invalid?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const arbitraries: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: valid, weight: 120 },
    { arbitrary: hostile, weight: HOSTILITY },
  ];
  if (tokens.length > 0) arbitraries.push({ arbitrary: fc.constantFrom(...tokens.map((t) => ({ $token: t }))), weight: 2 * HOSTILITY });
  if (invalid !== undefined) arbitraries.push({ arbitrary: invalid, weight: 2 * HOSTILITY });
  return fc.oneof(...arbitraries);
}

/** Keys users misspell, added now and then to an options object: each must be refused with a suggestion. */
const MISSPELT = ["gpus", "cacheTTL", "maxPayloadMB", "Name", "tag", "colour", "minReplica", "sourceRange", "pasword"];
const ABSENT = Symbol("absent");

/**
 * An options object: `required` keys always present, each other key now and then (a present key may hold undefined),
 * and, rarely, a misspelt extra key.
 */
export function options(model: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const maybe = Object.fromEntries(
    Object.entries(model).map(([key, arb]) => [key, required.includes(key) ? arb : fc.oneof({ arbitrary: fc.constant(ABSENT), weight: HOSTILITY >= 3 ? 1 : 3 }, { arbitrary: arb, weight: 1 })]),
  );
  return fc
    .tuple(fc.record(maybe), fc.oneof({ arbitrary: fc.constant(null), weight: 150 }, { arbitrary: fc.tuple(fc.constantFrom(...MISSPELT), fc.constantFrom<unknown>(1, "x", true)), weight: 1 }))
    .map(([o, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(o)) if (value !== ABSENT) out[key] = value;
      if (extra !== null) out[extra[0]] = extra[1];
      return out;
    });
}

/** A list of `element`, sometimes with a hole or an unset element. */
export function list(element: fc.Arbitrary<unknown>, opts: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<unknown[]> {
  const max = opts.maxLength ?? 3;
  return fc.oneof(
    { arbitrary: fc.array(element, { minLength: opts.minLength ?? 0, maxLength: max }), weight: 30 },
    { arbitrary: fc.sparseArray(element, { maxLength: max, noTrailingHole: false }), weight: 1 },
  );
}

/** A subset of `items`, in order. */
export function subset<T>(items: readonly T[], minLength = 0): fc.Arbitrary<T[]> {
  return fc.subarray([...items], { minLength });
}

// ---- pools of valid values, and of nearly valid ones ----
export const label = fc.constantFrom("face", "ocr", "pet-detection", "a1", "content-moderation");
export const namespace = fc.constantFrom("models", "kong", "team-a", "apps");
export const image = fc.constantFrom("registry.local/ai/face:1.4.2", "registry.local/ai/face:2.0.0", `ghcr.io/acme/ocr@sha256:${"ab".repeat(32)}`);
export const badImage = fc.constantFrom("img:latest", "img", "Img:1.0");
export const cpu = fc.constantFrom("100m", "250m", "500m", "1", "2", "0.5");
export const memory = fc.constantFrom("128Mi", "512Mi", "1Gi", "2Gi", "6Gi", "10Gi");
export const badQuantity = fc.constantFrom("1e3", "1 Gi", "-1", "lots");
export const port = fc.integer({ min: 1, max: 65535 });
export const badPort = fc.constantFrom(0, 70000, 8.5);
export const smallInt = (min: number, max: number) => fc.integer({ min, max });
export const routePath = fc.constantFrom("/v1/face", "/v1/ocr", "/v2/ocr/extra", "/", "~/v1/pet/\\d+$");
export const badPath = fc.constantFrom("/v1/a b", "v1", "/v1//x", "~/v1/(");
export const routeHost = fc.constantFrom("api.example.com", "*.example.com", "example.*", "10.0.0.1", "api.example.com:8443");
export const badHost = fc.constantFrom("a b", "*.*.example.com", "a:b:c");
export const httpMethod = fc.constantFrom("GET", "POST", "PUT", "OPTIONS");
export const cidr = fc.constantFrom("10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "203.0.113.7/32");
export const badCidr = fc.constantFrom("0.0.0.0/0", "10.0.0.1", "10.0.0.0/33", "::/0");
export const headerName = fc.constantFrom("x-model", "X-Request-ID", "apikey");
export const badHeaderName = fc.constantFrom("bad header", "host", "");
export const tag = fc.constantFrom("team-a", "v1", "a b", "é");
export const badTag = fc.constantFrom("a,b", "a/b", "", "tab\t");
export const groupName = fc.constantFrom("face", "ocr", "vision", "partners", "a/b");
export const labelKey = fc.constantFrom("app", "nvidia.com/gpu.present", "example.com/zone");
export const badLabelKey = fc.constantFrom("bad key", "-x", "a/b/c", "");
export const labelValue = fc.constantFrom("true", "a-b", "v1.2", "");
export const badLabelValue = fc.constantFrom("bad value", "-x", "a".repeat(64));
export const secret = fc.constantFrom(SECRET, `${SECRET}-2`);
