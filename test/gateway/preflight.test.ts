import { Plugin } from "../../lib/gateway/plugins/plugin";
import { missesPreflight } from "../../lib/gateway/preflight";
import { errorOf, resources, setup, synth } from "./helpers";

const CORS = Plugin.cors({ origins: ["https://app\\.example\\.com"] });
const PREFLIGHT = 'answers a browser\'s preflight (OPTIONS) only on routes that match it; Kong would answer the preflight with 404 "no Route matched" and the browser refuse the call';

describe("CORS preflights reach the cors plugin", () => {
  test.each([
    [undefined, false],
    [["POST", "OPTIONS"], false],
    [["POST"], true],
    [["GET", "HEAD"], true],
  ])("methods %j miss the preflight: %s", (methods, misses) => {
    expect(missesPreflight(methods)).toBe(misses);
  });

  test("a route matching OPTIONS (or any method) under a cors plugin is fine", () => {
    const { stack, svc } = setup();
    svc.addRoute("any", { paths: ["/v1/any"] });
    svc.addRoute("post", { paths: ["/v1/post"], methods: ["POST", "OPTIONS"] });
    svc.addPlugin(CORS);
    expect(resources(synth(stack), "kong_plugin").map((p) => p.name)).toEqual(["cors"]);
  });

  test("a cors plugin on a service with a POST-only route is refused, naming the route", () => {
    const { svc } = setup();
    svc.addRoute("post", { paths: ["/v1/post"], methods: ["POST"] });
    expect(errorOf(() => svc.addPlugin(CORS))).toBe(`[stack/gw/svc] plugins ("cors") ${PREFLIGHT}, and the route stack/gw/svc/post matches only ["POST"]: add "OPTIONS" to its methods`);
  });

  test("a cors plugin on a POST-only route is refused", () => {
    const { svc } = setup();
    const route = svc.addRoute("post", { paths: ["/v1/post"], methods: ["POST"] });
    expect(errorOf(() => route.addPlugin(CORS))).toBe(
      `[stack/gw/svc/post] plugins ("cors") ${PREFLIGHT}, and the route stack/gw/svc/post matches only ["POST"]: add "OPTIONS" to its methods`,
    );
  });

  test("a POST-only route added under a service's cors plugin is refused", () => {
    const { svc } = setup();
    svc.addPlugin(CORS);
    expect(errorOf(() => svc.addRoute("post", { paths: ["/v1/post"], methods: ["POST"] }))).toBe(
      `[stack/gw/svc/post] methods (["POST"]) must include "OPTIONS": the cors plugin on its service ${PREFLIGHT}. Add "OPTIONS" to methods`,
    );
  });

  test("a global cors plugin covers every route, before or after it", () => {
    const { gw, svc } = setup();
    svc.addRoute("post", { paths: ["/v1/post"], methods: ["POST"] });
    expect(errorOf(() => gw.addPlugin(CORS))).toBe(`[stack/gw] plugins ("cors") ${PREFLIGHT}, and the route stack/gw/svc/post matches only ["POST"]: add "OPTIONS" to its methods`);
    const other = setup();
    other.gw.addPlugin(CORS);
    expect(errorOf(() => other.svc.addRoute("get", { paths: ["/v1/get"], methods: ["GET"] }))).toBe(
      `[stack/gw/svc/get] methods (["GET"]) must include "OPTIONS": the cors plugin on the gateway (globally) ${PREFLIGHT}. Add "OPTIONS" to methods`,
    );
  });
});
