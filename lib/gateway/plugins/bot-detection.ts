import { ProblemRecorder } from "../../core/errors";
import { regexList } from "../validation";
import { optionsOf, PolicySpec } from "./render";

/**
 * Options of Kong's bot-detection plugin (Kong/kong 3.9.1 `kong/plugins/bot-detection/schema.lua`): User-Agent
 * regexes allowed or denied on top of Kong's built-in bot list.
 * https://developer.konghq.com/plugins/bot-detection/
 */
export interface BotDetectionOptions {
  /** User-Agent regexes always allowed. @default [] */
  readonly allow?: string[];
  /** User-Agent regexes always denied. @default [] */
  readonly deny?: string[];
}

export function botDetection(options?: BotDetectionOptions): PolicySpec {
  const o = optionsOf(options);
  const v = new ProblemRecorder("botDetection");
  regexList(v, "allow", o.allow);
  regexList(v, "deny", o.deny);
  const config = v.isEmpty ? { allow: o.allow ?? [], deny: o.deny ?? [] } : {};
  return { name: "bot-detection", label: "botDetection", config, problems: v.items };
}
