import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { routeNameFromPath } from "../../../lib/models/checks/routes";
import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { expectValidationError, resources } from "../../helpers";
import { model } from "../helpers";

/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped */

describe("route names", () => {
  test.each([
    ["/v1/face-detection", "v1-face-detection"],
    ["/v1/Face_Detection/", "v1-face-detection"],
    ["~/v1/ocr/\\d+$", "v1-ocr-d"],
    ["/", "root"],
    [`/${"a".repeat(70)}`, "a".repeat(63)],
    [`/${"a".repeat(62)}/b`, "a".repeat(62)],
  ])("%s is named %s by default", (path, name) => {
    expect(routeNameFromPath(path)).toBe(name);
  });

  test("by default one route, POST on /v1/<name>, named v1-<name>, with the model's name in Kong", () => {
    const { svc, json } = model();
    expect(svc.routes.map((r) => r.node.id)).toEqual(["v1-face-detection"]);
    expect(resources(json, "kong_route")[0]).toMatchObject({ name: "face-detection", paths: ["/v1/face-detection"], methods: ["POST"], strip_path: true });
  });

  test("routes are found by name", () => {
    const { svc } = model({ routes: [{ paths: ["/v1/face"] }, { name: "batch", paths: ["/v1/face/batch"] }] });
    expect(svc.route("batch")?.name).toBe("face-detection-batch");
    expect(svc.route("v1-face")?.name).toBe("face-detection-v1-face");
    expect(svc.route("nope")).toBeUndefined();
  });

  test("gRPC routes: grpc/grpcs, no methods, no path stripping", () => {
    const { json } = model({ protocol: "grpc", routes: [{ paths: ["/face.v1.Detector/"], stripPath: false }] });
    const route = resources(json, "kong_route")[0];
    expect(route).toMatchObject({ protocols: ["grpc", "grpcs"], strip_path: false });
    expect(route.methods).toBeUndefined();
  });
});

const PREFLIGHT = 'answers a browser\'s preflight only on routes that match it; Kong would answer the preflight with 404 "no Route matched" and the browser refuse the call';

describe("CORS: a model's routes answer preflights", () => {
  const methodsOf = (json: any) => Object.fromEntries(resources(json, "kong_route").map((r) => [r.name, r.methods]));

  test("a cors policy on the model makes its routes match OPTIONS by default", () => {
    // GIVEN a model with a cors policy WHEN its routes give no methods THEN they match POST and the preflight
    const { json } = model({ routes: [{ paths: ["/v1/face"] }, { name: "batch", paths: ["/v1/face/batch"] }], plugins: [Plugin.cors()] });
    expect(methodsOf(json)).toEqual({ "face-detection-v1-face": ["POST", "OPTIONS"], "face-detection-batch": ["POST", "OPTIONS"] });
  });

  test("a cors policy on one route makes that route match OPTIONS, not the others", () => {
    const { json } = model({ routes: [{ paths: ["/v1/face"] }, { name: "web", paths: ["/v1/face/web"], plugins: [Plugin.cors()] }] });
    expect(methodsOf(json)).toEqual({ "face-detection-v1-face": ["POST"], "face-detection-web": ["POST", "OPTIONS"] });
  });

  test("methods given with OPTIONS are kept as given", () => {
    const { json } = model({ routes: [{ paths: ["/v1/face"], methods: ["GET", "OPTIONS"] }], plugins: [Plugin.cors()] });
    expect(methodsOf(json)).toEqual({ "face-detection": ["GET", "OPTIONS"] });
  });

  test("without a cors policy, routes stay POST only", () => {
    expect(methodsOf(model().json)).toEqual({ "face-detection": ["POST"] });
  });
});

