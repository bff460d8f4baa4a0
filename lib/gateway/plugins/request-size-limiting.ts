import { bool, integerIn, oneOf } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { optionsOf, PolicySpec } from "./render";

export type SizeUnit = "megabytes" | "kilobytes" | "bytes";

/**
 * Options of Kong's request-size-limiting plugin (Kong/kong 3.9.1
 * `kong/plugins/request-size-limiting/schema.lua`, units from its handler.lua).
 * https://developer.konghq.com/plugins/request-size-limiting/
 */
export interface RequestSizeLimitingOptions {
  /** Largest accepted request body, in `sizeUnit`s (integer >= 0). @default 128 */
  readonly allowedPayloadSize?: number;
  /** Unit of `allowedPayloadSize`. @default "megabytes" */
  readonly sizeUnit?: SizeUnit;
  /** Refuse requests without a Content-Length header. @default false */
  readonly requireContentLength?: boolean;
}

export function requestSizeLimiting(options?: RequestSizeLimitingOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("requestSizeLimiting");
  integerIn(v, "allowedPayloadSize", o.allowedPayloadSize, 0, Number.MAX_SAFE_INTEGER);
  oneOf(v, "sizeUnit", o.sizeUnit, ["megabytes", "kilobytes", "bytes"]);
  bool(v, "requireContentLength", o.requireContentLength);
  const config = v.isEmpty
    ? {
        allowed_payload_size: o.allowedPayloadSize ?? 128,
        size_unit: o.sizeUnit ?? "megabytes",
        require_content_length: o.requireContentLength ?? false,
      }
    : {};
  return {
    name: "request-size-limiting",
    label: "requestSizeLimiting",
    config,
    problems: v.items,
  };
}
