import { Construct } from "constructs";
import { ExistingRedis, ExistingRedisProps } from "../redis/existing-redis";
import { InClusterRedis, InClusterRedisProps } from "../redis/in-cluster-redis";
import type { IKongRedis } from "../redis/kong-redis";

/** `InClusterRedis` props without the namespace: the platform puts Redis in Kong's namespace. */
export type PlatformInClusterRedisProps = Omit<InClusterRedisProps, "namespace">;

/**
 * The Redis an `AiPlatform`'s models keep their rate-limiting counters in (instead of Kong's PostgreSQL). Whichever
 * is chosen, it is the construct `redis` of the platform stack, Kong's pods get its password from a Secret through
 * Kong's env vault, and every model without `rateLimit.counters` of its own counts in it.
 * ```ts
 * redis: PlatformRedis.inCluster()
 * redis: PlatformRedis.existing({ host: "redis.prod.internal", ssl: true, sslVerify: true, passwordSecret: { name: "kong-redis", key: "password" } })
 * ```
 */
export abstract class PlatformRedis {
  /** Redis as one pod in Kong's namespace, reachable only from Kong's pods (`InClusterRedis`). */
  public static inCluster(props: PlatformInClusterRedisProps = {}): PlatformRedis {
    return new InClusterChoice(props);
  }

  /** A Redis server configured elsewhere (`ExistingRedis`); its password Secret must be in Kong's namespace. */
  public static existing(props: ExistingRedisProps): PlatformRedis {
    return new ExistingChoice(props);
  }

  /** Which factory made it. */
  public abstract readonly kind: "in-cluster" | "existing";

  /** @internal Creates the Redis construct `id` in `scope`, for a Kong in `namespace`. */
  public abstract _bind(scope: Construct, id: string, namespace: string): IKongRedis;
}

class InClusterChoice extends PlatformRedis {
  public readonly kind = "in-cluster";
  constructor(private readonly props: PlatformInClusterRedisProps) {
    super();
  }

  public _bind(scope: Construct, id: string, namespace: string): InClusterRedis {
    return new InClusterRedis(scope, id, { ...this.props, namespace });
  }
}

class ExistingChoice extends PlatformRedis {
  public readonly kind = "existing";
  constructor(private readonly props: ExistingRedisProps) {
    super();
  }

  public _bind(scope: Construct, id: string): ExistingRedis {
    return new ExistingRedis(scope, id, this.props);
  }
}
