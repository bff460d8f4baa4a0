import { describeValue } from "../core/errors";
import type { AuthenticationMethod } from "../gateway/authentication";
import type { GatewayConsumer } from "../gateway/consumer";
import type { DetectionService } from "../models/detection-service";

/** The models of a platform by every consumer group one of their ACLs allows. */
export class ModelsByGroup {
  private readonly byGroup = new Map<string, DetectionService[]>();

  /** Records every group a model's ACLs allow (`DetectionService.aclGroups`, from any source). */
  public add(model: DetectionService): void {
    for (const group of model.aclGroups) {
      const models = this.byGroup.get(group);
      if (models) models.push(model);
      else this.byGroup.set(group, [model]);
    }
  }

  /**
   * Records groups models elsewhere allow (a team's, whose models live in the team's own app): known, so a consumer may
   * be granted them, but with no model here to check the consumer's credentials against.
   */
  public grant(groups: readonly string[]): void {
    for (const group of groups) if (!this.byGroup.has(group)) this.byGroup.set(group, []);
  }

  /**
   * What is wrong with a consumer's groups, checked at synth when every model and credential is known: a group no
   * model allows (a typo that would surface as 403s), or a model it may call that accepts none of its credentials
   * (it would get 401 from every route of that model).
   */
  public problemsOf(consumer: GatewayConsumer, groups: readonly string[]): string[] {
    const problems: string[] = [];
    const held = credentialsOf(consumer);
    for (const group of groups) {
      const models = this.byGroup.get(group);
      if (models === undefined) {
        problems.push(`aclGroups (${describeValue(group)}) is allowed by no model of this platform (${this.known()}): the consumer would get 403 from every route`);
        continue;
      }
      for (const model of models) {
        const auth = model.authentication;
        if (auth === undefined || auth.admits(held)) continue;
        problems.push(
          `aclGroups (${describeValue(group)}) lets the consumer call the model ${model.name}, which takes ${needs(auth.combination, auth.methods)}, ` +
            `but it holds ${held.size === 0 ? "no credential" : [...held].join(" and ")}: give it ${fix(auth.combination, auth.methods, held)} (published like its key: Secret and sensitive output)`,
        );
      }
    }
    return problems;
  }

  private known(): string {
    return [...this.byGroup.keys()]
      .sort()
      .map((g) => describeValue(g))
      .join(", ");
  }
}

const PROP: Record<AuthenticationMethod, string> = { "key-auth": "keyAuth: true", jwt: "jwt: {}" };

/** The methods a consumer holds credentials for, now (keys and a JWT credential may be added after the consumer). */
function credentialsOf(consumer: GatewayConsumer): Set<AuthenticationMethod> {
  const held = new Set<AuthenticationMethod>();
  if (consumer.keyAuthKeys.size > 0) held.add("key-auth");
  if (consumer.jwtCredential !== undefined) held.add("jwt");
  return held;
}

function needs(combination: "one" | "any" | "all", methods: AuthenticationMethod[]): string {
  if (combination === "one") return `${methods[0]} only`;
  return combination === "any" ? `any of ${methods.join(", ")}` : `all of ${methods.join(", ")}`;
}

function fix(combination: "one" | "any" | "all", methods: AuthenticationMethod[], held: ReadonlySet<AuthenticationMethod>): string {
  const missing = methods.filter((m) => !held.has(m)).map((m) => PROP[m]);
  return combination === "any" ? missing.join(" or ") : missing.join(" and ");
}
