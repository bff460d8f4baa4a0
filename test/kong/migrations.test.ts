import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  clearStaleStateCommand,
  migrationsFinishScript,
  migrationsKey,
  migrationsUpScript,
  DEFAULT_WAIT,
  UNRESOLVED_PART,
  waitBudgetSeconds,
  waitForDatabaseScript,
} from "../../lib/kong/migrations";

/**
 * A stand-in for the `kong` CLI with Kong 3.x's `migrations` semantics, driven by a state file:
 * ok (exit 0) | bootstrap (3) | pending (4) | pending+new (4) | new (5); DOWN holds how many more `list` calls fail.
 */
const FAKE_KONG = `#!/bin/sh
echo "$*" >> "$WORK/log"
state=$(cat "$WORK/state")
down=$(cat "$WORK/down")
case "$1 $2" in
"migrations list")
  if [ "$down" -gt 0 ]; then echo $((down-1)) > "$WORK/down"; echo "connection refused" >&2; exit 1; fi
  case "$state" in ok) exit 0 ;; bootstrap) exit 3 ;; pending|pending+new) exit 4 ;; new) exit 5 ;; esac ;;
"migrations bootstrap")
  [ "$state" = bootstrap ] || exit 0; echo ok > "$WORK/state" ;;
"migrations up")
  case "$state" in pending*) echo "Database has pending migrations; run 'kong migrations finish'" >&2; exit 1 ;; esac
  if [ "$state" = new ]; then if [ -f "$WORK/fail_up" ]; then exit 1; fi; echo pending > "$WORK/state"; fi ;;
"migrations finish")
  case "$state" in pending) echo ok > "$WORK/state" ;; pending+new) echo new > "$WORK/state" ;; esac ;;
esac
exit 0
`;

interface Run {
  code: number | null;
  calls: string[];
  state: string;
  stdout: string;
  stderr: string;
}

