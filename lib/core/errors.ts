import { IConstruct } from "constructs";
import { isToken } from "./tokens";

/** One problem found in one field of one construct. */
export interface ValidationProblem {
  /** Dotted path of the offending prop, e.g. `rateLimit.minute`. */
  readonly field: string;
  /** The value that was given (rendered with `describeValue`). */
  readonly value: unknown;
  /** What is wrong and what is allowed, e.g. `must be an integer between 1 and 65535`. */
  readonly message: string;
}

/**
 * The one error class of this library: thrown at synth time for input that Kubernetes, Kong or Terraform would
 * reject. Its message names the construct path, the field, the bad value and what is allowed.
 */
export class ValidationError extends Error {
  public readonly constructPath: string;
  public readonly problems: readonly ValidationProblem[];

  constructor(constructPath: string, problems: readonly ValidationProblem[]) {
    super(problems.map((p) => formatProblem(constructPath, p)).join("\n"));
    this.name = "ValidationError";
    this.constructPath = constructPath;
    this.problems = problems;
  }
}

/**
 * Renders a value for an error message: strings quoted, objects as compact JSON, never `[object Object]`; a Terraform
 * reference as `<reference>` (its placeholder text means nothing to a reader).
 */
export function describeValue(value: unknown): string {
  if (isToken(value)) return "<reference>";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return String(value);
  }
}

export function formatProblem(constructPath: string, p: ValidationProblem): string {
  return `[${constructPath}] ${p.field} (${describeValue(p.value)}) ${p.message}`;
}

/** The path a construct is reported under: its node path, or `<root>` for the app. */
export function pathOf(scope: IConstruct): string {
  return scope.node.path || "<root>";
}

/**
 * Collects the problems of one construct so they can be reported together, then throws one ValidationError.
 * ```ts
 * const v = new Problems(this);
 * v.add("replicas", props.replicas, "must be an integer >= 1");
 * v.throwIfAny();
 * ```
 */
export class Problems {
  protected readonly list: ValidationProblem[] = [];
  /** Options set to null, waiting to be reported unless a check reported them already (see `nullOption`). */
  private readonly nulls: string[] = [];
  constructor(private readonly scope: IConstruct | string) {}

  public add(field: string, value: unknown, message: string): this {
    this.list.push({ field: this.qualify(field), value, message });
    return this;
  }

  /**
   * Notes an option set to null (`strictKeys` does, for every options object). Checks that know the option report
   * null in their own words; one that fills a default in first (`x ?? default`) would not see it. So the null is
   * reported when the problems are read, unless a problem of that field (or inside it) was recorded by then.
   */
  public nullOption(field: string): this {
    this.nulls.push(this.qualify(field));
    return this;
  }

  /** Adds problems recorded elsewhere (e.g. by a `ProblemRecorder`), keeping their fields (a recorder prefixes them). */
  public addAll(problems: readonly ValidationProblem[]): this {
    for (const p of problems) this.list.push({ ...p, field: this.qualify(p.field) });
    return this;
  }

  public get isEmpty(): boolean {
    return this.list.length === 0;
  }

  public get count(): number {
    return this.list.length;
  }

  /** The collected problems as `node.addValidation` strings (without the path; cdktf prefixes it). */
  public messages(): string[] {
    this.flushNulls();
    return this.list.map((p) => `${p.field} (${describeValue(p.value)}) ${p.message}`);
  }

  public throwIfAny(): void {
    this.flushNulls();
    if (this.list.length > 0) {
      const path = typeof this.scope === "string" ? this.scope : pathOf(this.scope);
      throw new ValidationError(path, this.list.splice(0));
    }
  }

  /** A field as recorded: a `ProblemRecorder` prefixes it. */
  protected qualify(field: string): string {
    return field;
  }

  /** Reports each noted null option that no check reported. */
  protected flushNulls(): void {
    for (const field of this.nulls.splice(0)) {
      const covered = this.list.some((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`) || p.field.startsWith(`${field} `));
      if (!covered) this.list.push({ field, value: null, message: NULL_OPTION });
    }
  }
}

/** The message of an option set to null, which no option of this library takes. */
export const NULL_OPTION = "must not be null: give a value, or leave the option out for its default";

/**
 * Problems found before there is a construct to report them under: a plugin policy records the problems of its
 * options when it is made and reports them (with `Problems.addAll`) under the path of the scope it is attached to.
 * Every field gets the recorder's prefix, e.g. `rateLimiting.minute`.
 */
export class ProblemRecorder extends Problems {
  constructor(private readonly prefix = "") {
    super("<unattached>");
  }

  /** The problems recorded so far, in order (the null options no check reported included). */
  public get items(): readonly ValidationProblem[] {
    this.flushNulls();
    return this.list;
  }

  protected qualify(field: string): string {
    return this.prefix && field ? `${this.prefix}.${field}` : this.prefix || field;
  }
}
