import { resolveResources } from "../../lib/kubernetes/container-resources";
import { parseQuantity } from "../../lib/kubernetes/quantities";
import { Problems } from "../../lib/core/errors";

const DEFAULTS = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "1Gi" } };

describe("parseQuantity", () => {
  // GIVEN a quantity WHEN parsed THEN its numeric value (undefined when not a quantity)
  test.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    ["1Gi", 2 ** 30],
    ["512Mi", 512 * 2 ** 20],
    ["1G", 1e9],
    ["abc", undefined],
  ])("%s -> %s", (q, n) => {
    expect(parseQuantity(q)).toBe(n);
  });
});

describe("resolveResources", () => {
  // GIVEN defaults and the overrides named by each test WHEN resolved THEN the merged values or the exact problems
  test("nothing given: the defaults", () => {
    const v = new Problems("x");
    expect(resolveResources(v, "resources", undefined, DEFAULTS)).toEqual(DEFAULTS);
    expect(v.isEmpty).toBe(true);
  });

  test("merges field by field", () => {
    const v = new Problems("x");
    expect(resolveResources(v, "resources", { requests: { memory: "256Mi" }, limits: { cpu: "2" } }, DEFAULTS)).toEqual({
      requests: { cpu: "100m", memory: "256Mi" },
      limits: { cpu: "2", memory: "1Gi" },
    });
    expect(v.isEmpty).toBe(true);
  });

  test("rejects bad quantities, requests above limits and non-objects", () => {
    const v = new Problems("p");
    resolveResources(v, "resources", { requests: { cpu: "2", memory: "1 GB" } }, DEFAULTS);
    resolveResources(v, "other", "big" as never, DEFAULTS);
    expect(() => v.throwIfAny()).toThrow(
      [
        '[p] resources.requests.memory ("1 GB") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi',
        '[p] resources.requests.cpu ("2") must not exceed resources.limits.cpu ("1"): Kubernetes rejects a request above its limit. Lower the request or raise the limit.',
        '[p] other ("big") must be an object { requests?: { cpu?, memory? }, limits?: { cpu?, memory? } }',
      ].join("\n"),
    );
  });

  test("rejects requests and limits that are not objects, and quantities that are not strings", () => {
    // GIVEN requests as a string, limits as a list and a numeric cpu WHEN / THEN each is reported, none ignored
    const v = new Problems("p");
    const resolved = resolveResources(v, "resources", { requests: "1" as never, limits: { cpu: 2 as never } }, DEFAULTS);
    expect(() => v.throwIfAny()).toThrow(
      [
        '[p] resources.requests ("1") must be an object { cpu?, memory? } of Kubernetes quantities, e.g. { cpu: "500m", memory: "512Mi" }',
        "[p] resources.limits.cpu (2) must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi",
      ].join("\n"),
    );
    expect(resolved.requests).toEqual(DEFAULTS.requests);
    const w = new Problems("p");
    resolveResources(w, "resources", [] as never, DEFAULTS);
    expect(() => w.throwIfAny()).toThrow('[p] resources ([]) must be an object { requests?: { cpu?, memory? }, limits?: { cpu?, memory? } }');
  });
});
