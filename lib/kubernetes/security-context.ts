/**
 * The restricted security contexts every pod of this library runs with (the Kubernetes "restricted" Pod Security
 * Standard): never root, the runtime's default seccomp profile, no privilege escalation, every capability dropped,
 * a read-only root filesystem (give the container emptyDir volumes for the paths it writes).
 */

export interface PodSecurityOptions {
  /** uid and gid every container of the pod runs as; the image's own non-root user (1000 for Kong, 999 for postgres). */
  readonly runAsUser: number;
  /**
   * Make mounted volumes writable by `runAsUser`'s group (`fsGroup`): needed for a persistent volume the container
   * writes into, such as a database's data.
   * @default false: emptyDir volumes need no ownership change
   */
  readonly ownVolumes?: boolean;
  /**
   * With `ownVolumes`, change ownership only when the volume's root does not already belong to the group
   * (`fsGroupChangePolicy: OnRootMismatch`): a large volume then mounts without a recursive walk on every start.
   * @default false: Kubernetes' own default (`Always`), not written
   */
  readonly onlyOnRootMismatch?: boolean;
}

/** The pod-level context: non-root as `runAsUser`, RuntimeDefault seccomp, optionally owning its volumes. */
export function restrictedPodSecurityContext(o: PodSecurityOptions) {
  const id = String(o.runAsUser);
  return {
    runAsNonRoot: true,
    runAsUser: id,
    runAsGroup: id,
    ...(o.ownVolumes ? { fsGroup: id } : {}),
    ...(o.ownVolumes && o.onlyOnRootMismatch ? { fsGroupChangePolicy: "OnRootMismatch" } : {}),
    seccompProfile: { type: "RuntimeDefault" },
  };
}

export interface ContainerSecurityOptions {
  /**
   * uid and gid the container runs as, repeated at container level (it then holds even if the pod's context is
   * edited by hand or a mutating webhook).
   * @default not written: the pod's `runAsUser` applies
   */
  readonly runAsUser?: number;
}

/** The container-level context: non-root, read-only root filesystem, no privilege escalation, no capability. */
export function restrictedContainerSecurityContext(o: ContainerSecurityOptions = {}) {
  const id = o.runAsUser === undefined ? undefined : String(o.runAsUser);
  return {
    runAsNonRoot: true,
    ...(id === undefined ? {} : { runAsUser: id, runAsGroup: id }),
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: ["ALL"] },
  };
}
