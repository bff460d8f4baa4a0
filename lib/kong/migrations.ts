import { isToken } from "../core/checks";
import { shortHash } from "../core/naming";

/**
 * Exit codes of `kong migrations list` (Kong 3.x, kong/cmd/migrations.lua):
 * 0 up to date, 3 needs bootstrap, 4 pending migrations need `finish`, 5 new migrations need `up`;
 * anything else means the database could not be reached or read.
 */
export const MIGRATIONS_LIST_EXIT = { upToDate: 0, needsBootstrap: 3, needsFinish: 4, needsUp: 5 } as const;

/** How long the scripts wait for the database: attempts x interval seconds. */
export interface WaitBudget {
  readonly attempts: number;
  readonly intervalSeconds: number;
}

export const DEFAULT_WAIT: WaitBudget = { attempts: 60, intervalSeconds: 5 };

/**
 * Longest one `kong migrations list` takes against an unreachable database: Kong's `pg_timeout` (5 s by default,
 * kong.conf.default) bounds the connection attempt.
 */
export const LIST_ATTEMPT_SECONDS = 5;

/** Longest a script waits for the database: every attempt's `kong migrations list` plus the sleep after it. */
export function waitBudgetSeconds(budget: WaitBudget): number {
  return budget.attempts * (budget.intervalSeconds + LIST_ATTEMPT_SECONDS);
}

/** What a Terraform token is hashed as: its `${TfToken[TOKEN.n]}` placeholder changes with build order. */
export const UNRESOLVED_PART = "<unresolved>";

/**
 * The key of one migration run: a short hash of the Kong image and the database it migrates. A new image (or another
 * database) gives new Job names, so Terraform creates new Jobs instead of editing immutable ones.
 *
 * A part that is a Terraform token (known only at apply time, e.g. a host read from a variable) is hashed as the fixed
 * `UNRESOLVED_PART`, so the key is the same on every build. The key then only follows the literal parts: with a
 * token host, a new image still renames the Jobs, a new host value does not.
 */
export function migrationsKey(image: string, dbHost: string, dbName: string): string {
  return shortHash(...[image, dbHost, dbName].map((part) => (isToken(part) ? UNRESOLVED_PART : part)));
}

// The scripts below are plain POSIX sh. They never contain "${" or "%{": Terraform would read those as templates.

/** Runs `kong migrations list` into /tmp/migrations.out and leaves its exit code in `rc`. */
const LIST = "kong migrations list >/tmp/migrations.out 2>&1; rc=$?";

function unreachable(budget: WaitBudget): string {
  return [
    "    tries=$((tries+1))",
    `    if [ "$tries" -ge ${budget.attempts} ]; then`,
    "      cat /tmp/migrations.out >&2",
    `      echo "kong: database not reachable after ${budget.attempts * budget.intervalSeconds}s (kong migrations list exited $rc)" >&2`,
    "      exit 1",
    "    fi",
    `    sleep ${budget.intervalSeconds}`,
  ].join("\n");
}

/**
 * The one idempotent path for install, upgrade and "existing database": converges the schema to this Kong version
 * using the exit codes of `kong migrations list`.
 * - 3 (empty or pre-1.0 database): `bootstrap`.
 * - 4 before this run did `up`: a `finish` an earlier upgrade never ran; run it now so `up` is not blocked.
 * - 5: `up`. A 4 after that is this upgrade's own pending work: left for the finish Job, after the rollout.
 * - 0: nothing to do.
 * Any other code (database unreachable) is retried within the budget; at most 10 migration steps run.
 */
export function migrationsUpScript(budget: WaitBudget = DEFAULT_WAIT): string {
  return [
    "tries=0; steps=0; ran_up=0",
    "while true; do",
    `  ${LIST}`,
    '  case "$rc" in',
    "  0)",
    '    echo "kong: database schema is up to date"; exit 0 ;;',
    "  3)",
    '    echo "kong: bootstrapping the database"',
    "    kong migrations bootstrap || exit 1 ;;",
    "  4)",
    '    if [ "$ran_up" -eq 1 ]; then echo "kong: new migrations are up; finish runs after the rollout"; exit 0; fi',
    '    echo "kong: finishing migrations left pending by an earlier upgrade"',
    "    kong migrations finish || exit 1 ;;",
    "  5)",
    '    echo "kong: running new migrations"',
    "    kong migrations up || exit 1; ran_up=1 ;;",
    "  *)",
    unreachable(budget),
    "    continue ;;",
    "  esac",
    "  steps=$((steps+1))",
    '  if [ "$steps" -ge 10 ]; then cat /tmp/migrations.out >&2; echo "kong: migrations did not converge after 10 steps" >&2; exit 1; fi',
    "done",
  ].join("\n");
}

/** After the rollout: `finish` when migrations are pending (4), nothing when up to date (0), fail on 3 or 5. */
export function migrationsFinishScript(budget: WaitBudget = DEFAULT_WAIT): string {
  return [
    "tries=0",
    "while true; do",
    `  ${LIST}`,
    '  case "$rc" in',
    "  0)",
    '    echo "kong: no pending migrations"; exit 0 ;;',
    "  4)",
    '    echo "kong: finishing migrations"',
    "    exec kong migrations finish ;;",
    "  3|5)",
    "    cat /tmp/migrations.out >&2",
    '    echo "kong: the schema is behind this Kong version; the migrations Job must succeed first" >&2',
    "    exit 1 ;;",
    "  *)",
    unreachable(budget),
    "    ;;",
    "  esac",
    "done",
  ].join("\n");
}

/**
 * Init container of every Kong pod: waits until the database is reachable and migrated for this Kong version
 * (`list` exits 0, or 4 while an upgrade awaits `finish`), at most `budget`; then the pod starts. Unlike the chart's
 * `kong start; kong stop` loop it starts no nginx, so it leaves no socket or pid behind.
 */
export function waitForDatabaseScript(budget: WaitBudget = DEFAULT_WAIT): string {
  return [
    "tries=0",
    "while true; do",
    `  ${LIST}`,
    '  if [ "$rc" -eq 0 ] || [ "$rc" -eq 4 ]; then echo "kong: database ready"; exit 0; fi',
    "  tries=$((tries+1))",
    `  if [ "$tries" -ge ${budget.attempts} ]; then`,
    "    cat /tmp/migrations.out >&2",
    `    echo "kong: database not ready after ${budget.attempts * budget.intervalSeconds}s (kong migrations list exited $rc)" >&2`,
    "    exit 1",
    "  fi",
    `  sleep ${budget.intervalSeconds}`,
    "done",
  ].join("\n");
}

/** Init container command: removes pid files and unix sockets a previous run left in the prefix. */
export function clearStaleStateCommand(prefix: string): string[] {
  const dir = prefix.endsWith("/") ? prefix : `${prefix}/`;
  return ["/bin/sh", "-c", `rm -rf ${dir}pids ${dir}sockets ${dir}*.sock`];
}
