/** Recommended Kubernetes labels (app.kubernetes.io/*), the same on every object this library creates. */
export const MANAGED_BY = "kong-ai-platform";

export interface StandardLabelsOptions {
  /** app.kubernetes.io/name: what runs, e.g. `kong` or `face-detection`. */
  readonly name: string;
  /** app.kubernetes.io/instance: which copy of it, e.g. `platform-kong`. */
  readonly instance: string;
  /** app.kubernetes.io/component: its role, e.g. `gateway`, `database`, `model`. */
  readonly component: string;
  /** app.kubernetes.io/part-of. @default "ai-platform" */
  readonly partOf?: string;
  /** app.kubernetes.io/version, when known. Not part of selectors (it changes on upgrade). */
  readonly version?: string;
}

/** The labels that select a workload's pods: stable across upgrades (no version). */
export function selectorLabels(o: StandardLabelsOptions): Record<string, string> {
  return {
    "app.kubernetes.io/instance": o.instance,
    "app.kubernetes.io/name": o.name,
  };
}

/** Every label of an object: selector labels plus component, part-of, managed-by and (if known) version. */
export function standardLabels(o: StandardLabelsOptions): Record<string, string> {
  const labels: Record<string, string> = {
    ...selectorLabels(o),
    "app.kubernetes.io/component": o.component,
    "app.kubernetes.io/managed-by": MANAGED_BY,
    "app.kubernetes.io/part-of": o.partOf ?? "ai-platform",
  };
  if (o.version !== undefined) labels["app.kubernetes.io/version"] = sanitizeLabelValue(o.version);
  return labels;
}

/** Label values: at most 63 of [A-Za-z0-9_.-], starting and ending alphanumeric. */
export function sanitizeLabelValue(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 63);
  return cleaned.replace(/^[^A-Za-z0-9]+/, "").replace(/[^A-Za-z0-9]+$/, "");
}
