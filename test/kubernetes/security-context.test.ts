import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../../lib/kubernetes/security-context";

describe("restrictedPodSecurityContext", () => {
  // GIVEN the options WHEN rendered THEN the restricted pod context, ids as strings (the provider's type)
  test("by default: non-root as the user and its group, RuntimeDefault seccomp, no fsGroup", () => {
    expect(restrictedPodSecurityContext({ runAsUser: 1000 })).toEqual({
      runAsNonRoot: true,
      runAsUser: "1000",
      runAsGroup: "1000",
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  test("ownVolumes gives mounted volumes to the group; onlyOnRootMismatch skips the recursive walk", () => {
    expect(restrictedPodSecurityContext({ runAsUser: 999, ownVolumes: true })).toEqual({
      runAsNonRoot: true,
      runAsUser: "999",
      runAsGroup: "999",
      fsGroup: "999",
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(restrictedPodSecurityContext({ runAsUser: 999, ownVolumes: true, onlyOnRootMismatch: true })).toMatchObject({
      fsGroup: "999",
      fsGroupChangePolicy: "OnRootMismatch",
    });
  });

  test("onlyOnRootMismatch alone changes nothing: there is no fsGroup to apply", () => {
    expect(restrictedPodSecurityContext({ runAsUser: 1, onlyOnRootMismatch: true })).not.toHaveProperty("fsGroupChangePolicy");
  });
});

describe("restrictedContainerSecurityContext", () => {
  test("by default: non-root, read-only root, no escalation, not privileged, every capability dropped, no user", () => {
    expect(restrictedContainerSecurityContext()).toEqual({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ["ALL"] },
    });
  });

  test("runAsUser repeats the user and group at container level", () => {
    expect(restrictedContainerSecurityContext({ runAsUser: 1000 })).toMatchObject({ runAsUser: "1000", runAsGroup: "1000" });
  });

  test("each call returns a fresh object", () => {
    expect(restrictedContainerSecurityContext()).not.toBe(restrictedContainerSecurityContext());
  });
});
