import { PlatformAttachment, PlatformAttachmentValues } from "../../lib";
import { expectValidationError } from "../helpers";

const VALUES: PlatformAttachmentValues = {
  formatVersion: 1,
  platform: "ai",
  environment: "dev",
  team: "vision",
  namespace: "team-vision",
  namePrefix: "vision-",
  pathPrefix: "/v1/vision/",
  aclGroups: ["vision", "vision-face"],
  kongAdminUrl: "http://kong-admin.kong.svc.cluster.local:8001",
  kongAdminPortForward: "kubectl -n kong port-forward svc/kong-admin 8001",
  kongAdminCredentials: { kind: "none" },
  kongProxy: { namespace: "kong", proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" } },
  clientTransport: { httpsOnly: true, httpsRedirectStatusCode: 426 },
  rateLimitCounters: { policy: "cluster" },
};
const at = "[PlatformAttachment.fromOutput]";

describe("PlatformAttachment.fromOutput", () => {
  test("reads the output's value, parsed or as the JSON text of terraform output -json", () => {
    const fromObject = PlatformAttachment.fromOutput(VALUES);
    const fromText = PlatformAttachment.fromOutput(JSON.stringify(VALUES));
    expect({ ...fromObject }).toEqual(VALUES);
    expect({ ...fromText }).toEqual(VALUES);
    expect(Object.isFrozen(fromObject.aclGroups) && Object.isFrozen(fromObject.kongProxy)).toBe(true);
  });

  test("a credential reference gives the AdminCredentials of its kind; none gives none", () => {
    expect(PlatformAttachment.fromOutput(VALUES).adminCredentials()).toBeUndefined();
    for (const kind of ["token", "apiKey", "basicAuth"] as const) {
      const values = { ...VALUES, kongAdminCredentials: { kind, variables: [], source: "vault:kong" } };
      expect(PlatformAttachment.fromOutput(values).adminCredentials()?.kind).toBe(kind);
    }
  });

  test("refuses what is not the output's value", () => {
    expectValidationError(() => PlatformAttachment.fromOutput("not json"), `${at} value ("not json") must be the JSON of the platform's output team_<name> (terraform output -json team_<name>)`);
    expectValidationError(
      () => PlatformAttachment.fromOutput(undefined),
      `${at} value (undefined) must be the platform's output team_<name>: { formatVersion, platform, environment, team, namespace, namePrefix, pathPrefix, aclGroups, kongAdminUrl, kongAdminPortForward, kongAdminCredentials, kongProxy, clientTransport, rateLimitCounters }`,
    );
  });

  test("reports every wrong field at once", () => {
    const wrong = {
      ...VALUES,
      formatVersion: 2,
      namespace: "Team",
      namePrefix: "vis-",
      pathPrefix: "/v1/vision",
      aclGroups: ["speech"],
      kongAdminUrl: "http://admin:secret@kong:8001",
      kongAdminCredentials: { kind: "apiKey" },
      kongProxy: { namespace: "kong", proxySelectorLabels: {} },
    };
    expectValidationError(
      () => PlatformAttachment.fromOutput(wrong),
      [
        `${at} formatVersion (2) must be 1: this version of kong-ai-platform reads attachments of format 1 (published by the same major version of the library)`,
        `${at} namespace ("Team") must be a DNS-1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
        `${at} namePrefix ("vis-") must be "vision-": the team's name followed by "-"`,
        `${at} pathPrefix ("/v1/vision") must be a path of lowercase segments that starts and ends with "/", e.g. "/v1/vision/"`,
        `${at} aclGroups[0] ("speech") must be "vision" or start with "vision-": a team's groups are its own`,
        `${at} kongAdminUrl ("http://admin:secret@kong:8001") must be an http:// or https:// URL without credentials, e.g. http://kong-admin.kong.svc.cluster.local:8001`,
        `${at} kongAdminCredentials.source (undefined) must say where the team's pipeline reads the credential, e.g. "vault:secret/kong/teams/vision"`,
        `${at} kongProxy.proxySelectorLabels ({}) must name at least one label: an empty selector matches every pod`,
      ].join("\n"),
    );
  });
});
