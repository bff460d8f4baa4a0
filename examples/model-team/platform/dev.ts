// What the platform team published for team vision in dev: the output team_vision of the platform stack, i.e.
//   terraform -chdir=cdktf.out/stacks/ai-platform-dev output -json team_vision
// pasted after `export default`. Nothing in it is a secret. Replace it when the platform team announces a change.
export default {
  aclGroups: ["vision"],
  clientTransport: { httpsOnly: false, httpsRedirectStatusCode: 426 },
  environment: "dev",
  formatVersion: 1,
  kongAdminCredentials: { kind: "none" },
  kongAdminPortForward: "kubectl -n kong port-forward svc/kong-admin 8001",
  kongAdminUrl: "http://kong-admin.kong.svc.cluster.local:8001",
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
      host: "kong-redis.kong.svc.cluster.local",
      password: "{vault://env/kong-rate-limiting-redis-password}",
      port: 6379,
    },
    syncRateSeconds: -1,
  },
  team: "vision",
};
