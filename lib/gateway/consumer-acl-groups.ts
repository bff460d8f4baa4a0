import { ConsumerAcl } from "../../.gen/providers/kong/consumer-acl";
import { isToken, nonEmptyString } from "../core/checks";
import { Problems } from "../core/errors";
import { shortHash } from "../core/naming";
import { CredentialOwner } from "./credentials/credential";

/**
 * @internal The ACL groups of a consumer (one kong_consumer_acl each), matched by the acl plugin's allow/deny. Any
 * non-empty string is a group, as in Kong; a consumer is in a group once.
 */
export class ConsumerAclGroups {
  /** ACL group resources, by group. */
  public readonly byGroup = new Map<string, ConsumerAcl>();

  constructor(private readonly consumer: CredentialOwner) {}

  /**
   * Adds the consumer to `group`. The construct id is `Acl-<group>`, except for groups containing "/" (which construct
   * ids cannot hold) and Terraform references: those get `AclGroup-<hash of the group>`, so no two groups share an id.
   */
  public add(group: string): ConsumerAcl {
    const v = new Problems(this.consumer);
    if (nonEmptyString(v, "aclGroups", group) && this.byGroup.has(group)) {
      v.add("aclGroups", group, "is listed twice: a consumer is in a group once");
    }
    if (group === undefined) v.add("aclGroups", group, "must be a non-empty string");
    v.throwIfAny();
    const acl = new ConsumerAcl(this.consumer, this.constructIdOf(group), { consumerId: this.consumer.id, group });
    this.byGroup.set(group, acl);
    return acl;
  }

  /** The construct id of a group's kong_consumer_acl: `Acl-<group>` when it can be, else a hash-based id. */
  private constructIdOf(group: string): string {
    const node = this.consumer.node;
    const plain = `Acl-${group}`;
    if (!group.includes("/") && !isToken(group) && !node.tryFindChild(plain)) return plain;
    const hashed = `AclGroup-${shortHash(group)}`;
    let candidate = hashed;
    for (let n = 2; node.tryFindChild(candidate); n++) candidate = `${hashed}-${n}`;
    return candidate;
  }
}
