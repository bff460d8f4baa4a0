import { IConstruct } from "constructs";
import { Problems } from "../../core/errors";

/** @internal The consumer a credential belongs to: its construct (the credential's scope) and Kong identity. */
export interface CredentialOwner extends IConstruct {
  /** The Kong consumer id (a Terraform reference). */
  readonly id: string;
  readonly username?: string;
  readonly customId?: string;
}

/** @internal What a credential creates, and the values it publishes (Secret data key -> value), in order. */
export interface CreatedCredential<R> {
  readonly result: R;
  readonly published: ReadonlyArray<readonly [string, string]>;
}

/**
 * @internal One credential about to be added to a consumer. A credential type is one class implementing this: its
 * option checks, the Secret data keys it publishes and the resources it creates. The consumer does the rest the same
 * way for every type: it reserves the data keys (and output names) before anything is created, creates the
 * credential, and publishes its values to the credentials Secret and sensitive outputs.
 */
export interface ConsumerCredential<R> {
  /** The prop errors are reported under, e.g. `keyAuth` or `jwt`. */
  readonly field: string;
  /** The value shown when a published name of the credential collides (e.g. the key id). */
  readonly shownAs: unknown;
  /** How a collision message names this credential, e.g. `the key-auth key "next"`. */
  readonly holder: string;
  /**
   * Checks the options against the consumer (problems go to `v`; it may throw when nothing more can be checked) and
   * returns the Secret data keys it will publish, which are also the suffixes of its sensitive outputs.
   */
  check(v: Problems, owner: CredentialOwner): readonly string[];
  /** Creates the credential's resources under `owner` (called only when `check` found nothing). */
  create(owner: CredentialOwner): CreatedCredential<R>;
}
