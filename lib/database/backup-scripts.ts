import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The backup and restore scripts PostgresBackup renders into its CronJobs, shipped as files next to this module
 * (`scripts/postgres-backup.sh`, `scripts/postgres-restore.sh`) so that a test can run exactly what the cluster runs.
 * Read once per process, on first use: a stack without backups never reads them.
 */

/** Folder of the shipped scripts: `lib/database/scripts` (`dist/lib/database/scripts` once built). */
export const BACKUP_SCRIPTS_DIR = join(__dirname, "scripts");

const cache = new Map<string, string>();

function shipped(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(BACKUP_SCRIPTS_DIR, file), "utf8");
    // Terraform reads "${" and "%{" in any string as a template: the scripts must never contain them.
    if (/[$%]\{/.test(text)) throw new Error(`${file} contains "\${" or "%{", which Terraform would read as a template`);
    cache.set(file, text);
  }
  return text;
}

/** `pg_dump` into BACKUP_DIR, then keep the newest BACKUP_KEEP dumps (see the script's header). */
export function postgresBackupScript(): string {
  return shipped("postgres-backup.sh");
}

/** Restores DUMP (default: the newest dump) in one transaction, refusing while other sessions are connected. */
export function postgresRestoreScript(): string {
  return shipped("postgres-restore.sh");
}
