import { Lazy, Token } from "cdktf";
import { Problems } from "../../lib/core/errors";

/** The problems one check records, as `node.addValidation`-style messages (no construct path). */
export function messages(fn: (v: Problems) => unknown): string[] {
  const v = new Problems("p");
  fn(v);
  return v.messages();
}

/** A string Terraform token (known only at apply time), as a variable's value is. */
export function stringToken(): string {
  return Token.asString(Lazy.stringValue({ produce: () => "x" }));
}
