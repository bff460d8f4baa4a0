import { Construct } from "constructs";
import { Problems } from "../core/errors";
import { suppliedKeys, withSupplied } from "../core/keys";
import { ExistingPostgres, ExistingPostgresProps } from "../database/existing-postgres";
import { InClusterPostgres, InClusterPostgresProps } from "../database/in-cluster-postgres";
import { IKongDatabase, KongDatabase, KongDatabaseAttributes } from "../database/kong-database";

/** `InClusterPostgres` props without the namespace: the platform puts the database in Kong's namespace. */
export type PlatformInClusterDatabaseProps = Omit<InClusterPostgresProps, "namespace">;
/** `ExistingPostgres` props without the namespace: the password's Secret lands in Kong's namespace. */
export type PlatformExistingDatabaseProps = Omit<ExistingPostgresProps, "namespace">;

/**
 * The PostgreSQL database of an `AiPlatform`'s Kong. Whichever is chosen, it is the construct `postgres` of the
 * platform stack, so switching from one to another keeps the generated password and its Secret at the same
 * Terraform addresses.
 * ```ts
 * database: PlatformDatabase.inCluster({ storageSize: "20Gi" })
 * database: PlatformDatabase.existing({ host: "kong-db.internal", sslMode: "verify-full", adminUsername: "platform_admin" })
 * ```
 */
export abstract class PlatformDatabase {
  /** PostgreSQL as a StatefulSet in Kong's namespace (`InClusterPostgres`): development, small installations. */
  public static inCluster(props: PlatformInClusterDatabaseProps = {}): PlatformDatabase {
    return new InClusterChoice(props);
  }

  /** An existing (managed) server: Terraform creates the `kong` role and database on it (`ExistingPostgres`). */
  public static existing(props: PlatformExistingDatabaseProps): PlatformDatabase {
    return new ExistingChoice(props);
  }

  /** A database and password Secret made elsewhere: nothing is created (`KongDatabase.fromAttributes`). */
  public static fromAttributes(attrs: KongDatabaseAttributes): PlatformDatabase {
    return new AttributesChoice(attrs);
  }

  /** Which factory made it. */
  public abstract readonly kind: "in-cluster" | "existing" | "attributes";

  /** @internal Creates the database construct `id` in `scope`, for a Kong in `namespace`. */
  public abstract _bind(scope: Construct, id: string, namespace: string): IKongDatabase;

  /** @internal Reports the props the platform supplies itself (the namespace), given under `field`. */
  public _checkSupplied(v: Problems, field: string): void {
    suppliedKeys(v, field, this._props(), { namespace: "the platform puts the database's objects in Kong's namespace (namespaces.kong)" });
  }

  /** @internal The props given to the factory (those of `fromAttributes` may name a namespace: it is checked). */
  protected abstract _props(): unknown;
}

class InClusterChoice extends PlatformDatabase {
  public readonly kind = "in-cluster";
  constructor(private readonly props: PlatformInClusterDatabaseProps) {
    super();
  }

  public _bind(scope: Construct, id: string, namespace: string): IKongDatabase {
    return new InClusterPostgres(scope, id, withSupplied<InClusterPostgresProps>(this.props, { namespace }));
  }

  protected _props(): unknown {
    return this.props;
  }
}

class ExistingChoice extends PlatformDatabase {
  public readonly kind = "existing";
  constructor(private readonly props: PlatformExistingDatabaseProps) {
    super();
  }

  public _bind(scope: Construct, id: string, namespace: string): IKongDatabase {
    return new ExistingPostgres(scope, id, withSupplied<ExistingPostgresProps>(this.props, { namespace }));
  }

  protected _props(): unknown {
    return this.props;
  }
}

class AttributesChoice extends PlatformDatabase {
  public readonly kind = "attributes";
  constructor(private readonly attrs: KongDatabaseAttributes) {
    super();
  }

  public _bind(scope: Construct, id: string): IKongDatabase {
    return KongDatabase.fromAttributes(scope, id, this.attrs);
  }

  protected _props(): unknown {
    return undefined;
  }
}
