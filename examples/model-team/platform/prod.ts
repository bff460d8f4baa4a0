// What the platform team published for team vision in prod: the output team_vision of the platform stack, i.e.
//   terraform -chdir=cdktf.out/stacks/ai-platform-prod output -json team_vision
// pasted after `export default`. Nothing in it is a secret. Replace it when the platform team announces a change.
export default {
  aclGroups: ["vision"],
  clientTransport: { httpsOnly: true, httpsRedirectStatusCode: 426 },
  environment: "prod",
  formatVersion: 1,
  kongAdminCredentials: {
    kind: "apiKey",
    source: "vault:secret/kong/teams/vision",
    variables: ["kong_api_key"],
  },
  kongAdminPortForward: "kubectl -n kong port-forward svc/kong-admin 8001",
  kongAdminUrl: "https://kong-admin.prod.internal",
  kongProxy: {
    namespace: "kong",
    proxySelectorLabels: { "app.kubernetes.io/instance": "kong", "app.kubernetes.io/name": "kong" },
  },
  namePrefix: "vision-",
  namespace: "team-vision",
  pathPrefix: "/v1/vision/",
  platform: "ai",
  rateLimitCounters: {
    policy: "redis",
    redis: {
      host: "kong-redis.prod.internal",
      password: "{vault://env/kong-rate-limiting-redis-password}",
      ssl: true,
      sslVerify: true,
    },
    syncRateSeconds: -1,
  },
  team: "vision",
};
