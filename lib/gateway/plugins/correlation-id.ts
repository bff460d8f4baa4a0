import { bool, oneOf } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { headerName } from "../validation";
import { optionsOf, PolicySpec } from "./render";

export type CorrelationIdGenerator = "uuid" | "uuid#counter" | "tracker";

/**
 * Options of Kong's correlation-id plugin (Kong/kong 3.9.1 `kong/plugins/correlation-id/schema.lua`).
 * https://developer.konghq.com/plugins/correlation-id/
 */
export interface CorrelationIdOptions {
  /** Header that carries the id. @default "Kong-Request-ID" */
  readonly headerName?: string;
  /** How ids are made. @default "uuid#counter" */
  readonly generator?: CorrelationIdGenerator;
  /** Also return the header to the client. @default false */
  readonly echoDownstream?: boolean;
}

export function correlationId(options?: CorrelationIdOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("correlationId");
  headerName(v, "headerName", o.headerName);
  oneOf(v, "generator", o.generator, ["uuid", "uuid#counter", "tracker"]);
  bool(v, "echoDownstream", o.echoDownstream);
  const config = v.isEmpty
    ? {
        header_name: o.headerName ?? "Kong-Request-ID",
        generator: o.generator ?? "uuid#counter",
        echo_downstream: o.echoDownstream ?? false,
      }
    : {};
  return { name: "correlation-id", label: "correlationId", config, problems: v.items };
}
