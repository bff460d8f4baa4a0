import { capturedHosts } from "../../lib/catalog/captured-hosts";
import type { ApiEntry, RouteEntry } from "../../lib/catalog/types";

/** An API with routes of the given hosts and paths (the fields capturedHosts reads). */
function api(...routes: Array<{ hosts?: string[]; paths?: string[]; regexPaths?: string[] }>): ApiEntry {
  return { routes: routes.map((r) => ({ hosts: r.hosts ?? [], paths: r.paths ?? [], regexPaths: r.regexPaths ?? [] }) as unknown as RouteEntry) } as unknown as ApiEntry;
}

describe("the certificate's host names a route without hosts can be called at", () => {
  test("a host bound to routes with their own paths stays usable for the others (Kong matches host and path together)", () => {
    expect(capturedHosts([api({ hosts: ["vision.contoso.internal"], paths: ["/v1/ocr", "/v1/ocr/results"] }), api({ paths: ["/v1/style-transfer"] })])).toEqual(new Set());
  });

  test("a host bound to a route that could match the others' paths is captured: '/', no paths, a regex, a shorter prefix", () => {
    const hostless = api({ paths: ["/v1/style-transfer"] });
    expect(capturedHosts([api({ hosts: ["admin.example"], paths: ["/"] }), hostless])).toEqual(new Set(["admin.example"]));
    expect(capturedHosts([api({ hosts: ["A.example"] }), hostless])).toEqual(new Set(["a.example"]));
    expect(capturedHosts([api({ hosts: ["r.example"], regexPaths: ["~/v1/.*"] }), hostless])).toEqual(new Set(["r.example"]));
    expect(capturedHosts([api({ hosts: ["p.example"], paths: ["/v1"] }), hostless])).toEqual(new Set(["p.example"]));
  });

  test("no route without hosts: nothing to capture", () => {
    expect(capturedHosts([api({ hosts: ["admin.example"], paths: ["/"] })])).toEqual(new Set());
  });
});
