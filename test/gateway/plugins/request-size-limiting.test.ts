import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("request-size-limiting", () => {
  test("defaults: 128 megabytes, no Content-Length required", () => {
    // GIVEN no options WHEN rendered THEN Kong's defaults are explicit
    expect(rendered(Plugin.requestSizeLimiting())).toEqual({ allowed_payload_size: 128, size_unit: "megabytes", require_content_length: false });
  });

  test("typical: 10 MB uploads", () => {
    expect(rendered(Plugin.requestSizeLimiting({ allowedPayloadSize: 10, requireContentLength: true }))).toEqual({
      allowed_payload_size: 10,
      size_unit: "megabytes",
      require_content_length: true,
    });
  });

  test("rejects an unknown unit and a fractional size", () => {
    expect(attachError(Plugin.requestSizeLimiting({ allowedPayloadSize: 1.5, sizeUnit: "gigabytes" as any }))).toBe(
      [
        "[stack/gw/svc] requestSizeLimiting.allowedPayloadSize (1.5) must be an integer between 0 and 9007199254740991",
        '[stack/gw/svc] requestSizeLimiting.sizeUnit ("gigabytes") must be one of "megabytes", "kilobytes", "bytes"',
      ].join("\n"),
    );
  });
});
