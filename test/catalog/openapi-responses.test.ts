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
  test("a public route without policies: only the backend's answer, shared by every operation with the same headers", () => {
    const c = new ResponseComponents();
    expect(c.forOperation(ROUTE, "POST")).toEqual({ "2XX": { $ref: "#/components/responses/Proxied" } });
    expect(c.forOperation({ ...ROUTE, requestIdHeader: "X-Request-ID" }, "POST")).toEqual({ "2XX": { $ref: "#/components/responses/Proxied-2" } });
    expect(c.forOperation(ROUTE, "POST")["2XX"]).toBe(c.forOperation(ROUTE, "POST")["2XX"]);
    expect(c.components()).toMatchObject({
      responses: {
        Proxied: { description: "The backend's response, proxied by Kong, with the headers Kong's plugins add", headers: {} },
        "Proxied-2": { headers: { "X-Request-ID": { $ref: "#/components/headers/X-Request-ID" } } },
      },
    });
  });

  test("ip-restriction or bot-detection can answer 403 too", () => {
    const c = new ResponseComponents();
    expect(Object.keys(c.forOperation({ ...ROUTE, plugins: [{ name: "ip-restriction", scope: "service" }] }, "POST"))).toEqual(["403", "2XX"]);
    expect(Object.keys((c.components().responses as object) ?? {})).toEqual(["Forbidden", "Proxied"]);
  });
});
