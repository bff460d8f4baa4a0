/**
 * Example 2 — the three-model platform on an existing managed PostgreSQL (e.g. Cloud SQL, RDS, Azure Database).
 * Terraform creates the `kong` role (generated password) and the `kong` database on the server, stores the
 * password in a Kubernetes Secret, and Kong connects with TLS, verifying the server certificate.
 * The administrator password comes from the sensitive variable `postgres_admin_password` (TF_VAR_postgres_admin_password).
 * Synthesize: npm run synth -- examples/managed-postgres.ts
 */
import { App } from "cdktf";
import { AiPlatform, PlatformDatabase, synthesize } from "../lib";
import { addDefaultConsumers, addDefaultModels } from "../stacks/catalog";
import { ENVIRONMENTS } from "../stacks/environments";

export function build(app: App): AiPlatform {
  const platform = new AiPlatform(app, "ai", {
    ...ENVIRONMENTS.dev,
    environment: "managed-db",
    database: PlatformDatabase.existing({
      host: "kong-db.postgres.database.internal",
      port: 5432,
      sslMode: "verify-full",
      adminUsername: "platform_admin",
    }),
  });
  addDefaultModels(platform);
  addDefaultConsumers(platform);
  return platform;
}

if (require.main === module) synthesize(build);
