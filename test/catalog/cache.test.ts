import { catalogMarkdown } from "../../lib/catalog/markdown";
import { Plugin } from "../../lib/gateway/plugins/plugin";
import { Json } from "../helpers";
import { catalogOf, gatewaySetup, openApiOf } from "./helpers";

/** A service with a GET route and a POST route under a proxy cache of GET answers for 60 s, keyed by a header too. */
function cachedGateway() {
  const { gateway } = gatewaySetup();
  const labels = gateway.addService("labels", { host: "labels.local" });
  labels.addPlugin(Plugin.proxyCache({ requestMethod: ["GET"], cacheTtlSeconds: 60, varyHeaders: ["accept-language"] }));
  labels.addRoute("read", { paths: ["/labels"], methods: ["GET"] });
  labels.addRoute("write", { paths: ["/labels/new"], methods: ["POST"] });
  return gateway;
}

describe("a proxy cache in the catalog", () => {
  const doc = openApiOf(cachedGateway());
  const deref = (ref: Json) => doc.components.responses[ref.$ref.split("/").pop()];

  test("a cached operation says what is cached, for how long and by which key, and lists the headers Kong adds", () => {
    const get = doc.paths["/labels"].get;
    expect(get.description).toContain(
      "Cached by Kong: GET answers 200, 301, 404 (text/plain, application/json) for 60 s, keyed by consumer, method, path, query, header accept-language; ignores Cache-Control (no-store and private included); each Kong pod keeps its own.",
    );
    expect(Object.keys(deref(get.responses["2XX"]).headers)).toEqual(["X-Cache-Status", "X-Cache-Key", "Age"]);
    expect(get["x-kong"].cache).toMatchObject({ methods: ["GET"], ttlSeconds: 60 });
  });

  test("an operation of a method the cache leaves alone says nothing of it", () => {
    const post = doc.paths["/labels/new"].post;
    expect(post.description).not.toContain("Cached");
    expect(Object.keys(deref(post.responses["2XX"]).headers)).toEqual([]);
  });

  test("catalog.md has a cache column", () => {
    const md = catalogMarkdown(catalogOf(cachedGateway()));
    expect(md).toContain("| route | matches | authentication | allowed groups | rate limit | payload limit | CORS | cache |");
    expect(md).toContain("GET answers 200, 301, 404 (text/plain, application/json) for 60 s");
  });
});
