import { ProblemRecorder } from "../../core/errors";
import { knownKeys } from "../../core/keys";
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

const BOT_DETECTION_OPTION_KEYS = knownKeys<BotDetectionOptions>()(["allow", "deny"]);

export function botDetection(options?: BotDetectionOptions): PolicySpec {
  const v = new ProblemRecorder("botDetection");
  const o = optionsOf(v, options, BOT_DETECTION_OPTION_KEYS);
  regexList(v, "allow", o.allow);
  regexList(v, "deny", o.deny);
  const config = v.isEmpty ? { allow: o.allow ?? [], deny: o.deny ?? [] } : {};
  return { name: "bot-detection", label: "botDetection", config, problems: v.items };
}
