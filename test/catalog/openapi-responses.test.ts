import { ResponseComponents } from "../../lib/catalog/openapi-responses";
import type { RouteEntry } from "../../lib/catalog/types";

const ROUTE: RouteEntry = {
  name: "r",
  protocols: ["http"],
  paths: ["/r"],
  regexPaths: [],
  hosts: [],
  headers: {},
  stripPath: true,
  authentication: { mode: "none", methods: [], anonymousAdmitted: true },
  plugins: [],
};

describe("ResponseComponents", () => {
  test("a public route without policies: only the backend's answer, and no component but the error schema", () => {
    const c = new ResponseComponents();
    expect(c.forOperation(ROUTE, "svc")).toEqual({ "2XX": { description: "The response of svc, proxied by Kong", headers: {} } });
    expect(c.components()).toMatchObject({ headers: {}, responses: {} });
  });

  test("ip-restriction or bot-detection can answer 403 too", () => {
    const c = new ResponseComponents();
    expect(Object.keys(c.forOperation({ ...ROUTE, plugins: [{ name: "ip-restriction", scope: "service" }] }, "svc"))).toEqual(["403", "2XX"]);
    expect(Object.keys((c.components().responses as object) ?? {})).toEqual(["Forbidden"]);
  });
});
