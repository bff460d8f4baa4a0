import { TerraformVariable } from "cdktf";
import { cronSchedule, timeZone } from "../../lib/kubernetes/cron-schedule";
import { newStack, problemsOf } from "../helpers";

const RULE =
  'must be a cron schedule: five fields (minute hour day-of-month month day-of-week, e.g. "17 3 * * *") or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly';

describe("cronSchedule", () => {
  test.each([
    ["17 3 * * *"],
    ["*/15 * * * *"],
    ["0 0-23/2 * * *"],
    ["0 3 1,15 * *"],
    ["0 3 * JAN-MAR mon-fri"],
    ["0 0 31 2 *"],
    ["0 3 ? * SUN"],
    ["@daily"],
    ["@hourly"],
  ])("accepts %s", (schedule) => {
    // GIVEN a schedule Kubernetes accepts WHEN checked THEN no problem
    expect(problemsOf((v) => cronSchedule(v, "schedule", schedule))).toEqual([]);
  });

  test("accepts nothing and a Terraform token (checked at apply time)", () => {
    const token = new TerraformVariable(newStack(), "s", { type: "string" }).stringValue;
    expect(problemsOf((v) => [cronSchedule(v, "schedule", undefined), cronSchedule(v, "schedule", token)])).toEqual([]);
  });

  test.each([
    ["daily"],
    ["* * * *"],
    ["* * * * * *"],
    ["60 * * * *"],
    ["0 24 * * *"],
    ["0 0 0 * *"],
    ["0 0 * 13 *"],
    ["0 0 * * 7"],
    ["5-1 * * * *"],
    ["*/0 * * * *"],
    ["1/2/3 * * * *"],
    ["@every 1h"],
    [""],
    [42],
  ])("refuses %p", (schedule) => {
    // GIVEN a schedule Kubernetes refuses WHEN checked THEN this problem
    expect(problemsOf((v) => cronSchedule(v, "schedule", schedule))).toEqual([`schedule (${JSON.stringify(schedule)}) ${RULE}`]);
  });

  test.each([["TZ=Europe/Berlin 0 3 * * *"], ["CRON_TZ=UTC 0 3 * * *"]])("refuses the time-zone prefix in %s", (schedule) => {
    expect(problemsOf((v) => cronSchedule(v, "schedule", schedule))).toEqual([
      `schedule (${JSON.stringify(schedule)}) must not carry a time zone (TZ= or CRON_TZ=): Kubernetes refuses it; set the time zone with timeZone`,
    ]);
  });
});

describe("timeZone", () => {
  test.each([["Etc/UTC"], ["Europe/Berlin"], ["America/Argentina/Buenos_Aires"], ["UTC"], ["Etc/GMT+2"]])("accepts %s", (zone) => {
    expect(problemsOf((v) => timeZone(v, "timeZone", zone))).toEqual([]);
  });

  test.each([["UTC+2 hours"], ["/Europe"], ["Europe//Berlin"], [""], [1]])("refuses %p", (zone) => {
    expect(problemsOf((v) => timeZone(v, "timeZone", zone))).toEqual([
      `timeZone (${JSON.stringify(zone)}) must be an IANA time zone name, e.g. "Etc/UTC" or "Europe/Berlin"`,
    ]);
  });
});
