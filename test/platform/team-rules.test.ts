import { Testing } from "cdktf";
import { AiPlatform, PlatformAttachment, ProxyEndpoint, TeamApp } from "../../lib";
import { synth, synthProblems } from "../helpers";

function attachment(): PlatformAttachment {
  const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
  platform.addTeam("vision");
  return PlatformAttachment.fromOutput(synth(platform.platformStack).output.team_vision.value);
}

describe("the rules of a team's stack", () => {
  test("report each problem once, however often the stack is synthesized (aspects run on every synth)", () => {
    const team = new TeamApp(Testing.app(), "vision", { platform: attachment() });
    team.gateway.addService("api", { host: "api.team-vision.svc.cluster.local" });
    const first = synthProblems(team.stack);
    expect(synthProblems(team.stack)).toEqual(first);
    expect(first).toHaveLength(1);
  });

  test("pass a team's models as they are", () => {
    const team = new TeamApp(Testing.app(), "vision", { platform: attachment() });
    team.addModel("ocr", { name: "vision-ocr", image: "r/ocr:1.0.0", canary: { image: "r/ocr:1.1.0", weightPercent: 10 } });
    expect(() => synth(team.stack)).not.toThrow();
  });
});

describe("the rules of a platform's gateway stack with teams", () => {
  test("report each problem once across synths, for teams added after the entity", () => {
    const platform = new AiPlatform(Testing.app(), "acme", { environment: "dev", plainHttp: true, kong: { proxy: ProxyEndpoint.clusterIp() } });
    platform.addModel("vision-ocr", { name: "vision-ocr", image: "r/ocr:1.0.0" });
    platform.addTeam("vision");
    const first = synthProblems(platform.gatewayStack);
    expect(synthProblems(platform.gatewayStack)).toEqual(first);
    expect(first).toHaveLength(2);
  });
});
