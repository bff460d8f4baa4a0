import { DetectionService, DetectionServiceProps } from "../../lib/models/detection-service";
import { Vip } from "../../lib/kubernetes/vip";
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

  test.each([
    ["NaN", { port: NaN }, "[platform/face] port (NaN) must be an integer between 1 and 65535"],
    ["Infinity", { timeoutMs: Infinity }, "[platform/face] timeoutMs (Infinity) must be an integer between 1 and 2147483646"],
    ["null (which ?? would have replaced by the default)", { runAsUser: null as never }, "[platform/face] runAsUser (null) must not be null: give a value, or leave the option out for its default"],
    ["a wrong type", { maxPayloadMegabytes: "10" as never }, '[platform/face] maxPayloadMegabytes ("10") must be an integer between 1 and 1024'],
    ["a hole in a list", { allowedGroups: ["face", , "vision"] as never }, "[platform/face] allowedGroups[1] (undefined) is not set: every element of a list must hold a value (an unset variable gives undefined; a hole in the list, too)"],
    ["a misspelt prop", { maxPayloadMB: 5 } as never, '[platform/face] maxPayloadMB (5) is an unknown option; did you mean "maxPayloadMegabytes"?'],
    ["a misspelt nested option", { resources: { gpus: 1 } as never }, '[platform/face] resources.gpus (1) is an unknown option; did you mean "gpu"?'],
    [
      "an annotation key Kubernetes refuses, on the model's VIP",
      { vip: Vip.loadBalancer({ sourceRanges: ["10.0.0.0/8"], annotations: { "lb type": "internal" } }) },
      "[platform/face] vip.annotations key (\"lb type\") must be an annotation name: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    ],
  ])("%s is refused, naming the field and the value", (_what, overrides, message) => {
    expectValidationError(() => model(overrides as Partial<DetectionServiceProps>), message);
  });

  test("missing props are an error, not a TypeError", () => {
    const { stack } = setup();
    expectValidationError(() => new DetectionService(stack, "x", undefined as unknown as DetectionServiceProps), 
      "[platform/x] props (undefined) must be an object with at least name, namespace, image, gateway and kong",
    );
  });
});
