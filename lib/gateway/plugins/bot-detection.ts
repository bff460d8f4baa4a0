import { ProblemRecorder, regexList } from "../validation";
import { NoConsumerPolicy, optionsOf } from "./base";

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

export function botDetection(options?: BotDetectionOptions): NoConsumerPolicy {
  const o = optionsOf(options);
  const v = new ProblemRecorder("botDetection");
  regexList(v, "allow", o.allow);
  regexList(v, "deny", o.deny);
  const config = v.isEmpty ? { allow: o.allow ?? [], deny: o.deny ?? [] } : {};
  return new NoConsumerPolicy({ name: "bot-detection", label: "botDetection", config, problems: v.items, validated: true });
}