describe("DetectionService routes: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    ["no routes", { routes: [] }, "[platform/face] routes ([]) must hold at least one route: a model Kong cannot reach is unreachable"],
    [
      "a route without paths",
      { routes: [{ paths: [] }] },
      '[platform/face] routes[0].paths ([]) must hold at least one path, e.g. ["/v1/face-detection"]',
    ],
    ["a route that is not an object", { routes: [null as never] }, "[platform/face] routes[0] (null) must be { paths, name?, methods?, hosts?, stripPath?, plugins? }"],
    [
      "a path Kong rejects, at the model's path and field",
      { routes: [{ paths: ["/v1/ocr", "v1/ocr"] }] },
      '[platform/face] routes[0].paths[1] ("v1/ocr") must start with "/" (prefix path) or "~/" (regex path)',
    ],
    [
      "a host Kong rejects",
      { routes: [{ paths: ["/v1/ocr"], hosts: ["*.*.example.com"] }] },
      '[platform/face] routes[0].hosts[0] ("*.*.example.com") must have at most one \'*\' wildcard',
    ],
    [
      "a route name that cannot be a construct id or Kong name suffix",
      { routes: [{ name: "Batch Jobs", paths: ["/v1/ocr"] }] },
      '[platform/face] routes[0].name ("Batch Jobs") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
    ],
    [
      "two routes of one name",
      { routes: [{ name: "detect", paths: ["/v1/a"] }, { name: "detect", paths: ["/v1/b"] }] },
      '[platform/face] routes[1].name ("detect") is already the name of routes[0]: route names are unique within a model (a route without a name is named after its first path); give one of them another name',
    ],
    [
      "two unnamed routes whose first paths give one name",
      { routes: [{ paths: ["/v1/face"] }, { paths: ["/v1/face/"] }] },
      '[platform/face] routes[1].name ("v1-face") is already the name of routes[0]: route names are unique within a model (a route without a name is named after its first path); give one of them another name',
    ],
    [
      "methods on a gRPC model",
      { protocol: "grpc", routes: [{ paths: ["/face.v1.Detector/"], methods: ["POST"] }] },
      '[platform/face] routes[0].methods (["POST"]) cannot be set on a gRPC model: Kong matches gRPC routes by path, host and headers only (every gRPC call is a POST); remove methods',
    ],
    [
      "path stripping on a gRPC model",
      { protocol: "grpc", routes: [{ paths: ["/face.v1.Detector/"], stripPath: true }] },
      "[platform/face] routes[0].stripPath (true) must be false on a gRPC model: the path names the gRPC service and method, so a stripped path breaks every call; remove stripPath",
    ],
    [
      "a route policy with a bad option",
      { routes: [{ paths: ["/v1/face"], plugins: [Plugin.rateLimiting({ second: 50, minute: 30 })] }] },
      "[platform/face] routes[0].plugins[0].rateLimiting.minute (30) is lower than second (50): Kong requires each longer window to allow at least as many requests. Raise minute to >= 50.",
    ],
    [
      "methods without OPTIONS under the model's cors policy",
      { routes: [{ paths: ["/v1/face"], methods: ["POST"] }], plugins: [Plugin.requestSizeLimiting(), Plugin.cors()] },
      `[platform/face] routes[0].methods (["POST"]) must include "OPTIONS": the cors policy (plugins[1]) ${PREFLIGHT}. Add "OPTIONS", or leave methods out (the default is then POST and OPTIONS)`,
    ],
    [
      "methods without OPTIONS under the route's own cors policy",
      { routes: [{ paths: ["/v1/face"] }, { paths: ["/v1/face/batch"], methods: ["PUT"], plugins: [Plugin.cors()] }] },
      `[platform/face] routes[1].methods (["PUT"]) must include "OPTIONS": the cors policy (routes[1].plugins[0]) ${PREFLIGHT}. Add "OPTIONS", or leave methods out (the default is then POST and OPTIONS)`,
    ],
    [
      "route plugins that are not policies",
      { routes: [{ paths: ["/v1/face"], plugins: [{ name: "cors" } as never] }] },
      '[platform/face] routes[0].plugins[0] ({"name":"cors"}) must be a policy made with Plugin.*',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });
});
