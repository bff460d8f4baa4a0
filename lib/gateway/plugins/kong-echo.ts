// What Kong 3.9 echoes as the `config` of each plugin the library types: every field of the plugin's schema.lua with
// the value Kong stores when the field is not given (Kong/kong 3.9.3; the schemas are unchanged since 3.9.0).
//
// Why the library writes configs in full: the kevholditch/kong provider updates a plugin with PATCH, and Kong merges a
// PATCH into the stored config (nested records too), so a key left out keeps its old value. A config that names every
// field puts every removed option back to Kong's default. And with `strict_plugins_match` the provider compares the
// configured JSON with Kong's echo: both must hold the same keys and values, nulls included.
//
// Rules of the table, from Kong's schema code (kong/db/schema/init.lua):
// - a value is Kong's default; `null` where the default is null. A PATCH with `null` stores null: it does not reset
//   a field to its default, so a field with a default is never rendered as null;
// - `record(...)`: a nested record (`redis`, `memory`, `response_headers`), always rendered whole, never null;
// - `mapOf(record)`: a map whose every value is a record, echoed with all the record's fields (unset ones null);
// - `mirror(record, field)`: a deprecated shorthand (`redis_host`, ...) Kong echoes as a copy of the record's field;
// - `REQUIRED`: Kong requires it and has no default; the plugin's factory always renders it.

/** A field Kong requires and has no default for. */
export const REQUIRED: unique symbol = Symbol("required");

/** A nested record: its fields, each a default, a record, a map of records or a mirror. */
export class EchoRecord {
  constructor(public readonly fields: Readonly<Record<string, EchoField>>) {}
}

/** A map from any key to a record (response-ratelimiting `limits`). */
export class EchoMap {
  constructor(public readonly values: EchoRecord) {}
}

/** A deprecated shorthand field, echoed as a copy of `record.field`. */
export class EchoMirror {
  constructor(
    public readonly record: string,
    public readonly field: string,
  ) {}
}

export type EchoField = null | boolean | number | string | readonly unknown[] | typeof REQUIRED | EchoRecord | EchoMap | EchoMirror;

const record = (fields: Record<string, EchoField>) => new EchoRecord(fields);
const mapOf = (values: EchoRecord) => new EchoMap(values);

/** `kong/tools/redis/schema.lua`: the redis record of rate-limiting and response-ratelimiting. */
const REDIS = record({
  host: null,
  port: 6379,
  timeout: 2000,
  username: null,
  password: null,
  database: 0,
  ssl: false,
  ssl_verify: false,
  server_name: null,
});

/** The deprecated `redis_*` shorthands of both rate limiters (their schema.lua `shorthand_fields`), echoed on every read. */
const REDIS_SHORTHANDS: Record<string, EchoMirror> = Object.fromEntries(
  ["host", "port", "password", "username", "ssl", "ssl_verify", "server_name", "timeout", "database"].map((f) => [`redis_${f}`, new EchoMirror("redis", f)]),
);

/** The six windows, each null unless set (rate-limiting, and each response-ratelimiting counter). */
const WINDOWS = { second: null, minute: null, hour: null, day: null, month: null, year: null };

/** Kong 3.9's echoed config of each typed plugin, by plugin name. `Plugin.custom` configs are not in it. */
export const KONG_ECHO: Readonly<Record<string, EchoRecord>> = {
  "key-auth": record({
    key_names: ["apikey"],
    hide_credentials: false,
    anonymous: null,
    key_in_header: true,
    key_in_query: true,
    key_in_body: false,
    run_on_preflight: true,
    realm: null,
  }),
  acl: record({ allow: null, deny: null, hide_groups_header: false, always_use_authenticated_groups: false }),
  "rate-limiting": record({
    ...WINDOWS,
    limit_by: "consumer",
    header_name: null,
    path: null,
    policy: "local",
    fault_tolerant: true,
    redis: REDIS,
    hide_client_headers: false,
    error_code: 429,
    error_message: "API rate limit exceeded",
    sync_rate: -1,
    ...REDIS_SHORTHANDS,
  }),
  "response-ratelimiting": record({
    header_name: "x-kong-limit",
    limit_by: "consumer",
    policy: "local",
    fault_tolerant: true,
    redis: REDIS,
    block_on_first_violation: false,
    hide_client_headers: false,
    limits: mapOf(record(WINDOWS)),
    ...REDIS_SHORTHANDS,
  }),
  "request-size-limiting": record({ allowed_payload_size: 128, size_unit: "megabytes", require_content_length: false }),
  cors: record({
    origins: null,
    headers: null,
    exposed_headers: null,
    methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"],
    max_age: null,
    credentials: false,
    private_network: false,
    preflight_continue: false,
  }),
  "proxy-cache": record({
    response_code: [200, 301, 404],
    request_method: ["GET", "HEAD"],
    content_type: ["text/plain", "application/json"],
    cache_ttl: 300,
    strategy: REQUIRED,
    cache_control: false,
    ignore_uri_case: false,
    storage_ttl: null,
    memory: record({ dictionary_name: "kong_db_cache" }),
    vary_query_params: null,
    vary_headers: null,
    response_headers: record({ age: true, "X-Cache-Status": true, "X-Cache-Key": true }),
  }),
  prometheus: record({
    per_consumer: false,
    status_code_metrics: false,
    ai_metrics: false,
    latency_metrics: false,
    bandwidth_metrics: false,
    upstream_health_metrics: false,
  }),
  "correlation-id": record({ header_name: "Kong-Request-ID", generator: "uuid#counter", echo_downstream: false }),
  jwt: record({
    uri_param_names: ["jwt"],
    cookie_names: [],
    key_claim_name: "iss",
    secret_is_base64: false,
    claims_to_verify: null,
    anonymous: null,
    run_on_preflight: true,
    maximum_expiration: 0,
    header_names: ["authorization"],
    realm: null,
  }),
  "ip-restriction": record({ allow: null, deny: null, status: null, message: null }),
  "bot-detection": record({ allow: [], deny: [] }),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * @internal A plugin config as Kong echoes it: the given config (what a factory rendered) with every field of the
 * table filled in, records completed, map entries completed and shorthands mirrored. Keys the table does not know
 * are kept (Kong would refuse them; the echo test reports them). A plugin without a table entry is returned as given.
 * Runs once per distinct policy (policies are interned), never per attachment.
 */
export function completeConfig(name: string, config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const table = KONG_ECHO[name];
  return table === undefined ? { ...config } : completeRecord(name, table, config);
}

function completeRecord(at: string, table: EchoRecord, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  const mirrors: Array<[string, EchoMirror]> = [];
  for (const [key, field] of Object.entries(table.fields)) {
    const value = given[key];
    if (field instanceof EchoMirror) mirrors.push([key, field]);
    else if (field instanceof EchoRecord) out[key] = completeRecord(`${at}.${key}`, field, isObject(value) ? value : {});
    else if (field instanceof EchoMap) {
      if (!isObject(value)) throw new Error(`internal: ${at}.${key} is required and must be a map`);
      out[key] = Object.fromEntries(Object.entries(value).map(([k, item]) => [k, completeRecord(`${at}.${key}.${k}`, field.values, isObject(item) ? item : {})]));
    } else if (field === REQUIRED) {
      if (value === undefined || value === null) throw new Error(`internal: ${at}.${key} is required by Kong and has no default`);
    } else if (value === undefined) out[key] = field;
  }
  for (const [key, m] of mirrors) out[key] = (out[m.record] as Record<string, unknown>)[m.field];
  return out;
}
