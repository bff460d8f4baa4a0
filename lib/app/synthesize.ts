import { App, AppConfig } from "cdktf";
import { writeSync } from "node:fs";
import { ValidationError } from "../core/errors";

export interface SynthesizeOptions {
  /** Configuration of the `App` that `synthesize(build)` creates. @default `{}` (cdktf's defaults) */
  readonly app?: AppConfig;
}

/**
 * Builds and synthesizes an app the way a command line wants it: when the input is invalid, it prints only the
 * problems, one line each (`[construct path] field (value) what is allowed`), to stderr and exits with status 1:
 * no stack trace, no hint to skip validation. Any other error is thrown as is (a bug deserves its stack trace).
 * ```ts
 * synthesize((app) => {
 *   const platform = new AiPlatform(app, "acme", { ... });
 *   platform.addModel("ocr", { ... });
 * });
 * ```
 * Pass a build function (as above) so that problems found while the constructs are created are reported the same
 * way; `synthesize(app)` with an app built beforehand reports only the problems found when it is synthesized.
 */
export function synthesize(build: (app: App) => unknown, options?: SynthesizeOptions): App;
export function synthesize(app: App): App;
export function synthesize(appOrBuild: App | ((app: App) => unknown), options: SynthesizeOptions = {}): App {
  try {
    let app: App;
    if (typeof appOrBuild === "function") {
      app = new App(options.app);
      appOrBuild(app);
    } else {
      app = appOrBuild;
    }
    app.synth();
    return app;
  } catch (error) {
    const lines = validationLines(error);
    if (lines === undefined) throw error;
    // writeSync: the lines must be out before exit, also when stderr is a pipe (the cdktf CLI reads it through one)
    writeSync(2, lines.map((line) => `${line}\n`).join(""));
    return process.exit(1);
  }
}

const CDKTF_VALIDATION = /^(?:App-level validation|Validation) failed with the following errors:\n {2}([\s\S]*?)\n(?:\nIf you wish to ignore|Validations allow)/;

/**
 * The problems of a failed synth, one line each, without cdktf's header and hint; `undefined` when the error is
 * not about the input (a `ValidationError` of this library, or cdktf's "Validation failed" from `node.addValidation`).
 */
export function validationLines(error: unknown): string[] | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof ValidationError || error.name === "ValidationError") return error.message.split("\n");
  const m = CDKTF_VALIDATION.exec(error.message);
  return m ? m[1].split("\n").map((line) => line.replace(/^ {2}/, "")) : undefined;
}