function run(script: string, state: string, opts: { down?: number; failUp?: boolean } = {}): Run {
  const work = mkdtempSync(join(tmpdir(), "kong-migrations-"));
  try {
    writeFileSync(join(work, "kong"), FAKE_KONG);
    chmodSync(join(work, "kong"), 0o755);
    writeFileSync(join(work, "state"), `${state}\n`);
    writeFileSync(join(work, "down"), `${opts.down ?? 0}\n`);
    writeFileSync(join(work, "log"), "");
    if (opts.failUp) writeFileSync(join(work, "fail_up"), "");
    const r = spawnSync("/bin/sh", ["-c", script], {
      env: { PATH: `${work}:${process.env.PATH}`, WORK: work },
      encoding: "utf8",
      timeout: 10_000,
    });
    return {
      code: r.status,
      calls: readFileSync(join(work, "log"), "utf8").trim().split("\n").filter(Boolean),
      state: readFileSync(join(work, "state"), "utf8").trim(),
      stdout: r.stdout,
      stderr: r.stderr,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const FAST = { attempts: 3, intervalSeconds: 0 };

describe("migrationsKey", () => {
  test("is a stable 8-hex hash of image, database host and database name", () => {
    // GIVEN / WHEN
    const key = migrationsKey("kong:3.9.1", "db.kong.svc.cluster.local", "kong");
    // THEN
    expect(key).toMatch(/^[0-9a-f]{8}$/);
    expect(migrationsKey("kong:3.9.1", "db.kong.svc.cluster.local", "kong")).toBe(key);
    expect(migrationsKey("kong:3.9.2", "db.kong.svc.cluster.local", "kong")).not.toBe(key);
    expect(migrationsKey("kong:3.9.1", "other-db", "kong")).not.toBe(key);
    expect(migrationsKey("kong:3.9.1", "db.kong.svc.cluster.local", "kong2")).not.toBe(key);
  });
});

describe("migrationsKey with Terraform tokens", () => {
  test("hashes a token part as a fixed marker, so the key does not depend on token numbering", () => {
    // GIVEN two different tokens for the database host
    const stack = new TerraformStack(Testing.app(), "test");
    const a = new TerraformVariable(stack, "a", { type: "string" }).stringValue;
    const b = new TerraformVariable(stack, "b", { type: "string" }).stringValue;
    // WHEN / THEN the key is the one of the marker, and still follows the image
    expect(migrationsKey("kong:3.9.1", a, "kong")).toBe(migrationsKey("kong:3.9.1", UNRESOLVED_PART, "kong"));
    expect(migrationsKey("kong:3.9.1", a, "kong")).toBe(migrationsKey("kong:3.9.1", b, "kong"));
    expect(migrationsKey("kong:3.9.2", a, "kong")).not.toBe(migrationsKey("kong:3.9.1", a, "kong"));
    expect(UNRESOLVED_PART).toBe("<unresolved>");
  });
});

describe("migrationsUpScript", () => {
  test("an empty database is bootstrapped", () => {
    // GIVEN a database that needs bootstrapping (list exits 3) WHEN the script runs
    const r = run(migrationsUpScript(FAST), "bootstrap");
    // THEN it bootstraps once and stops when list reports up to date
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list", "migrations bootstrap", "migrations list"]);
    expect(r.state).toBe("ok");
  });

  test("an up-to-date database is left alone (a fresh install against an existing database)", () => {
    // GIVEN list exits 0 WHEN the script runs
    const r = run(migrationsUpScript(FAST), "ok");
    // THEN nothing but list runs
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list"]);
  });

  test("an upgrade runs up and leaves its own pending migrations for the finish Job", () => {
    // GIVEN new migrations (list exits 5) WHEN the script runs
    const r = run(migrationsUpScript(FAST), "new");
    // THEN up runs, and the pending state it creates is not finished before the rollout
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list", "migrations up", "migrations list"]);
    expect(r.state).toBe("pending");
  });

  test("a finish that an earlier upgrade never ran does not block the next up", () => {
    // GIVEN pending migrations from a previous upgrade plus new ones (list exits 4) WHEN the script runs
    const r = run(migrationsUpScript(FAST), "pending+new");
    // THEN the leftover finish runs first, then up
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list", "migrations finish", "migrations list", "migrations up", "migrations list"]);
    expect(r.state).toBe("pending");
  });

  test("waits for a database that is not reachable yet", () => {
    // GIVEN the first two list calls fail (database starting) WHEN the script runs
    const r = run(migrationsUpScript(FAST), "bootstrap", { down: 2 });
    // THEN it retries, then bootstraps
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list", "migrations list", "migrations list", "migrations bootstrap", "migrations list"]);
  });

  test("gives up after its budget when the database never answers", () => {
    // GIVEN a database that stays down WHEN the script runs with 3 attempts
    const r = run(migrationsUpScript(FAST), "ok", { down: 100 });
    // THEN it fails with the last output of list and a reason
    expect(r.code).toBe(1);
    expect(r.calls).toHaveLength(3);
    expect(r.stderr).toContain("connection refused");
    expect(r.stderr).toContain("kong: database not reachable after 0s (kong migrations list exited 1)");
  });

  test("fails the Job when a migration fails", () => {
    // GIVEN up fails WHEN the script runs
    const r = run(migrationsUpScript(FAST), "new", { failUp: true });
    // THEN the script exits non-zero (the Job retries, Terraform reports the failure)
    expect(r.code).toBe(1);
    expect(r.calls).toEqual(["migrations list", "migrations up"]);
  });

  test("contains no Terraform template sequences", () => {
    // GIVEN / WHEN / THEN: "${" or "%{" in a resource attribute would be evaluated by Terraform
    for (const s of [migrationsUpScript(), migrationsFinishScript(), waitForDatabaseScript()]) {
      expect(s).not.toMatch(/[$%]\{/);
    }
  });

  test("default budget is 60 attempts 5 seconds apart", () => {
    // GIVEN / WHEN
    const s = migrationsUpScript();
    // THEN
    expect(s).toContain('if [ "$tries" -ge 60 ]; then');
    expect(s).toContain("sleep 5");
  });
});

describe("migrationsFinishScript", () => {
  test("finishes pending migrations", () => {
    // GIVEN list exits 4 WHEN the script runs
    const r = run(migrationsFinishScript(FAST), "pending");
    // THEN finish runs
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list", "migrations finish"]);
    expect(r.state).toBe("ok");
  });

  test("does nothing on an up-to-date database", () => {
    // GIVEN list exits 0 WHEN the script runs
    const r = run(migrationsFinishScript(FAST), "ok");
    // THEN
    expect(r.code).toBe(0);
    expect(r.calls).toEqual(["migrations list"]);
  });

  test("refuses to run while the schema is behind", () => {
    // GIVEN list exits 5 (the migrations Job did not run) WHEN the script runs
    const r = run(migrationsFinishScript(FAST), "new");
    // THEN it fails with a reason
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("kong: the schema is behind this Kong version; the migrations Job must succeed first");
  });
});

describe("waitForDatabaseScript", () => {
  test.each([
    ["ok", 0],
    ["pending", 0],
  ])("lets Kong start when list reports %s", (state, code) => {
    // GIVEN a migrated database (or one awaiting finish during a rollout) WHEN the init container runs
    const r = run(waitForDatabaseScript(FAST), state);
    // THEN it exits 0 at once
    expect(r.code).toBe(code);
    expect(r.calls).toEqual(["migrations list"]);
  });

  test.each(["bootstrap", "new"])("holds Kong back, within its budget, while the database is %s", (state) => {
    // GIVEN a database that is not migrated for this version WHEN the init container runs
    const r = run(waitForDatabaseScript(FAST), state);
    // THEN it retries and fails after the budget (the pod restarts it; nothing starts against an old schema)
    expect(r.code).toBe(1);
    expect(r.calls).toHaveLength(3);
    expect(r.stderr).toContain("kong: database not ready after 0s");
  });

  test("waits for the database to come up", () => {
    // GIVEN one failed list WHEN the init container runs
    const r = run(waitForDatabaseScript(FAST), "ok", { down: 1 });
    // THEN
    expect(r.code).toBe(0);
    expect(r.calls).toHaveLength(2);
  });
});

describe("waitBudgetSeconds", () => {
  test("60 attempts, each a list bounded by pg_timeout (5 s) and a 5 s sleep: 600 s", () => {
    expect(DEFAULT_WAIT).toEqual({ attempts: 60, intervalSeconds: 5 });
    expect(waitBudgetSeconds(DEFAULT_WAIT)).toBe(600);
    expect(waitBudgetSeconds({ attempts: 3, intervalSeconds: 2 })).toBe(21);
  });
});

describe("clearStaleStateCommand", () => {
  test("removes pids and sockets under the prefix", () => {
    // GIVEN / WHEN / THEN
    expect(clearStaleStateCommand("/kong_prefix/")).toEqual(["/bin/sh", "-c", "rm -rf /kong_prefix/pids /kong_prefix/sockets /kong_prefix/*.sock"]);
    expect(clearStaleStateCommand("/p")).toEqual(["/bin/sh", "-c", "rm -rf /p/pids /p/sockets /p/*.sock"]);
  });
});
