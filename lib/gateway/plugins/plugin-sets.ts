/** @internal Plugins whose Kong schema says `consumer = typedefs.no_consumer`: they cannot be scoped to a Consumer. */
export const NO_CONSUMER_PLUGINS: ReadonlySet<string> = new Set([
  "acl",
  "basic-auth",
  "bot-detection",
  "cors",
  "hmac-auth",
  "jwt",
  "key-auth",
  "ldap-auth",
  "oauth2",
  "session",
]);

/** @internal Plugins that identify a consumer: an `acl` plugin needs one of them on the same route or service, or globally. */
export const AUTHENTICATION_PLUGINS: ReadonlySet<string> = new Set(["basic-auth", "hmac-auth", "jwt", "key-auth", "ldap-auth", "oauth2"]);
