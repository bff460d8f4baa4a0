import { TerraformOutput, TerraformResource } from "cdktf";
import { GatewayConsumer } from "../gateway/consumer";
import { aclAdmits } from "./authentication";
import { PluginReader } from "./plugins";
import { rateLimitOf } from "./read-route";
import { resolvedIn, shown, stackOf } from "./read-kubernetes";
import type { ApiEntry, ConsumerEntry, CredentialInfo, PublishedValue } from "./types";

/** Kong credential resource types and the kind the catalog calls them (the plugin that checks them). */
const CREDENTIAL_KINDS: Readonly<Record<string, string>> = {
  kong_consumer_key_auth: "key-auth",
  kong_consumer_jwt_auth: "jwt",
  kong_consumer_basic_auth: "basic-auth",
  kong_consumer_oauth2: "oauth2",
};

/**
 * One consumer as the catalog shows it: groups, credentials, its own limits and the APIs its groups may call. Where
 * each credential is published is found by value: a Secret data key or output whose value is one of the credential's
 * own attributes (a `random_password` result, a JWT key) belongs to it. Values are compared as Terraform expressions
 * and never written anywhere.
 */
export function consumerEntry(consumer: GatewayConsumer, reader: PluginReader, apis: readonly ApiEntry[]): ConsumerEntry {
  const groups = [...consumer.aclGroups.keys()].map((g) => String(shown(consumer, g)));
  const attached = reader.attached(consumer._plugins, "consumer");
  const rateLimit = rateLimitOf(attached.find((p) => p.name === "rate-limiting"));
  const entry: ConsumerEntry = {
    name: String(shown(consumer, consumer.name)),
    ...(consumer.username !== undefined ? { username: String(shown(consumer, consumer.username)) } : {}),
    ...(consumer.customId !== undefined ? { customId: String(shown(consumer, consumer.customId)) } : {}),
    groups,
    credentials: credentialsOf(consumer),
    plugins: attached.map((p) => p.name),
    apis: apis.filter((api) => api.routes.some((r) => r.authentication.mode !== "none" && aclAdmits(r.acl, groups))).map((api) => api.name),
  };
  return rateLimit ? { ...entry, rateLimit } : entry;
}

function credentialsOf(consumer: GatewayConsumer): CredentialInfo[] {
  const published = publishedValues(consumer);
  const claimed = new Set<string>();
  const credentials: CredentialInfo[] = [];
  for (const child of consumer.node.children) {
    if (!(child instanceof TerraformResource)) continue;
    const kind = CREDENTIAL_KINDS[child.terraformResourceType];
    if (kind === undefined) continue;
    const values = new Set(leaves(resolvedIn(child, child.toTerraform())));
    const mine = published.filter((p) => values.has(p.value));
    mine.forEach((p) => claimed.add(p.entry.key));
    credentials.push({ kind, id: child.node.id, published: mine.map((p) => p.entry) });
  }
  const unclaimed = published.filter((p) => !claimed.has(p.entry.key));
  if (unclaimed.length > 0) credentials.push({ kind: "other", id: "-", published: unclaimed.map((p) => p.entry) });
  return credentials;
}

interface Published {
  readonly entry: PublishedValue;
  /** The published value as a Terraform expression, to match against the credentials' attributes. */
  readonly value: string;
}

/** Every value the consumer publishes: its credentials Secret's data keys and its sensitive outputs, by data key. */
function publishedValues(consumer: GatewayConsumer): Published[] {
  const byKey = new Map<string, { value: string; secret?: PublishedValue["secret"]; output?: PublishedValue["output"] }>();
  const secret = consumer.credentialsSecret;
  if (secret !== undefined) {
    const metadata = (secret.metadataInput ?? {}) as { name?: string; namespace?: string };
    const where = { namespace: String(shown(secret, metadata.namespace ?? "default")), name: String(shown(secret, metadata.name)) };
    const data = resolvedIn(secret, secret.dataInput);
    for (const [key, value] of Object.entries(data !== null && typeof data === "object" ? data : {})) {
      byKey.set(key, { value: String(value), secret: where });
    }
  }
  for (const child of consumer.node.children) {
    if (!(child instanceof TerraformOutput)) continue;
    const key = child.node.id.startsWith("output-") ? child.node.id.slice("output-".length) : child.friendlyUniqueId;
    const value = String(resolvedIn(child, child.value));
    const output = { stack: stackOf(child), name: child.friendlyUniqueId };
    byKey.set(key, { ...byKey.get(key), value: byKey.get(key)?.value ?? value, output });
  }
  return [...byKey.entries()].map(([key, p]) => ({
    value: p.value,
    entry: { key, ...(p.secret ? { secret: p.secret } : {}), ...(p.output ? { output: p.output } : {}) },
  }));
}

/** Every string in a JSON value. */
function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [];
}
