// Runs the backup and restore scripts PostgresBackup renders into its CronJobs against a real PostgreSQL server that
// this test starts itself (initdb + pg_ctl in a temporary directory, on a free loopback port), and stops at the end.
// It needs the server binaries of Debian's `postgresql` package (/usr/lib/postgresql/<major>/bin), which .ci/run
// installs; without them the test FAILS, it does not skip: a backup nobody has restored is not a backup.
import { spawn, spawnSync, SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBackupScript, postgresRestoreScript } from "../../lib/database/backup-scripts";

/** The shipped script files, the source of what the CronJobs run. */
const SCRIPTS_DIR = join(__dirname, "../../lib/database/scripts");

jest.setTimeout(60_000);

const PG_ROOT = "/usr/lib/postgresql";
const NEEDED = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore", "psql"];
const PASSWORD = "kong-test-password-1";

/** The newest /usr/lib/postgresql/<major>/bin holding every binary the test needs, or a reason why there is none. */
function findPgBin(): { bin?: string; missing?: string } {
  const majors = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const bin = join(PG_ROOT, major, "bin");
    if (NEEDED.every((b) => existsSync(join(bin, b)))) return { bin };
  }
  return {
    missing:
      `PostgreSQL server binaries (${NEEDED.join(", ")}) not found under ${PG_ROOT}/*/bin: ` +
      "install Debian's postgresql package (apt-get install -y postgresql), as .ci/run does",
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface Server {
  readonly bin: string;
  readonly dir: string;
  readonly port: number;
  /** Runs a server command (initdb, pg_ctl) as the server's owner: PostgreSQL refuses to run as root. */
  readonly asOwner: (cmd: string, args: string[]) => SpawnSyncReturns<string>;
}

let server: Server | undefined;
let missing: string | undefined;

beforeAll(async () => {
  const found = findPgBin();
  missing = found.missing;
  if (!found.bin) return;
  const bin = found.bin;
  const dir = mkdtempSync(join(tmpdir(), "pg-backup-test-"));
  let asOwner = (cmd: string, args: string[]) => spawnSync(join(bin, cmd), args, { encoding: "utf8", timeout: 30_000 });
  if (process.getuid?.() === 0) {
    // As root (CI containers): run the server as the package's `postgres` user, which owns the directory.
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("running as root, and there is no postgres user to run the server as (Debian's postgresql package creates it)");
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
    asOwner = (cmd, args) => spawnSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { encoding: "utf8", timeout: 30_000 });
  }
  const port = await freePort();
  const data = join(dir, "data");
  check(asOwner("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]), "initdb");
  // The superuser only over the socket and loopback without password (setup); kong only with its password.
  const hba = ["local all all trust", "host all postgres 127.0.0.1/32 trust", "host all kong 127.0.0.1/32 scram-sha-256", ""].join("\n");
  writeFileSync(join(data, "pg_hba.conf"), hba);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  check(asOwner("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "-t", "30", "start"]), "pg_ctl start");
  server = { bin, dir, port, asOwner };
  superuser(`CREATE ROLE kong LOGIN PASSWORD '${PASSWORD}'`);
  superuser("CREATE DATABASE kong OWNER kong");
});

afterAll(() => {
  if (!server) return;
  server.asOwner("pg_ctl", ["-D", join(server.dir, "data"), "-m", "immediate", "-w", "stop"]);
  rmSync(server.dir, { recursive: true, force: true });
});

function running(): Server {
  if (!server) throw new Error(missing ?? "the PostgreSQL server did not start");
  return server;
}

function psql(user: string, sql: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const s = running();
  const args = ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(s.port), "-U", user, "-d", user === "kong" ? "kong" : "postgres"];
  return spawnSync(join(s.bin, "psql"), [...args, "-c", sql], { encoding: "utf8", timeout: 30_000, env: { PATH: process.env.PATH, PGPASSWORD: PASSWORD, ...env } });
}

const superuser = (sql: string) => check(psql("postgres", sql), sql);
const kong = (sql: string) => check(psql("kong", sql), sql);

/** A fresh backup directory, writable by whoever runs the scripts. */
function backupDir(): string {
  const dir = mkdtempSync(join(running().dir, "backups-"));
  chmodSync(dir, 0o755);
  return dir;
}

/** Runs one shipped script, as the CronJob does (`/bin/sh -c <script>`), with libpq's variables for the kong role. */
function runScript(script: string, dir: string, env: NodeJS.ProcessEnv = {}) {
  const s = running();
  const r = spawnSync("/bin/sh", ["-c", script], {
    encoding: "utf8",
    timeout: 30_000,
    env: {
      PATH: `${s.bin}:${process.env.PATH}`,
      PGHOST: "127.0.0.1",
      PGPORT: String(s.port),
      PGUSER: "kong",
      PGDATABASE: "kong",
      PGPASSWORD: PASSWORD,
      PGSSLMODE: "disable",
      HOME: s.dir,
      BACKUP_DIR: dir,
      ...env,
    },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const backup = (dir: string, keep = 7, env: NodeJS.ProcessEnv = {}) => runScript(postgresBackupScript(), dir, { BACKUP_KEEP: String(keep), ...env });
const restore = (dir: string, env: NodeJS.ProcessEnv = {}) => runScript(postgresRestoreScript(), dir, env);
const dumpsIn = (dir: string) => readdirSync(dir).sort();

/** A small Kong-like schema: migrations bookkeeping, services and routes with a foreign key, a trigger function. */
function createKongLikeSchema(): void {
  kong("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  kong(`CREATE TABLE schema_meta (key text, subsystem text, last_executed text, executed text[], pending text[], PRIMARY KEY (key, subsystem));
    INSERT INTO schema_meta VALUES ('schema_meta', 'core', '024_380_to_390', '{000_base,024_380_to_390}', '{}');
    CREATE TABLE services (id uuid PRIMARY KEY, name text UNIQUE NOT NULL, port int DEFAULT 80);
    CREATE TABLE routes (id uuid PRIMARY KEY, service_id uuid REFERENCES services (id) ON DELETE CASCADE, paths text[], ttl timestamptz);
    CREATE FUNCTION batch_delete_expired_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM routes WHERE ttl < now(); RETURN NULL; END $$;
    CREATE TRIGGER routes_ttl AFTER INSERT ON routes FOR EACH STATEMENT EXECUTE FUNCTION batch_delete_expired_rows();
    INSERT INTO services VALUES ('11111111-1111-1111-1111-111111111111', 'face-detection'), ('22222222-2222-2222-2222-222222222222', 'pet-detection');
    INSERT INTO routes VALUES ('33333333-3333-3333-3333-333333333333', '11111111-1111-1111-1111-111111111111', '{/v1/face-detection}', NULL);
    INSERT INTO services SELECT md5(i::text)::uuid, 'model-' || i FROM generate_series(1, 5000) AS i`);
}

/** Everything the tests compare: tables, triggers, functions and every row, in a stable order. */
function fingerprint(): string {
  return kong(`SELECT 'tables', string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'
    UNION ALL SELECT 'triggers', string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'functions', string_agg(proname, ',' ORDER BY proname) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    UNION ALL SELECT 'schema_meta', string_agg(last_executed, ',') FROM schema_meta
    UNION ALL SELECT 'services', md5(string_agg(id::text || name || port, ',' ORDER BY id)) FROM services
    UNION ALL SELECT 'routes', string_agg(id::text || service_id::text || paths::text, ',' ORDER BY id) FROM routes`);
}

describe("the PostgreSQL server the test runs on", () => {
  test("binaries are installed and the server started", () => {
    // GIVEN the machine WHEN the test looked for the binaries THEN it found them and started a server
    expect(missing).toBeUndefined();
    expect(kong("SELECT current_user")).toBe("kong\n");
  });

  test("the scripts are the files the library ships, and plain POSIX sh", () => {
    expect(postgresBackupScript()).toBe(readFileSync(join(SCRIPTS_DIR, "postgres-backup.sh"), "utf8"));
    expect(postgresRestoreScript()).toBe(readFileSync(join(SCRIPTS_DIR, "postgres-restore.sh"), "utf8"));
    for (const script of [postgresBackupScript(), postgresRestoreScript()]) {
      expect(spawnSync("dash", ["-n"], { input: script, encoding: "utf8" }).status).toBe(0);
      expect(script).not.toMatch(/[$%]\{/);
    }
  });
});

describe("postgres-backup.sh", () => {
  beforeAll(() => {
    running();
    createKongLikeSchema();
  });

  test("writes one custom-format dump named <database>-<UTC time>.dump that pg_restore can read", () => {
    // GIVEN an empty backup directory WHEN the backup runs
    const dir = backupDir();
    const r = backup(dir);
    // THEN one readable dump, no partial file
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = dumpsIn(dir);
    expect(files).toEqual([expect.stringMatching(/^kong-\d{8}T\d{6}Z\.dump$/)]);
    const list = check(spawnSync(join(running().bin, "pg_restore"), ["--list", join(dir, files[0])], { encoding: "utf8" }), "pg_restore --list");
    expect(list).toMatch(/TABLE DATA public services kong/);
    expect(r.stdout).toContain(`backup: wrote ${join(dir, files[0])}`);
  });

  test("keeps the newest BACKUP_KEEP dumps of this database and leaves every other file alone", () => {
    // GIVEN three older dumps of this database, one of another database, and unrelated files
    const dir = backupDir();
    const old = ["kong-20240101T031700Z.dump", "kong-20240102T031700Z.dump", "kong-20240103T031700Z.dump"];
    const others = ["gateway-20200101T000000Z.dump", "notes.txt", "kong-manual-copy.dump"];
    for (const f of [...old, ...others]) writeFileSync(join(dir, f), "x");
    // WHEN a backup runs with BACKUP_KEEP=2
    const r = backup(dir, 2);
    // THEN the new dump and the newest old one remain; the two oldest are gone, each removal logged
    expect(r.code).toBe(0);
    const kept = dumpsIn(dir).filter((f) => /^kong-\d{8}T\d{6}Z\.dump$/.test(f));
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe("kong-20240103T031700Z.dump");
    expect(kept[1] > kept[0]).toBe(true);
    for (const f of others) expect(existsSync(join(dir, f))).toBe(true);
    expect(r.stdout).toContain("backup: removed kong-20240102T031700Z.dump (keeping the newest 2)");
    expect(r.stdout).toContain("backup: removed kong-20240101T031700Z.dump (keeping the newest 2)");
  });

  test("a failing dump (wrong password) leaves no file and removes no old dump", () => {
    // GIVEN two good old dumps WHEN a backup with BACKUP_KEEP=1 cannot log in
    const dir = backupDir();
    const old = ["kong-20240101T031700Z.dump", "kong-20240102T031700Z.dump"];
    for (const f of old) writeFileSync(join(dir, f), "x");
    const r = backup(dir, 1, { PGPASSWORD: "wrong" });
    // THEN it fails with libpq's reason, and the directory is untouched
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('password authentication failed for user "kong"');
    expect(dumpsIn(dir)).toEqual(old);
  });

  test("names missing settings and a bad BACKUP_KEEP before touching anything", () => {
    const dir = backupDir();
    expect(backup(dir, 7, { PGPASSWORD: "", PGHOST: "" })).toEqual({ code: 2, stdout: "", stderr: "backup: missing environment: PGHOST PGPASSWORD\n" });
    expect(backup(dir, 0)).toEqual({ code: 2, stdout: "", stderr: "backup: BACKUP_KEEP (0) must be a whole number of at least 1\n" });
    expect(dumpsIn(dir)).toEqual([]);
  });
});

describe("postgres-restore.sh", () => {
  let dir: string;
  let good: string;
  let goodFingerprint: string;

  beforeAll(() => {
    // GIVEN the Kong-like database, dumped once
    running();
    createKongLikeSchema();
    dir = backupDir();
    const r = backup(dir);
    if (r.code !== 0) throw new Error(`backup failed: ${r.stderr}`);
    good = dumpsIn(dir)[0];
    goodFingerprint = fingerprint();
  });

  test("undoes lost rows and a bad migration: the database is the dumped one again", () => {
    // GIVEN rows deleted, a row changed, and a table a bad migration added
    kong("DELETE FROM services WHERE name = 'pet-detection'; UPDATE schema_meta SET last_executed = '999_bad'; CREATE TABLE bad_migration (x int)");
    expect(fingerprint()).not.toBe(goodFingerprint);
    // WHEN the newest dump is restored
    const r = restore(dir);
    // THEN everything is as it was dumped, the extra table gone, the trigger working
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`restore: restoring ${good} into kong on 127.0.0.1:${running().port}\nrestore: done; kong now holds ${good}\n`);
    expect(fingerprint()).toBe(goodFingerprint);
    kong("INSERT INTO routes VALUES ('44444444-4444-4444-4444-444444444444', '11111111-1111-1111-1111-111111111111', '{/old}', now() - interval '1 day')");
    expect(kong("SELECT count(*) FROM routes")).toBe("1\n");
  });

  test("restores the dump named by DUMP, not the newest", () => {
    // GIVEN a newer dump of a changed database
    kong("DELETE FROM routes");
    const other = backupDir();
    expect(backup(other).code).toBe(0);
    const newer = "kong-29991231T235959Z.dump";
    writeFileSync(join(dir, newer), readFileSync(join(other, dumpsIn(other)[0])));
    // WHEN DUMP names the older one
    const r = restore(dir, { DUMP: good });
    // THEN that one is restored
    expect(r.code).toBe(0);
    expect(fingerprint()).toBe(goodFingerprint);
    rmSync(join(dir, newer));
  });

  test("refuses while another session (Kong) is connected, and changes nothing", async () => {
    // GIVEN a session of kong that stays connected, and a change after the dump
    kong("CREATE TABLE written_after_dump (x int)");
    const s = running();
    const session = spawn(join(s.bin, "psql"), ["-X", "-h", "127.0.0.1", "-p", String(s.port), "-U", "kong", "-d", "kong", "-c", "SELECT pg_sleep(30)"], {
      env: { PATH: process.env.PATH, PGPASSWORD: PASSWORD },
      stdio: "ignore",
    });
    try {
      for (let i = 0; i < 100 && kong("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'") === "0\n"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // WHEN a restore runs
      const r = restore(dir);
      // THEN it refuses, saying what to do
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "restore: 1 other session(s) connected to kong; scale Kong to 0 replicas first (see README, Backups and restore); nothing was changed\n",
      );
      expect(kong("SELECT count(*) FROM pg_tables WHERE tablename = 'written_after_dump'")).toBe("1\n");
    } finally {
      // The server notices a vanished client only when pg_sleep ends: end the session on the server side.
      superuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'");
      if (session.exitCode === null) await new Promise((resolve) => session.once("exit", resolve));
    }
    for (let i = 0; i < 100 && kong("SELECT count(*) FROM pg_stat_activity WHERE datname = 'kong' AND pid <> pg_backend_pid()") !== "0\n"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    kong("DROP TABLE written_after_dump");
  });

  test("a dump that breaks in the middle of the restore rolls everything back", () => {
    // GIVEN a dump whose table of contents is intact but whose data is cut off, and a change since the good dump
    const broken = "kong-29990101T000000Z.dump";
    writeFileSync(join(dir, broken), readFileSync(join(dir, good)));
    truncateSync(join(dir, broken), Math.floor(statSync(join(dir, broken)).size * 0.8));
    check(spawnSync(join(running().bin, "pg_restore"), ["--list", join(dir, broken)], { encoding: "utf8" }), "pg_restore --list");
    kong("CREATE TABLE written_after_dump (x int)");
    const before = fingerprint();
    // WHEN it is restored (the newest)
    const r = restore(dir);
    // THEN the restore fails and the database is exactly as before it, the dropped schema included
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/restore: failed; the transaction was rolled back and kong is unchanged\n$/);
    expect(fingerprint()).toBe(before);
    rmSync(join(dir, broken));
    kong("DROP TABLE written_after_dump");
  });

  test("DUMP=list prints the dumps, newest first, and changes nothing", () => {
    // GIVEN a second, newer dump next to the good one
    const newer = "kong-29990101T000000Z.dump";
    writeFileSync(join(dir, newer), readFileSync(join(dir, good)));
    kong("CREATE TABLE written_after_dump (x int)");
    const before = fingerprint();
    // WHEN the restore runs with DUMP=list THEN it lists both and leaves the database alone
    expect(restore(dir, { DUMP: "list" })).toEqual({ code: 0, stdout: `restore: dumps of kong in ${dir}, newest first:\n${newer}\n${good}\n`, stderr: "" });
    expect(fingerprint()).toBe(before);
    rmSync(join(dir, newer));
    kong("DROP TABLE written_after_dump");
  });

  test("refuses a file that is no dump, a missing dump (listing those there) and a path", () => {
    writeFileSync(join(dir, "kong-29990101T000000Z.dump"), "not a dump");
    expect(restore(dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("restore: kong-29990101T000000Z.dump is not a readable pg_dump archive; nothing was changed\n") });
    rmSync(join(dir, "kong-29990101T000000Z.dump"));
    expect(restore(dir, { DUMP: "kong-20000101T000000Z.dump" })).toEqual({
      code: 1,
      stdout: "",
      stderr: `restore: kong-20000101T000000Z.dump not found in ${dir}; dumps there, newest first:\n${good}\n`,
    });
    expect(restore(dir, { DUMP: "../etc/passwd" })).toEqual({
      code: 2,
      stdout: "",
      stderr: `restore: DUMP (../etc/passwd) must be a file name in ${dir}, without a directory\n`,
    });
    expect(restore(backupDir())).toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore: no dump of kong in .*backups-\w+\n$/) });
    expect(fingerprint()).toBe(goodFingerprint);
  });
});
