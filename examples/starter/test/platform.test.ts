import { StateBackend } from "kong-ai-platform";
import { kubernetesObject, resources, synthStacks, validationProblems } from "kong-ai-platform/testing";
import { buildPlatform } from "../platform";

const dev = synthStacks((app) => buildPlatform(app, { environment: "dev" }));
const prod = synthStacks((app) => buildPlatform(app, { environment: "prod" }));

test("two stacks per environment, named after the app", () => {
  expect(Object.keys(dev)).toEqual(["acme-platform-dev", "acme-gateway-dev"]);
  expect(Object.keys(prod)).toEqual(["acme-platform-prod", "acme-gateway-prod"]);
});

test("every model runs in acme-models and is called through Kong with a key", () => {
  const k8s = dev["acme-platform-dev"];
  expect(kubernetesObject(k8s, "kubernetes_deployment_v1", "invoice-ocr").metadata.namespace).toBe("acme-models");
  const keyAuth = resources(dev["acme-gateway-dev"], "kong_plugin").filter((p) => p.name === "key-auth");
  expect(keyAuth).toHaveLength(2);
});

test("the web app's key is published in acme-apps, never in the JSON", () => {
  const secret = kubernetesObject(dev["acme-gateway-dev"], "kubernetes_secret_v1", "kong-consumer-web-app");
  expect(secret.metadata.namespace).toBe("acme-apps");
  expect(Object.values(secret.data)).toEqual([expect.stringMatching(/^\$\{random_password\./)]);
});

test("prod runs on the managed PostgreSQL server, with more Kong pods", () => {
  const k8s = prod["acme-platform-prod"];
  expect(resources(k8s, "kubernetes_stateful_set_v1")).toEqual([]);
  expect(resources(k8s, "postgresql_database")).toHaveLength(1);
  expect(kubernetesObject(k8s, "kubernetes_horizontal_pod_autoscaler_v2", "kong").spec).toMatchObject({ min_replicas: 3, max_replicas: 10 });
});

test("state stays in ./terraform-state by default, or where the backend says", () => {
  expect(dev["acme-platform-dev"].terraform.backend).toEqual({ local: { path: "../../../terraform-state/acme-platform-dev.tfstate" } });
  const s3 = synthStacks((app) => buildPlatform(app, { environment: "dev", backend: StateBackend.s3({ bucket: "acme-tf", region: "eu-west-1" }) }));
  expect(s3["acme-gateway-dev"].terraform.backend.s3.key).toBe("kong-ai-platform/acme-gateway-dev.tfstate");
});

test("the app is valid; a consumer group no model allows is reported as one line", () => {
  expect(validationProblems((app) => buildPlatform(app, { environment: "dev" }))).toEqual([]);
  const problems = validationProblems((app) => buildPlatform(app, { environment: "dev" }).addConsumer("typo", { username: "typo", aclGroups: ["ocr"], keyAuth: true }));
  expect(problems).toEqual([
    '[acme-gateway-dev/gateway/typo] aclGroups ("ocr") is allowed by no model of this platform ("invoice-ocr", "translate"): the consumer would get 403 from every route',
  ]);
});
