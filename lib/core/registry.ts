/**
 * Names that must be unique within one owner (a gateway, a stack, a platform), each remembered with the path of the
 * construct that took it, so the second taker's error can name the first. Claims are O(1).
 * ```ts
 * const holder = gateway.names.claim("model", "face-detection", this.node.path);
 * if (holder) v.add("name", "face-detection", `is already used by the model at ${holder}: ...`);
 * ```
 * Kinds keep unrelated names apart: a service and a route may both be called "face". Kinds the gateway uses:
 * `service`, `route`, `route-match`, `upstream`, `consumer-username`, `consumer-custom-id`, `kubernetes-secret`,
 * `output`.
 */
export class NameRegistry {
  /** The registry of `owner`, made on first use and kept as long as the owner lives. */
  public static of(owner: object): NameRegistry {
    let registry = registries.get(owner);
    if (registry === undefined) {
      registry = new NameRegistry();
      registries.set(owner, registry);
    }
    return registry;
  }

  private readonly holders = new Map<string, string>();

  /**
   * Takes `key` of `kind` for the construct at `holderPath`. Returns undefined when the claim succeeds, else the path
   * of the construct that already holds the name (which keeps it).
   */
  public claim(kind: string, key: string, holderPath: string): string | undefined {
    const k = `${kind}\u0000${key}`;
    const holder = this.holders.get(k);
    if (holder !== undefined) return holder;
    this.holders.set(k, holderPath);
    return undefined;
  }

  /** The path of the construct holding `key` of `kind`, if any. */
  public holderOf(kind: string, key: string): string | undefined {
    return this.holders.get(`${kind}\u0000${key}`);
  }
}

const registries = new WeakMap<object, NameRegistry>();
