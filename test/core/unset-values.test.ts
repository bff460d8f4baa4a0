import { Testing } from "cdktf";
import { AiPlatform, ProxyEndpoint, ProxyTls } from "../../lib";
import { unsetWord } from "../../lib/core/checks";
import { errorOf } from "../helpers";

// `${process.env.TAG}` with TAG unset writes "undefined" into the string: the value is a literal by then, so nothing
// else would notice that it was never set.
const HINT = "an unset value interpolated into a string (such as `${process.env.X}`)? Set it, or leave the option out";

describe("an unset value interpolated into a string", () => {
  test("is found as the word undefined or NaN of its own, never inside another word", () => {
    expect(["ocr:undefined", "ai.undefined", "/v1/undefined/x", "NaN", "replicas-NaN"].map(unsetWord)).toEqual(["undefined", "undefined", "undefined", "NaN", "NaN"]);
    // "null" is a plausible host label, and process.env never yields null
    expect(["null.example.com", "undefinedness", "NaNo", "/v1/nulls"].map(unsetWord)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test("in an image tag, a certificate's host, a route's host and path: each refused with the field", () => {
    const build = () => {
      const platform = new AiPlatform(Testing.app(), "acme", {
        environment: "dev",
        kong: { proxy: ProxyEndpoint.clusterIp(), tls: ProxyTls.fromSecret({ secretName: "acme-tls", hosts: ["ai.undefined"] }) },
      });
      return platform;
    };
    expect(errorOf(build)).toBe(`[acme-platform-dev/kong] tls.hosts[0] ("ai.undefined") contains "undefined": ${HINT}`);
    const model = (props: object) => () =>
      new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } }).addModel("ocr", {
        name: "ocr",
        image: "registry.acme.example/ocr:1.0.0",
        ...props,
      });
    expect(errorOf(model({ image: "registry.acme.example/ocr:undefined" }))).toBe(`[acme-platform-dev/ocr] image ("registry.acme.example/ocr:undefined") contains "undefined": ${HINT}`);
    expect(errorOf(model({ routes: [{ paths: ["/v1/ocr"], hosts: ["api.undefined"] }] }))).toBe(`[acme-platform-dev/ocr] routes[0].hosts[0] ("api.undefined") contains "undefined": ${HINT}`);
    expect(errorOf(model({ routes: [{ paths: ["/v1/undefined/ocr"] }] }))).toBe(`[acme-platform-dev/ocr] routes[0].paths[0] ("/v1/undefined/ocr") contains "undefined": ${HINT}`);
  });
});
