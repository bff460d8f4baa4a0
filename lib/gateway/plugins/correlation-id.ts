import { bool, oneOf } from "../../core/checks";
import { ProblemRecorder } from "../../core/errors";
import { knownKeys } from "../../core/keys";
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

const CORRELATION_ID_OPTION_KEYS = knownKeys<CorrelationIdOptions>()(["headerName", "generator", "echoDownstream"]);

export function correlationId(options?: CorrelationIdOptions): PolicySpec {
  const v = new ProblemRecorder("correlationId");
  const o = optionsOf(v, options, CORRELATION_ID_OPTION_KEYS);
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
