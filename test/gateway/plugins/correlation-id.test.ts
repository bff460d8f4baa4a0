import { Plugin } from "../../../lib/gateway/plugins/plugin";
import { attachError, rendered } from "../helpers";
/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped, and rejected-input tests pass wrong JavaScript types on purpose */

describe("correlation-id", () => {
  test("defaults: Kong-Request-ID, uuid#counter, not echoed", () => {
    // GIVEN no options WHEN rendered THEN Kong's defaults are explicit
    expect(rendered(Plugin.correlationId())).toEqual({ header_name: "Kong-Request-ID", generator: "uuid#counter", echo_downstream: false });
  });

  test("typical: uuid echoed to the client", () => {
    expect(rendered(Plugin.correlationId({ headerName: "X-Request-ID", generator: "uuid", echoDownstream: true }))).toEqual({
      header_name: "X-Request-ID",
      generator: "uuid",
      echo_downstream: true,
    });
  });

  test("rejects an unknown generator", () => {
    expect(attachError(Plugin.correlationId({ generator: "ulid" as any }))).toBe(
      '[stack/gw/svc] correlationId.generator ("ulid") must be one of "uuid", "uuid#counter", "tracker"',
    );
  });
});
