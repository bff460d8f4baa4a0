import { Plugin } from "../../lib/gateway/plugins/plugin";
import { model } from "./helpers";
import { expectValidationError } from "../helpers";

describe("ModelKongScope", () => {
  test("the model's scope stands for the gateway: same stack and names, and it refuses plugins of its own", () => {
    const { svc, gateway } = model();
    const scope = svc.kongService.gateway;
    expect(scope.node.path).toBe("platform/gateway/face-detection");
    expect(scope.stack).toBe(gateway.stack);
    expect(scope.names).toBe(gateway.names);
    expectValidationError(() => scope.addPlugin(Plugin.cors()), 
      '[platform/gateway/face-detection] plugins ("cors") cannot be added to a model\'s scope in the gateway: use the model\'s plugins or routes[].plugins props, its kongService or route(name), or the gateway\'s addPlugin for a global plugin',
    );
  });
});
