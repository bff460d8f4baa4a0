import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { model } from "../helpers";

describe("DetectionService routes: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    ["no routes", { routes: [] }, "[platform/face] routes ([]) must hold at least one route: a model Kong cannot reach is unreachable"],
    [
      "a route without paths",
      { routes: [{ paths: [] }] },
      '[platform/face] routes[0].paths ([]) must hold at least one path, e.g. ["/v1/face-detection"]',
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expect(() => model(overrides)).toThrow(message);
  });
});
