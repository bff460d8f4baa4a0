import { Problems } from "../core/errors";
import { isStringToken } from "../core/tokens";

/**
 * Names of Kubernetes objects and keys, as the API server checks them (k8s.io/apimachinery/pkg/util/validation).
 * Each check returns true when the value is acceptable, absent (undefined) or a Terraform token, and otherwise records
 * one problem and returns false.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Longest DNS-1123 label: a namespace, a Service name, a label's name part. */
export const DNS1123_LABEL_MAX = 63;
/** Longest DNS-1123 subdomain: the name of most objects (Secrets, ConfigMaps, StorageClasses, Deployments). */
export const DNS1123_SUBDOMAIN_MAX = 253;

/** Whether `value` is a DNS-1123 label of at most `max` characters. */
export function isDns1123Label(value: string, max = DNS1123_LABEL_MAX): boolean {
  return value.length <= max && DNS1123_LABEL.test(value);
}

/** Whether `value` is a DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= DNS1123_SUBDOMAIN_MAX && DNS1123_SUBDOMAIN.test(value);
}

/**
 * Whether `key` is a qualified name, the form of label and annotation keys: an optional DNS-subdomain prefix and
 * `/`, then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return false;
  return name.length <= DNS1123_LABEL_MAX && QUALIFIED_NAME_PART.test(name);
}

/** A DNS-1123 label (namespaces, Service names): at most `max` characters, 63 unless a longer name derives from it. */
export function dns1123Label(v: Problems, field: string, value: unknown, max = DNS1123_LABEL_MAX): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !isDns1123Label(value, max)) {
    v.add(
      field,
      value,
      `must be a DNS-1123 label: at most ${max} characters of lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
    return false;
  }
  return true;
}

/** A DNS-1123 subdomain: the name of a Secret, a ConfigMap, a StorageClass. */
export function dns1123Subdomain(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !isDns1123Subdomain(value)) {
    v.add(
      field,
      value,
      `must be a DNS-1123 subdomain: at most ${DNS1123_SUBDOMAIN_MAX} characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`,
    );
    return false;
  }
  return true;
}

/** A qualified name (an extended resource such as `nvidia.com/gpu`, a taint key); `what` names it in the message. */
export function qualifiedName(v: Problems, field: string, value: unknown, what = "a qualified name"): boolean {
  if (value === undefined || isStringToken(value)) return true;
  if (typeof value !== "string" || !isQualifiedName(value)) {
    v.add(field, value, qualifiedNameRule(what));
    return false;
  }
  return true;
}

/** The message of every qualified-name check: label names, annotation names, extended resources, taint keys. */
export function qualifiedNameRule(what: string): string {
  return `must be ${what}: an optional DNS-subdomain prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}

/**
 * An extended resource name (a GPU, e.g. `nvidia.com/gpu`), as the API server checks it (IsExtendedResourceName): a
 * qualified name with a domain prefix outside `kubernetes.io`. A bare name would be refused, or would be a native
 * resource such as `memory`, whose limit it would silently replace.
 */
export function extendedResourceName(v: Problems, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (isStringToken(value)) {
    v.add(field, value, "must be a literal name, not a Terraform reference: it is a key of the resources (or quota) map, which must be known at synth");
    return false;
  }
  const prefix = typeof value === "string" && value.includes("/") ? value.slice(0, value.lastIndexOf("/")) : "";
  const native = prefix === "" || prefix === "kubernetes.io" || prefix.endsWith(".kubernetes.io");
  if (typeof value !== "string" || native || !isQualifiedName(value) || !isQualifiedName(`requests.${value}`)) {
    v.add(field, value, "must be an extended resource name: a domain prefix outside kubernetes.io, '/', then a name, e.g. nvidia.com/gpu or amd.com/gpu");
    return false;
  }
  return true;
}
