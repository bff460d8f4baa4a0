import { hasTopLevelAlternative, isPathPrefix, regexLiteralStart, TeamConvention } from "../../lib/platform/team-convention";
import { problemsOf } from "../helpers";

const vision = new TeamConvention("vision", "/v1/vision/");

describe("a team's share of names and paths", () => {
  test("Kong names start with <team>- and are longer than it", () => {
    expect(["vision-ocr", "vision-ocr-batch", "vision-ocr.upstream"].every((n) => vision.ownsName(n))).toBe(true);
    expect(["vision", "vision-", "visionary", "ocr-vision"].some((n) => vision.ownsName(n))).toBe(false);
  });

  test("ACL groups are <team> or start with <team>-", () => {
    expect(vision.ownsGroup("vision") && vision.ownsGroup("vision-face")).toBe(true);
    expect(vision.ownsGroup("visionary")).toBe(false);
  });

  test("paths inside the prefix, and regexes starting with it without alternatives", () => {
    expect(problemsOf((v) => ["/v1/vision/", "/v1/vision/ocr", "~/v1/vision/ocr/\\d+$"].forEach((p) => vision.checkPath(v, "p", p)))).toEqual([]);
    expect(problemsOf((v) => vision.checkPath(v, "p", "/v1/vision"))).toEqual([
      'p ("/v1/vision") must start with "/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team\'s routes on the shared Kong proxy',
    ]);
  });

  test("a team's regex may not make the prefix's '/' optional nor start an alternative outside parentheses", () => {
    expect(problemsOf((v) => ["~/v1/vision/(png|jpg)$", "~/v1/vision/x+"].forEach((p) => vision.checkPath(v, "p", p)))).toEqual([]);
    expect(problemsOf((v) => ["~/v1/vision/?x", "~/v1/vision/x|/v1/other"].forEach((p) => vision.checkPath(v, "p", p)))).toEqual([
      'p ("~/v1/vision/?x") must start with "~/v1/vision/", the path prefix of team "vision": a path outside it could take requests meant for another team\'s routes on the shared Kong proxy',
      'p ("~/v1/vision/x|/v1/other") must not have an alternative ("|") outside parentheses in a team\'s app: it could match paths outside the path prefix "/v1/vision/" of team "vision"; give each alternative as a path of its own',
    ]);
  });

  test("what the platform's own routes must not do: reach under the prefix (Kong tries regexes before prefixes)", () => {
    expect(["/v1/vision/x", "/v1/vision", "~/v1/vision/x", "~/v1/vision", "~/v1/.*", "~/.*", "~/v1/ocr|/v1/vision/x"].every((p) => vision.reaches(p))).toBe(true);
    // shorter prefix paths only get what no route of the team matches: Kong prefers the longest prefix
    expect(["/v1/visionary", "/v1/", "/", "~/v1/ocr/\\d+$", "~/v1/visionary"].some((p) => vision.reaches(p))).toBe(false);
  });

  test("the literal start of a regex path, and its alternatives outside parentheses", () => {
    expect(regexLiteralStart("/v1/ocr/\\d+$")).toBe("/v1/ocr/");
    expect(regexLiteralStart("/v1/a?b")).toBe("/v1/");
    expect(regexLiteralStart("/v1/(a|b)")).toBe("/v1/");
    expect(regexLiteralStart("/v1/a|/b")).toBe("");
    expect(regexLiteralStart("/v1/plain")).toBe("/v1/plain");
    expect([hasTopLevelAlternative("/a/(b|c)"), hasTopLevelAlternative("/a/[|]"), hasTopLevelAlternative("/a/\\|"), hasTopLevelAlternative("/a|/b")]).toEqual([false, false, false, true]);
  });

  test("path prefixes are lowercase segments, each followed by '/'", () => {
    expect(["/v1/vision/", "/vision/", "/a-b/c1/"].every(isPathPrefix)).toBe(true);
    expect(["/v1/vision", "v1/vision/", "/", "/V1/", "/v1//", "/v1.0/"].some(isPathPrefix)).toBe(false);
  });
});
