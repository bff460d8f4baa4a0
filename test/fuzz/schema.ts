// Random configurations of every public construct, as plain descriptors (see values.ts). Each generator mirrors the
// props interface it feeds: when an interface gains a prop, add it here so the fuzzer exercises it.
import fc from "fast-check";
import {
  badCidr,
  badHeaderName,
  badHost,
  badImage,
  badLabelKey,
  badLabelValue,
  badPath,
  badPort,
  badQuantity,
  badTag,
  cidr,
  cpu,
  field,
  groupName,
  headerName,
  hostile,
  httpMethod,
  image,
  label,
  labelKey,
  labelValue,
  list,
  memory,
  namespace,
  options,
  port,
  routeHost,
  routePath,
  secret,
  smallInt,
  subset,
  tag,
  tokenOf,
  atHostility,
} from "./values";

/**
 * The generators of every props interface, for fields that are hostile, references or nearly valid at the given
 * rate (see `field`): the fuzzer mixes a mild and a harsh schema, so that both deep valid configurations and every
 * kind of bad value are frequent.
 */
function makeSchema() {
  const bool = field(fc.boolean());
  /** A string field: valid values from `pool`, nearly valid ones from `bad`, references of strings. */
  const str = (pool: fc.Arbitrary<string>, bad?: fc.Arbitrary<unknown>) => field(pool, ["string"], bad);
  /** An integer field in [min, max]; the nearly valid values are just outside. */
  const int = (min: number, max: number) => field(smallInt(min, max), ["number"], fc.constantFrom(min - 1, max + 1, min + 0.5));
  const ints = (min: number, max: number) => field(list(smallInt(min, max)), ["list"], list(fc.constantFrom(min - 1, max + 1)));
  const tags = field(list(tag), ["list"], list(badTag, { minLength: 1 }));
  const uuid = fc.constantFrom("6f1c1b4e-2d1a-4c55-9a3e-1b2c3d4e5f60");
  const badUuid = fc.constantFrom("not-a-uuid", "");
  /** A list of strings from `pool`, nearly valid when an element comes from `bad`. */
  const strs = (pool: fc.Arbitrary<string>, bad?: fc.Arbitrary<unknown>, minLength = 0) =>
    field(list(pool, { minLength }), ["list"], bad === undefined ? undefined : list(fc.oneof(pool, bad), { minLength: 1 }));
  /** A string that must be literal (it names objects): references are rare, among the nearly valid values. */
  const lit = (pool: fc.Arbitrary<string>, bad: fc.Arbitrary<unknown>) => field(pool, [], fc.oneof(bad, tokenOf("string")));
  /** A CA certificate from a Secret or a ConfigMap (`CaCertificate.fromSecret(name, key?)`). */
  const ca = field(fc.record({ $ca: fc.constantFrom("fromSecret", "fromConfigMap"), name: field(fc.constantFrom("pg-ca", "kong-ca"), ["string"], fc.constant("Bad_Name")), key: field(fc.constantFrom(undefined, "ca.crt"), [], fc.constant("bad key")) }));
  /** Where rate limits count (`RateLimitCounters.*`). */
  const counters = field(
    fc.oneof(
      fc.constantFrom({ $counters: "local" }, { $counters: "cluster" }),
      fc.record({ $counters: fc.constant("redis"), redis: fc.constant({ host: "redis.kong.svc" }), options: field(fc.constantFrom({}, { syncRateSeconds: 1 }), [], fc.constant({ syncRateSeconds: 0.001 })) }),
    ),
  );
  /** How clients authenticate (`Authentication.*`). */
  const authentication = field(
    fc.oneof(
      fc.constantFrom({ $auth: "keyAuth" }, { $auth: "jwt" }),
      fc.record({ $auth: fc.constant("keyAuth"), options: field(fc.constantFrom({ keyNames: ["x-api-key"] }, { hideCredentials: false }), [], fc.constantFrom({ anonymous: "x" }, { keyName: [] })) }),
      fc.constantFrom({ $auth: "anyOf", of: ["keyAuth", "jwt"] }, { $auth: "allOf", of: ["keyAuth", "jwt"] }),
    ),
    [],
    fc.constantFrom({ $auth: "anyOf", of: [] }, { $auth: "anyOf", of: ["keyAuth", "keyAuth"] }),
  );
  /** One of `values`, or one of `bad`. */
  const oneOf = (values: unknown[], bad: unknown[]) => field(fc.constantFrom(...values), [], fc.constantFrom(...bad));
  /**
   * `base` with options that only make sense together (a CA and a verifying mode, a redirect code and httpsOnly):
   * mostly none or a coherent set (`coherent`), now and then one without the other (`alone`).
   */
  const together = (base: fc.Arbitrary<Record<string, unknown>>, coherent: fc.Arbitrary<Record<string, unknown>>, alone: fc.Arbitrary<Record<string, unknown>>) =>
    fc
      .tuple(base, fc.oneof({ arbitrary: fc.constant({}), weight: 6 }, { arbitrary: coherent, weight: 6 }, { arbitrary: alone, weight: 1 }))
      .map(([b, extra]) => ({ ...b, ...extra }));
  const selector = field(fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 2 }), [], fc.oneof(fc.constant({}), fc.dictionary(badLabelKey, labelValue, { minKeys: 1, maxKeys: 1 })));

  // ---- plugin policies ----
  const windows = {
    second: int(1, 50),
    minute: int(50, 3000),
    hour: int(3000, 100000),
    day: int(100000, 1000000),
    month: int(1000000, 2000000),
    year: int(2000000, 10000000),
  };
  const redis = options(
    {
      host: str(fc.constantFrom("redis.kong.svc", "10.0.0.5"), fc.constantFrom("redis:6379", "")),
      port: int(1, 65535),
      timeoutMs: int(0, 5000),
      username: str(fc.constantFrom("kong"), fc.constant("")),
      password: field(tokenOf("string"), [], secret),
      database: int(0, 15),
      ssl: bool,
      sslVerify: bool,
      serverName: str(fc.constantFrom("redis.example.com"), fc.constant("10.0.0.5")),
    },
    ["host"],
  );
  const POLICIES: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    keyAuth: options({
      keyNames: strs(headerName, badHeaderName, 1),
      hideCredentials: bool,
      keyInHeader: bool,
      keyInQuery: bool,
      keyInBody: bool,
      runOnPreflight: bool,
      anonymous: str(fc.constantFrom("anonymous"), fc.constant("")),
      realm: str(fc.constantFrom("kong"), fc.constant("")),
    }),
    jwt: options({
      uriParamNames: strs(fc.constantFrom("jwt", "token")),
      cookieNames: strs(fc.constantFrom("session"), fc.constant("")),
      headerNames: strs(fc.constantFrom("authorization", "x-jwt")),
      keyClaimName: str(fc.constantFrom("iss", "kid")),
      secretIsBase64: bool,
      runOnPreflight: bool,
      claimsToVerify: field(fc.constantFrom(["exp"], ["exp", "nbf"], []), ["list"], fc.constantFrom(["iat"], ["exp", "exp"])),
      maximumExpirationSeconds: field(fc.constant(0), ["number"], fc.constantFrom(60, -1)),
      anonymous: str(fc.constantFrom("anonymous")),
      realm: str(fc.constantFrom("kong")),
    }),
    acl: options({ allow: strs(groupName, fc.constant(""), 1), hideGroupsHeader: bool, alwaysUseAuthenticatedGroups: bool }, ["allow"]),
    rateLimiting: options({
      ...windows,
      limitBy: oneOf(["consumer", "credential", "ip", "service"], ["header", "path", "user"]),
      headerName: str(headerName, badHeaderName),
      path: str(fc.constantFrom("/v1/face"), fc.constant("v1")),
      policy: oneOf(["local", "cluster"], ["redis", "memory"]),
      faultTolerant: bool,
      hideClientHeaders: bool,
      errorCode: int(100, 599),
      errorMessage: str(fc.constantFrom("slow down"), fc.constant("")),
      syncRateSeconds: oneOf([-1], [0.02, 1, 0.001]),
      redis: field(redis, [], redis),
      counters,
    }),
    responseRateLimiting: options(
      {
        limits: field(fc.dictionary(fc.constantFrom("tokens", "images"), options(windows), { minKeys: 1, maxKeys: 2 }), ["map"], fc.constantFrom({}, { "": { minute: 1 } }, { tokens: {} })),
        limitBy: oneOf(["consumer", "credential", "ip"], ["path"]),
        headerName: str(fc.constantFrom("x-kong-limit")),
        policy: oneOf(["local", "cluster"], ["redis"]),
        faultTolerant: bool,
        blockOnFirstViolation: bool,
        hideClientHeaders: bool,
      },
      ["limits"],
    ),
    cors: options({
      origins: strs(fc.constantFrom("https://app\\.example\\.com", "https://console\\.example\\.com"), fc.constantFrom("(", "*", "https://.*")),
      headers: strs(fc.constantFrom("content-type", "x-model")),
      exposedHeaders: strs(fc.constantFrom("x-request-id")),
      methods: field(subset(["GET", "POST", "OPTIONS"]), ["list"], fc.constant(["get"])),
      maxAgeSeconds: int(0, 86400),
      credentials: bool,
      privateNetwork: bool,
      preflightContinue: bool,
    }),
    ipRestriction: options({ allow: strs(cidr, badCidr, 1), status: int(100, 599), message: str(fc.constantFrom("no")) }, ["allow"]),
    requestSizeLimiting: options({ allowedPayloadSize: int(0, 1024), sizeUnit: oneOf(["megabytes", "kilobytes", "bytes"], ["gigabytes"]), requireContentLength: bool }),
    proxyCache: options({
      strategy: oneOf(["memory"], ["redis"]),
      responseCode: ints(100, 900),
      requestMethod: field(subset(["GET", "HEAD"], 1), ["list"], fc.constant(["DELETE"])),
      contentType: strs(fc.constantFrom("application/json", "text/plain")),
      cacheTtlSeconds: int(1, 3600),
      cacheControl: bool,
      ignoreUriCase: bool,
      storageTtlSeconds: int(0, 3600),
      varyQueryParams: strs(fc.constantFrom("page")),
      varyHeaders: strs(fc.constantFrom("accept")),
      memoryDictionaryName: str(fc.constantFrom("kong_db_cache"), fc.constant("")),
    }),
    prometheus: options({ perConsumer: bool, statusCodeMetrics: bool, latencyMetrics: bool, bandwidthMetrics: bool, upstreamHealthMetrics: bool, aiMetrics: bool }),
    correlationId: options({ headerName: str(headerName, badHeaderName), generator: oneOf(["uuid", "uuid#counter", "tracker"], ["random"]), echoDownstream: bool }),
    botDetection: options({ allow: strs(fc.constantFrom("curl/.*"), fc.constant("(")), deny: strs(fc.constantFrom("bot")) }),
  };

  const customConfig = fc.oneof(
    { arbitrary: fc.constantFrom({}, { hide_credentials: true }, { nested: { list: [1, 2] } }), weight: 6 },
    { arbitrary: secret.map((s) => ({ password: s })), weight: 1 },
    { arbitrary: secret.map((s) => ({ nested: { client_secret: s } })), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>({ $token: "string" }, { $token: "list" }, { $token: "number" }, { $token: "map" }).map((t) => ({ allow: t })), weight: 2 },
  );

  /** A policy descriptor `{ $policy, options }` (or `{ $policy: "custom", name, config }`), now and then not a policy at all. */
  const policy: fc.Arbitrary<unknown> = field(
    fc.oneof(
      ...Object.entries(POLICIES).map(([name, arb]) => arb.map((o) => ({ $policy: name, options: o }))),
      fc.record({ $policy: fc.constant("custom"), name: fc.constantFrom("my-plugin", "request-transformer"), config: customConfig }),
    ),
    [],
    fc.oneof(
      fc.record({ $policy: fc.constant("custom"), name: fc.constantFrom("Bad Name", ""), config: customConfig }),
      ...Object.keys(POLICIES).map((name) => hostile.map((o) => ({ $policy: name, options: o }))),
    ),
  );
  /** A list of policies without two of one plugin (Kong allows one per scope): a duplicate now and then. */
  const policies = (max: number) =>
    fc.oneof(
      { arbitrary: fc.uniqueArray(policy, { maxLength: max, selector: (p) => (p as { $policy?: string })?.$policy ?? JSON.stringify(p) }), weight: 20 },
      { arbitrary: fc.array(policy, { maxLength: max }), weight: 1 },
    );

  // ---- Kubernetes building blocks ----
  const scaling = field(
    fc.oneof(
      fc.record({ $scaling: fc.constant("fixed"), arg: int(1, 10) }),
      fc.record({ $scaling: fc.constant("cpu"), arg: field(options({ minReplicas: int(1, 3), maxReplicas: int(3, 10), targetPercent: int(1, 100), memoryTargetPercent: int(1, 100) })) }),
    ),
    [],
    fc.record({ $scaling: fc.constant("cpu"), arg: fc.constant({ minReplicas: 5, maxReplicas: 2 }) }),
  );
  const annotations = field(
    fc.dictionary(labelKey, field(fc.constantFrom("true", "Internal"), ["string"]), { maxKeys: 2 }),
    ["map"],
    fc.dictionary(badLabelKey, fc.constantFrom<unknown>("x", 1), { minKeys: 1, maxKeys: 1 }),
  );
  const vip = field(
    fc.oneof(
      fc.record({ $vip: fc.constant("clusterIp"), options: field(options({ port: field(port, ["number"], badPort) })) }),
      fc.record({
        $vip: fc.constant("loadBalancer"),
        options: field(
          options(
            {
              sourceRanges: strs(cidr, badCidr, 1),
              ip: str(fc.constantFrom("203.0.113.10"), fc.constant("10.0.0.300")),
              annotations,
              port: field(port, ["number"], badPort),
              externalTrafficPolicy: oneOf(["Cluster", "Local"], ["Other"]),
            },
            ["sourceRanges"],
          ),
        ),
      }),
    ),
  );
  const quantities = field(options({ cpu: str(cpu, badQuantity), memory: str(memory, badQuantity) }));
  const containerResources = field(options({ requests: quantities, limits: quantities }));

  // ---- Kong entities ----
  const serviceBase = {
    name: str(fc.constantFrom("face", "ocr-svc"), fc.constantFrom("bad name", "")),
    host: str(fc.constantFrom("face.models.svc.cluster.local", "10.0.0.8"), fc.constantFrom("face:80", "a b")),
    port: int(0, 65535),
    protocol: oneOf(["http", "grpc"], ["tcp", "ftp"]),
    path: str(fc.constantFrom("/api"), fc.constant("api")),
    retries: int(0, 10),
    connectTimeoutMs: int(1, 60000),
    readTimeoutMs: int(1, 60000),
    writeTimeoutMs: int(1, 60000),
    tags,
  };
  const serviceTls = {
    protocol: oneOf(["https"], ["http"]),
    tlsVerify: bool,
    tlsVerifyDepth: int(0, 64),
    caCertificateIds: strs(uuid, badUuid),
    clientCertificateId: str(uuid, badUuid),
  };
  const serviceProps = fc.oneof(
    options(serviceBase, ["host"]),
    options({ ...serviceBase, host: field(fc.constant(undefined), [], fc.constant("x")), upstream: field(fc.constant({ $ref: "upstream" }), [], fc.constant("face.upstream")) }, ["upstream"]),
    options({ ...serviceBase, ...serviceTls }, ["host", "protocol"]),
  );

  const routeProps = options({
    name: str(fc.constantFrom("v1", "face-v2"), fc.constantFrom("bad name", "")),
    protocols: field(fc.constantFrom(["http", "https"], ["https"], ["grpc", "grpcs"], ["tls"]), ["list"], fc.constantFrom(["http", "grpc"], [], ["ftp"])),
    paths: strs(routePath, badPath),
    methods: strs(httpMethod, fc.constant("get")),
    hosts: strs(routeHost, badHost),
    headers: field(fc.dictionary(headerName, strs(fc.constantFrom("2", "beta"), fc.constant("")), { maxKeys: 2 }), [], fc.constantFrom({ host: ["a"] }, { "bad header": ["a"] }, { x: [] })),
    snis: strs(fc.constantFrom("api.example.com", "*.example.com"), fc.constant("10.0.0.1")),
    stripPath: bool,
    preserveHost: bool,
    httpsRedirectStatusCode: oneOf([426, 301, 302, 307, 308], [200]),
    regexPriority: int(-10, 10),
    pathHandling: oneOf(["v0", "v1"], ["v2"]),
    requestBuffering: bool,
    responseBuffering: bool,
    tags,
  }, ["paths"]);

  const statuses = ints(100, 999);
  const counter = int(0, 255);
  const upstreamProps = options({
    name: str(fc.constantFrom("face.upstream", "ocr.upstream"), fc.constantFrom("10.0.0.1", "a b")),
    hashOn: oneOf(["none", "consumer", "ip", "path"], ["header", "cookie", "query_arg"]),
    hashFallback: oneOf(["none"], ["consumer", "ip", "header"]),
    hashOnHeader: str(headerName, badHeaderName),
    hashFallbackHeader: str(headerName, badHeaderName),
    hashOnCookie: str(fc.constantFrom("session"), fc.constant("bad cookie")),
    hashOnCookiePath: str(fc.constantFrom("/"), fc.constant("x")),
    slots: int(10, 65536),
    hostHeader: str(fc.constantFrom("face.example.com", "face.example.com:8443"), fc.constant("a b")),
    clientCertificateId: str(uuid, badUuid),
    healthchecks: field(
      options({
        active: field(
          options({
            type: oneOf(["http", "https", "tcp"], ["udp"]),
            timeoutSeconds: int(0, 10),
            concurrency: int(1, 20),
            httpPath: str(fc.constantFrom("/ready"), fc.constant("ready")),
            httpsSni: str(fc.constantFrom("face.example.com"), fc.constant("10.0.0.1")),
            httpsVerifyCertificate: bool,
            healthy: field(options({ intervalSeconds: int(0, 60), httpStatuses: statuses, successes: counter })),
            unhealthy: field(options({ intervalSeconds: int(0, 60), httpStatuses: statuses, tcpFailures: counter, timeouts: counter, httpFailures: counter })),
          }),
        ),
        passive: field(
          options({
            type: oneOf(["http", "tcp"], ["udp"]),
            healthy: field(options({ httpStatuses: statuses, successes: counter })),
            unhealthy: field(options({ httpStatuses: statuses, tcpFailures: counter, timeouts: counter, httpFailures: counter })),
          }),
        ),
      }),
    ),
    targets: field(
      list(field(options({ target: str(fc.constantFrom("10.0.0.7:8080", "face.models.svc", "[::1]:80"), fc.constant("bad host")), weight: int(0, 65535), tags }, ["target"])), {
        maxLength: 2,
      }),
    ),
    tags,
  });

  const consumerProps = options({
    username: str(fc.constantFrom("mobile-app", "partner", "ユーザー"), fc.constantFrom("", undefined)),
    customId: str(fc.constantFrom("acme-1", "42")),
    aclGroups: strs(groupName, fc.constant("")),
    keyAuth: field(fc.oneof(fc.boolean(), options({ length: int(16, 128) }))),
    jwt: field(
      options({
        algorithm: oneOf(["HS256", "RS256", "ES256"], ["none"]),
        key: str(fc.constantFrom("issuer-1"), fc.constant("")),
        secret: field(tokenOf("string"), [], secret),
        rsaPublicKey: str(fc.constantFrom("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"), fc.constant("not a key")),
      }),
    ),
    plugins: field(policies(2)),
    credentialsSecret: field(options({ namespace: str(namespace, fc.constant("Bad")), name: str(fc.constantFrom("mobile-creds"), fc.constant("Bad_Name")) }, ["namespace"])),
    sensitiveOutputs: bool,
    tags,
  }, ["username"]);

  const gatewayProps = options({
    adminUrl: str(fc.constantFrom("http://kong-admin.kong.svc.cluster.local:8001", "https://kong.example.com:8444"), fc.constantFrom(`https://admin:${"S3cr3tFuzzValue"}@kong:8444`, "ftp://kong", "")),
    adminCredentials: field(fc.record({ $creds: fc.constantFrom("token", "apiKey", "basicAuth"), sensitive: fc.constant(true), given: fc.boolean() }), [], fc.record({ $creds: fc.constant("token"), sensitive: fc.constant(false), given: fc.constant(true) })),
    workspace: str(fc.constantFrom("default"), fc.constant("")),
    strictPluginsMatch: bool,
    tlsSkipVerify: bool,
  }, ["adminUrl"]);

  // ---- models ----
  const gpu = options(
    {
      count: int(1, 16),
      resourceName: str(fc.constantFrom("nvidia.com/gpu", "amd.com/gpu"), fc.constantFrom("gpu", "memory", "bad name")),
      nodeSelector: field(fc.dictionary(labelKey, field(labelValue, ["string"], badLabelValue), { maxKeys: 2 }), ["map"], fc.dictionary(badLabelKey, labelValue, { minKeys: 1, maxKeys: 1 })),
      tolerationKey: str(fc.constantFrom("nvidia.com/gpu"), fc.constant("bad key")),
    },
    ["count"],
  );
  /** An environment map: plain settings, and secret-looking names holding the planted secret (which must be refused). */
  const envMap = field(
    fc
      .array(fc.tuple(fc.constantFrom("LOG_LEVEL", "MODEL_DIR"), field(fc.constantFrom("debug", "/models"), ["string"])), { maxLength: 2 })
      .map((entries) => Object.fromEntries(entries)),
    ["map"],
    fc.oneof(
      fc.tuple(fc.constantFrom("API_KEY", "DB_PASSWORD"), secret).map(([k, v]) => ({ [k]: v })),
      fc.constantFrom({ "1BAD": "x" }, { "bad name": "x" }, { LOG_LEVEL: 1 }),
    ),
  );
  const modelRoute = options(
    {
      name: str(fc.constantFrom("v1", "batch"), fc.constantFrom("Bad_Name", "")),
      paths: strs(routePath, badPath, 1),
      methods: strs(httpMethod, fc.constant("get")),
      hosts: strs(routeHost, badHost),
      stripPath: bool,
      plugins: field(policies(2)),
    },
    ["paths"],
  );
  const modelRoutes = field(
    fc.tuple(modelRoute, modelRoute).map(([a, b]) => [a, { ...b, name: "second" }]),
    [],
    fc.constantFrom([], [undefined]),
  ).chain((routes) => (Array.isArray(routes) && routes.length === 2 ? fc.constantFrom([routes[0]], routes) : fc.constant(routes)));

  /** A model definition (AiPlatform.addModel), without the props the platform supplies. */
  const modelDefinition = together(
    options(
    {
      name: lit(label, fc.constantFrom("Face", "a".repeat(41))),
      image: str(image, badImage),
      port: field(port, ["number"], badPort),
      protocol: oneOf(["http", "grpc"], ["tcp"]),
      scaling,
      resources: field(options({ cpu: str(cpu, badQuantity), memory: str(memory, badQuantity), cpuLimit: str(fc.constantFrom("2", "4"), fc.constant("100m")), gpu: field(gpu) })),
      env: envMap,
      configMaps: strs(fc.constantFrom("model-config"), fc.constant("Bad_Name")),
      secrets: strs(fc.constantFrom("model-secrets"), fc.constant("")),
      probes: field(
        options({
          readinessPath: str(fc.constantFrom("/ready"), fc.constant("ready")),
          livenessPath: str(fc.constantFrom("/healthz")),
          startupPath: str(fc.constantFrom("/loaded")),
          startupTimeoutSeconds: int(10, 3600),
          grpcService: str(fc.constantFrom("", "model.Health")),
        }),
      ),
      vip,
      runAsUser: int(1, 65535),
      routes: modelRoutes,
      allowedGroups: strs(groupName, fc.constant(""), 1),
      rateLimit: field(fc.oneof(fc.constant(false), options({ second: int(1, 50), minute: int(50, 3000), hour: int(3000, 100000), day: int(100000, 1000000), counters }, ["second"])), [], fc.constantFrom({ second: 100, minute: 10 }, {})),
      maxPayloadMegabytes: int(1, 1024),
      plugins: field(policies(2)),
      canary: field(options({ image: str(fc.constantFrom("registry.local/ai/face:3.0.0-rc1"), fc.constantFrom("registry.local/ai/face:1.4.2", "img:latest")), weightPercent: int(1, 99), scaling }, ["image", "weightPercent"])),
      timeoutMs: int(1, 120000),
      imagePullSeconds: int(30, 3600),
      authentication,
      httpsOnly: bool,
      serverTls: field(options({ secretName: str(fc.constantFrom("model-tls"), fc.constant("Bad_Name")), verify: field(fc.constant(false)) }, ["secretName"])),
      rollout: field(
        fc.oneof(
          fc.record({ $rollout: fc.constant("surge"), options: field(options({ maxSurge: field(fc.constantFrom(1, 2, "25%"), ["number"], fc.constantFrom(0, "x", "200%")), maxUnavailable: field(fc.constantFrom(0, 1, "10%")) })) }),
          fc.record({ $rollout: fc.constant("replace"), options: field(options({ maxUnavailable: field(fc.constantFrom(1, "50%"), [], fc.constantFrom(0, -1)) })) }),
          fc.constant({ $rollout: "recreate" }),
        ),
      ),
      metrics: field(
        options({
          port: field(fc.constantFrom(9090, 9400), ["number"], badPort),
          path: str(fc.constantFrom("/metrics"), fc.constant("metrics")),
          scrapers: field(list(options({ namespace: str(fc.constantFrom("monitoring"), fc.constant("Bad")), podLabels: selector }, ["namespace"]), { minLength: 1 })),
        }, ["port"]),
      ),
    },
    ["name", "image"],
    ),
    // a redirect code only with httpsOnly
    options({ httpsOnly: fc.constant(true), httpsRedirectStatusCode: oneOf([426, 301, 302, 307, 308], [200]) }, ["httpsOnly", "httpsRedirectStatusCode"]),
    fc.record({ httpsRedirectStatusCode: fc.constantFrom(426, 308) }),
  ).map((m) => {
    // a gRPC model has nothing to redirect (plain HTTP never carries gRPC): the code stays, rarely
    if (m.protocol !== "grpc" || m.httpsRedirectStatusCode === undefined || m.image === "registry.local/ai/face:2.0.0") return m;
    return Object.fromEntries(Object.entries(m).filter(([key]) => key !== "httpsRedirectStatusCode"));
  }).chain((m) =>
    // a public model (rarely): with a reason, and without the ACL's groups
    fc.oneof(
      { arbitrary: fc.constant(m), weight: 8 },
      { arbitrary: field(options({ reason: str(fc.constantFrom("a public demo model for the website"), fc.constant("short")) }, ["reason"])).map((p) => ({ ...m, allowedGroups: undefined, public: p })), weight: 1 },
    ),
  );

  /** DetectionService props: a definition plus what the platform would supply (sometimes wrong). */
  const modelProps = fc
    .tuple(modelDefinition, field(namespace, ["string"]), field(fc.constant({ $ref: "gateway" })), field(fc.constant({ $ref: "kong" })))
    .map(([definition, ns, gateway, kong]) => ({ ...definition, namespace: ns, gateway, kong }));

  // ---- Kong cluster and database ----
  const kongEnv = field(
    fc.array(fc.tuple(fc.constantFrom("KONG_PLUGINS", "KONG_LOG_LEVEL"), fc.constantFrom("bundled", "debug")), { maxLength: 2 }).map((entries) => Object.fromEntries(entries)),
    ["map"],
    fc.oneof(
      fc.tuple(fc.constantFrom("KONG_ADMIN_GUI_SESSION_CONF", "KONG_PG_PASSWORD"), secret).map(([k, v]) => ({ [k]: v })),
      fc.constantFrom({ PLUGINS: "bundled" }, { KONG_PG_HOST: "x" }),
    ),
  );
  const secretRef = field(options({ name: str(fc.constantFrom("kong-session"), fc.constant("Bad_Name")), key: str(fc.constantFrom("conf"), fc.constant("bad key")) }, ["name", "key"]));
  const proxyPorts = { httpPort: field(fc.constantFrom(80, 8080), ["number"], badPort), httpsPort: field(fc.constantFrom(443, 8443), ["number"], badPort) };
  const endpointProxy = field(
    fc.oneof(
      fc.record({
        $proxy: fc.constant("loadBalancer"),
        options: field(
          options({
            sourceRanges: strs(cidr, badCidr, 1),
            ip: str(fc.constantFrom("10.20.0.10")),
            annotations,
            externalTrafficPolicy: oneOf(["Cluster", "Local"], ["Other"]),
            ...proxyPorts,
          }, ["sourceRanges"]),
        ),
      }),
      fc.record({ $proxy: fc.constant("clusterIp"), options: field(options(proxyPorts)) }),
      fc.record({ $proxy: fc.constant("nodePort"), options: field(options({ externalTrafficPolicy: oneOf(["Cluster", "Local"], ["Other"]), ...proxyPorts })) }),
    ),
  );
  const adminPeer = field(fc.oneof(options({ cidr: str(cidr, badCidr) }, ["cidr"]), options({ namespaceSelector: selector, podSelector: selector }, ["podSelector"])));
  const endpointAdmin = field(
    fc.oneof(
      fc.record({ $admin: fc.constant("clusterIp"), options: field(options({ allowFrom: field(list(adminPeer)) })) }),
      fc.record({ $admin: fc.constant("loadBalancer"), options: field(options({ sourceRanges: strs(cidr, badCidr, 1), annotations, allowFrom: field(list(adminPeer)) }, ["sourceRanges"])) }),
    fc.record({
      $admin: fc.constant("throughProxy"),
      options: field(options({ host: str(fc.constantFrom("kong-admin.example.com"), fc.constant("*.example.com")), path: str(fc.constantFrom("/", "/kong-admin"), fc.constant("admin")), sourceRanges: strs(cidr, badCidr, 1) }, ["host", "sourceRanges"])),
    }),
    ),
  );

  /** KongCluster props without namespace and database (AiPlatform's `kong`). */
  const kongProps = options({
    name: str(fc.constantFrom("kong", "gateway"), fc.constantFrom("Kong", "a".repeat(37))),
    image: str(fc.constantFrom("kong:3.9.1"), fc.constantFrom("kong:3.9", "kong:latest")),
    scaling,
    resources: containerResources,
    workerProcesses: int(1, 64),
    proxy: endpointProxy,
    admin: endpointAdmin,
    env: kongEnv,
    envFromSecrets: field(fc.dictionary(fc.constantFrom("KONG_ADMIN_GUI_SESSION_CONF"), secretRef, { maxKeys: 1 }), [], fc.constantFrom({ PLUGINS: { name: "a", key: "b" } }, { KONG_PG_HOST: { name: "a", key: "b" } })),
    tls: field(
      fc.record({
        $tls: fc.constant("fromSecret"),
        options: field(
          options(
            {
              secretName: str(fc.constantFrom("proxy-tls"), fc.constant("Bad_Name")),
              hosts: field(fc.constantFrom(["api.example.com", "*.example.com"], ["api.example.com", "kong-admin.example.com"]), ["list"], fc.constantFrom([], ["10.0.0.1"], ["a b"])),
              reload: field(fc.constantFrom({ $reload: "reloader" }, { $reload: "manual", options: {} }, { $reload: "manual", options: { generation: "2025-06-01" } }), [], fc.constant({ $reload: "manual", options: { generation: "" } })),
            },
            ["secretName", "hosts"],
          ),
        ),
      }),
    ),
    upstreamCaCertificate: ca,
  });

  const pg = (pool: string[], bad: string[] = []) => str(fc.constantFrom(...pool), bad.length > 0 ? fc.constantFrom(...bad) : undefined);
  const inClusterDatabase = options({
    name: pg(["kong-postgres", "pg"], ["Bad_Name"]),
    image: pg(["postgres:16.9"], ["postgres:16", "postgres:latest"]),
    databaseName: pg(["kong"], ["Kong"]),
    user: pg(["kong"], ["1user"]),
    storageSize: str(memory, badQuantity),
    storageClassName: pg(["standard"], ["Bad_Class"]),
    resources: containerResources,
    backup: field(
      fc.oneof(
        fc.constant(false),
        options({
          schedule: str(fc.constantFrom("17 3 * * *", "@daily"), fc.constantFrom("every day", "61 * * * *")),
          timeZone: str(fc.constantFrom("Etc/UTC", "Europe/Paris"), fc.constant("Mars/Olympus")),
          keep: int(1, 1000),
          storageSize: str(memory, badQuantity),
          storageClassName: pg(["standard"], ["Bad_Class"]),
          resources: containerResources,
        }),
      ),
    ),
  });
  const existingDatabaseBase = options(
    {
      host: pg(["kong-db.prod.internal", "10.0.0.9"], ["bad host/x"]),
      port: int(1, 65535),
      sslMode: oneOf(["disable", "require", "verify-ca", "verify-full"], ["prefer"]),
      adminUsername: pg(["postgres", "platform_admin"]),
      adminPassword: field(tokenOf("string"), [], secret),
      adminDatabase: pg(["postgres"]),
      adminIsSuperuser: bool,
      databaseName: pg(["kong"]),
      user: pg(["kong"]),
      secretName: pg(["kong-postgres-credentials"], ["Bad_Name"]),
    },
    ["host"],
  );
  // a CA only with a verifying mode, caFile only with a CA
  const existingDatabase = together(
    existingDatabaseBase,
    options({ sslMode: oneOf(["verify-ca", "verify-full"], ["require"]), caCertificate: ca, caFile: str(fc.constantFrom("/etc/ssl/pg-ca.pem"), fc.constant("")) }, ["sslMode", "caCertificate"]),
    fc.constantFrom<Record<string, unknown>>({ caFile: "/etc/ssl/pg-ca.pem" }, { sslMode: "require", caCertificate: { $ca: "fromSecret", name: "pg-ca" } }),
  );
  const databaseAttributesBase = options(
    {
      host: pg(["kong-db.internal", "10.0.0.9"]),
      port: int(1, 65535),
      databaseName: pg(["kong"]),
      user: pg(["kong"]),
      passwordSecret: secretRef,
      ssl: bool,
      sslVerify: bool,
      namespace: str(fc.constant("kong"), fc.constant("other")),
      podSelectorLabels: selector,
      dependables: field(fc.constant([]), [], fc.constant(["not a resource"])),
    },
    ["host", "passwordSecret"],
  );
  // a CA only with sslVerify (and ssl)
  const databaseAttributes = together(
    databaseAttributesBase,
    options({ ssl: field(fc.constant(true)), sslVerify: field(fc.constant(true)), caCertificate: ca }, ["sslVerify", "caCertificate"]),
    fc.constant<Record<string, unknown>>({ sslVerify: false, caCertificate: { $ca: "fromConfigMap", name: "pg-ca" } }),
  );

  const teamProps = options({
    namespace: str(fc.constantFrom("team-<team>", "<team>-ns"), fc.constant("Bad")),
    createNamespace: bool,
    aclGroups: field(fc.constantFrom(["<team>"], ["<team>", "<team>-partners"]), [], fc.constantFrom(["other"], [], ["<team>", "<team>"])),
    pathPrefix: str(fc.constantFrom("/v1/<team>/", "/<team>/"), fc.constantFrom("v1", "/V1/")),
    quota: field(
      options({
        gpus: int(0, 8),
        gpusPerContainer: int(0, 1),
        gpuResourceName: str(fc.constantFrom("nvidia.com/gpu"), fc.constant("gpu")),
        cpu: str(cpu, badQuantity),
        memory: str(memory, badQuantity),
        pods: int(1, 100),
        loadBalancers: int(0, 2),
      }),
    ),
    deployerGroups: strs(fc.constantFrom("vision-deployers"), fc.constant(""), 1),
    adminCredentials: field(options({ kind: oneOf(["token", "apiKey", "basicAuth"], ["password"]), source: str(fc.constantFrom("vault:secret/kong/teams"), fc.constant("")) }, ["kind", "source"])),
  });

  const directory = lit(fc.constantFrom("acme-dev", "docs.v1"), fc.constantFrom("../up", "", "a b"));
  /** Where an AiPlatform writes its API catalog (AiPlatformCatalogOptions). */
  const catalogOptions = options({ directory });
  /** ApiCatalog props for a gateway case's gateway (the `gateway` reference is now and then missing or wrong). */
  const catalogProps = options(
    {
      gateway: field(fc.constant({ $ref: "gateway" }), [], fc.constant("gateway")),
      directory,
      title: field(fc.constantFrom("Models", "Vision API — v1"), [], fc.oneof(fc.constant(" "), tokenOf("string"))),
      kong: field(fc.constant(undefined), [], fc.constant({})),
    },
    ["gateway"],
  );

  const platformProps = options(
    {
      environment: lit(fc.constantFrom("dev", "prod"), fc.constant("Dev")),
      stackPrefix: lit(fc.constantFrom("acme", "ai"), fc.constant("a-very-long-prefix-over-twenty")),
      namespaces: field(options({ kong: lit(fc.constantFrom("kong", "gateway"), fc.constant("Kong")), models: lit(namespace, fc.constant("")), consumerCredentials: lit(fc.constantFrom("apps"), fc.constant("a_b")) })),
      createNamespaces: bool,
      defaultDenyIngress: bool,
      plainHttp: field(fc.constant(true), [], fc.constant(false)),
      catalog: field(fc.oneof(fc.constant(false), catalogOptions)),
      authentication,
      redis: field(
        fc.oneof(
          fc.record({ $platformRedis: fc.constant("inCluster"), props: field(options({ name: str(fc.constantFrom("kong-redis"), fc.constant("Bad")), image: str(fc.constantFrom("redis:7.2.7"), fc.constant("redis:latest")), resources: containerResources })) }),
          fc.record({
            $platformRedis: fc.constant("existing"),
            props: field(options({ host: str(fc.constantFrom("redis.prod.internal"), fc.constant("a b")), port: int(1, 65535), passwordSecret: secretRef, ssl: bool, sslVerify: bool }, ["host"])),
          }),
        ),
      ),
      database: field(
        fc.oneof(
          fc.record({ $platformDb: fc.constant("inCluster"), props: field(inClusterDatabase) }),
          fc.record({ $platformDb: fc.constant("existing"), props: field(existingDatabase) }),
          fc.record({ $platformDb: fc.constant("fromAttributes"), props: field(databaseAttributes.map((a) => ({ ...a, namespace: undefined }))) }),
        ),
      ),
      kong: field(fc.tuple(kongProps, endpointProxy).map(([k, proxy]) => ({ ...k, proxy }))),
      modelScale: field(options({ minReplicas: int(1, 2), maxReplicas: int(2, 10) }, ["minReplicas"])),
      backend: field(
        fc.oneof(
          fc.record({ $backend: fc.constant("local"), options: field(options({ directory: str(fc.constantFrom("terraform-state"), fc.constant("")) })) }),
          fc.record({ $backend: fc.constant("s3"), options: field(options({ bucket: str(fc.constantFrom("tf")), region: str(fc.constantFrom("eu-west-1")), keyPrefix: str(fc.constantFrom("ai")), lockTable: str(fc.constantFrom("locks")) }, ["bucket", "region"])) }),
          fc.record({ $backend: fc.constant("pg"), options: field(options({ schemaPrefix: str(fc.constantFrom("ai"), fc.constant("bad-prefix")) })) }),
        ),
      ),
    },
    ["environment", "kong", "plainHttp"],
  );
  /** The platform's props, with httpsRedirectStatusCode mostly where it applies: plainHttp: true refuses it. */
  const platformPropsWithRedirect = fc
    .tuple(platformProps, oneOf([426, 308], [200]), fc.nat(9))
    .map(([p, code, n]) => (n === 0 || (p.plainHttp !== true && n < 5) ? { ...p, httpsRedirectStatusCode: code } : p));

  /** A consumer definition (AiPlatform.addConsumer), without the props the platform supplies. */
  const consumerDefinition = consumerProps.map((c) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== "credentialsSecret" && key !== "sensitiveOutputs")));

  return { catalogProps, teamProps, policy, policies, scaling, vip, containerResources, serviceProps, routeProps, upstreamProps, consumerProps, gatewayProps, modelRoute, modelDefinition, modelProps, endpointProxy, endpointAdmin, kongProps, inClusterDatabase, existingDatabase, databaseAttributes, platformProps: platformPropsWithRedirect, consumerDefinition };
}

export type Schema = ReturnType<typeof makeSchema>;

/** The generators at a hostility (1: about one field in 25 is not valid; 6: one in 5). */
export function schemaAt(hostility: number): Schema {
  return atHostility(hostility, makeSchema);
}

/** Construct ids: mostly fresh names, sometimes a duplicate, an empty string, a path separator or not a string. */
export const constructId = fc.oneof(
  { arbitrary: fc.constantFrom("a", "b", "c", "face", "ocr"), weight: 100 },
  { arbitrary: fc.constantFrom<unknown>("", "a/b", "a--b", 5, undefined, null), weight: 1 },
);

export { hostile, tokenOf };
