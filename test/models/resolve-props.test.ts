import { DetectionService, DetectionServiceProps } from "../../lib/models/detection-service";
import { model, setup } from "./helpers";
import { expectValidationError } from "../helpers";

describe("resolveModelProps", () => {
  test("every problem of one model is reported at once", () => {
    expectValidationError(() => model({ port: 0, name: "x_y" }), 
      [
        '[platform/face] name ("x_y") must be a DNS-1123 label: at most 40 characters of lowercase letters, digits and \'-\', starting and ending with a letter or digit',
        "[platform/face] port (0) must be an integer between 1 and 65535",
      ].join("\n"),
    );
  });

  test("missing props are an error, not a TypeError", () => {
    const { stack } = setup();
    expectValidationError(() => new DetectionService(stack, "x", undefined as unknown as DetectionServiceProps), 
      "[platform/x] props (undefined) must be an object with at least name, namespace, image, gateway and kong",
    );
  });
});
