import { Fn, Token } from "cdktf";
import { isListToken } from "../core/tokens";

/**
 * The paths of a model's routes as one list, for an output: literal lists are joined here; when a route's paths are
 * a list reference (a list variable's `listValue`), Terraform flattens them (`flatten([...])`) at apply time.
 */
export function routePaths(routes: readonly { readonly paths: string[] }[]): string[] {
  if (!routes.some((r) => isListToken(r.paths))) return routes.flatMap((r) => r.paths);
  return Token.asList(Fn.flatten(routes.map((r) => r.paths)));
}
