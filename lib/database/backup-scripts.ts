import { EMBEDDED_SCRIPTS } from "./scripts/embedded";

/**
 * The backup and restore scripts PostgresBackup renders into its CronJobs. Their source is the shipped files
 * `lib/database/scripts/postgres-backup.sh` and `postgres-restore.sh` (read them there; a test runs exactly these
 * against a real PostgreSQL server); `scripts/embedded.ts`, generated from them by `npm run gen:scripts`, carries
 * their text into the code, so synth reads no file and works in a bundled app too.
 */

function embedded(file: string): string {
  const text = EMBEDDED_SCRIPTS[file];
  if (text === undefined) throw new Error(`${file} is not embedded: run npm run gen:scripts`);
  return text;
}

/** `pg_dump` into BACKUP_DIR, then keep the newest BACKUP_KEEP dumps (see the script's header). */
export function postgresBackupScript(): string {
  return embedded("postgres-backup.sh");
}

/** Restores DUMP (default: the newest dump) in one transaction, refusing while other sessions are connected. */
export function postgresRestoreScript(): string {
  return embedded("postgres-restore.sh");
}
