import { App, TerraformStack, TerraformVariable, Token } from "cdktf";
import { DetectionServiceProps } from "../../../lib/models/detection-service";
import { model } from "../helpers";
import { expectValidationError } from "../../helpers";

describe("DetectionService resources and probes: rejected input, reported at the model", () => {
  const cases: [string, Partial<DetectionServiceProps>, string][] = [
    [
      "fractional GPUs",
      { resources: { gpu: { count: 0.5 } } },
      "[platform/face] resources.gpu.count (0.5) must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)",
    ],
    [
      "negative GPUs",
      { resources: { gpu: { count: -1 } } },
      "[platform/face] resources.gpu.count (-1) must be a whole number of GPUs between 1 and 16 (GPUs cannot be split)",
    ],
    [
      "a bad memory quantity",
      { resources: { memory: "8GB" } },
      '[platform/face] resources.memory ("8GB") must be a Kubernetes quantity such as 250m, 1, 512Mi or 10Gi',
    ],
    [
      "a CPU request above its limit",
      { resources: { cpu: "2", cpuLimit: "1" } },
      '[platform/face] resources.cpuLimit ("1") must be >= resources.cpu (2): Kubernetes rejects a request above its limit',
    ],
    [
      "a GPU resource name Kubernetes rejects",
      { resources: { gpu: { count: 1, resourceName: "nvidia gpu" } } },
      '[platform/face] resources.gpu.resourceName ("nvidia gpu") must be an extended resource name such as nvidia.com/gpu: an optional DNS-subdomain prefix and \'/\', then 1 to 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit',
    ],
    [
      "a GPU node selector value that is not a label value",
      { resources: { gpu: { count: 1, nodeSelector: { "cloud.google.com/gke-accelerator": "nvidia l4" } } } },
      '[platform/face] resources.gpu.nodeSelector["cloud.google.com/gke-accelerator"] ("nvidia l4") must be a label value: at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit',
    ],
    ["resources of the wrong type", { resources: "big" as never }, '[platform/face] resources ("big") must be { cpu?, memory?, cpuLimit?, gpu? }'],
    [
      "a probe path that is not a path",
      { probes: { readinessPath: "ready" } },
      '[platform/face] probes.readinessPath ("ready") must be an HTTP path starting with \'/\'',
    ],
    [
      "an image-pull allowance too short to pull anything",
      { imagePullSeconds: 10 },
      "[platform/face] imagePullSeconds (10) must be a whole number of seconds between 30 and 3600, known when the plan is made: the time a node may take to pull the image, " +
        "which the Deployment's progress deadline and Terraform's wait include. Raise it for a large image or a slow registry.",
    ],
    [
      "an image-pull allowance in minutes as text",
      { imagePullSeconds: "10m" as never },
      '[platform/face] imagePullSeconds ("10m") must be a whole number of seconds between 30 and 3600, known when the plan is made: the time a node may take to pull the image, ' +
        "which the Deployment's progress deadline and Terraform's wait include. Raise it for a large image or a slow registry.",
    ],
    [
      "a startup budget known only at apply time",
      { probes: { startupTimeoutSeconds: Token.asNumber(new TerraformVariable(new TerraformStack(new App(), "vars"), "load", { type: "number" }).value) } },
      '[platform/face] probes.startupTimeoutSeconds ("<token>") must be a literal number of seconds, not a Terraform token: the startup probe and the Deployment\'s progress deadline are derived from it when the plan is made',
    ],
    [
      "a startup budget too short to load a model",
      { probes: { startupTimeoutSeconds: 5 } },
      "[platform/face] probes.startupTimeoutSeconds (5) must be an integer between 10 and 3600",
    ],
  ];
  test.each(cases)("%s", (_what, overrides, message) => {
    expectValidationError(() => model(overrides), message);
  });
});

describe("probes", () => {
  test("a bad readiness path is reported once, not again for the startup path that defaults to it", () => {
    expectValidationError(
      () => model({ probes: { readinessPath: "ready" } }),
      '[platform/face] probes.readinessPath ("ready") must be an HTTP path starting with \'/\'',
    );
  });

  test("a startup path of its own is checked", () => {
    expectValidationError(
      () => model({ probes: { startupPath: "loaded" } }),
      '[platform/face] probes.startupPath ("loaded") must be an HTTP path starting with \'/\'',
    );
  });
});
