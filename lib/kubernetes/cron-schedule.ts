import { Problems } from "../core/errors";
import { isToken } from "../core/tokens";

/**
 * CronJob schedules and time zones, as the API server accepts them: the five fields of cron (minute, hour, day of
 * month, month, day of week) or a descriptor such as `@daily`, and an IANA time zone name.
 */

const DESCRIPTORS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names allowed in place of numbers, numbered from `min`. */
  readonly names?: readonly string[];
}

const FIELDS: readonly CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 6, names: DAYS },
];

const SCHEDULE_RULE =
  'must be a cron schedule: five fields (minute hour day-of-month month day-of-week, e.g. "17 3 * * *") or one of ' +
  DESCRIPTORS.join(", ");

function value(field: CronField, text: string): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

/** One comma-separated part: `*` or `?`, a value, or a range `a-b`, each optionally with a step `/n`. */
function validPart(field: CronField, part: string): boolean {
  const [range, step, extra] = part.split("/");
  if (extra !== undefined) return false;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
  if (range === "*" || range === "?") return true;
  const [from, to, more] = range.split("-");
  if (more !== undefined) return false;
  const a = value(field, from);
  if (a === undefined) return false;
  if (to === undefined) return true;
  const b = value(field, to);
  return b !== undefined && a <= b;
}

/** A schedule (a literal or a Terraform token). Time-zone prefixes (`TZ=`, `CRON_TZ=`) are refused: use a time-zone prop. */
export function cronSchedule(v: Problems, field: string, schedule: unknown): boolean {
  if (schedule === undefined || isToken(schedule)) return true;
  if (typeof schedule !== "string") {
    v.add(field, schedule, SCHEDULE_RULE);
    return false;
  }
  if (/^\s*(CRON_)?TZ=/.test(schedule)) {
    v.add(field, schedule, "must not carry a time zone (TZ= or CRON_TZ=): Kubernetes refuses it; set the time zone with timeZone");
    return false;
  }
  if (DESCRIPTORS.includes(schedule)) return true;
  const parts = schedule.trim().split(/\s+/);
  const ok = parts.length === FIELDS.length && parts.every((p, i) => p.split(",").every((part) => validPart(FIELDS[i], part)));
  if (!ok) v.add(field, schedule, SCHEDULE_RULE);
  return ok;
}

const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone name such as `Etc/UTC` or `Europe/Berlin` (the cluster checks that it exists). */
export function timeZone(v: Problems, field: string, zone: unknown): boolean {
  if (zone === undefined || isToken(zone)) return true;
  if (typeof zone !== "string" || zone.length > 64 || !TIME_ZONE.test(zone)) {
    v.add(field, zone, 'must be an IANA time zone name, e.g. "Etc/UTC" or "Europe/Berlin"');
    return false;
  }
  return true;
}
