import { CertificateReload, ProxyTls } from "../../lib/kong/proxy-tls";
import { messages, stringToken } from "../kubernetes/helpers";

describe("ProxyTls", () => {
  test("fromSecret keeps the Secret, the hosts (lowercase) and restarts by hand by default", () => {
    const hosts = ["API.example.com"];
    const tls = ProxyTls.fromSecret({ secretName: "api-tls", hosts });
    hosts.push("evil.example.org");
    expect([tls.secretName, tls.hosts, tls.reload.kind, tls.reload.generation]).toEqual(["api-tls", ["api.example.com"], "manual", undefined]);
    expect(messages((v) => tls.validate(v, "tls"))).toEqual([]);
  });

  test("covers a host it names, one label under a wildcard, any port; not a wildcard's parent, grandchildren or a wider wildcard", () => {
    const tls = ProxyTls.fromSecret({ secretName: "t", hosts: ["api.example.com", "*.models.example.com"] });
    expect(["api.example.com", "API.example.com:8443", "face.models.example.com"].map((h) => tls.covers(h))).toEqual([true, true, true]);
    expect(["example.com", "models.example.com", "a.b.models.example.com", "*.example.com", "other.example.com"].map((h) => tls.covers(h))).toEqual([
      false, false, false, false, false,
    ]);
    // a wildcard route host is covered by the same wildcard certificate name
    expect(tls.covers("*.models.example.com")).toBe(true);
    expect(tls.covers(stringToken())).toBe(true);
  });

  test("refuses a missing Secret, no hosts (a certificate without hosts), malformed and repeated hosts", () => {
    expect(messages((v) => ProxyTls.fromSecret({} as never).validate(v, "tls"))).toEqual([
      "tls.secretName (undefined) is required: the TLS Secret in Kong's namespace (keys tls.crt and tls.key), e.g. the spec.secretName of a cert-manager Certificate",
      "tls.hosts (undefined) must list the host names the certificate is for (at least one, e.g. [\"api.example.com\"]): clients verify the certificate against the name they call, and routes and the Admin API are checked against this list",
    ]);
    expect(messages((v) => ProxyTls.fromSecret({ secretName: "api-tls", hosts: [] }).validate(v, "tls"))).toEqual([
      "tls.hosts ([]) must list the host names the certificate is for (at least one, e.g. [\"api.example.com\"]): clients verify the certificate against the name they call, and routes and the Admin API are checked against this list",
    ]);
    expect(
      messages((v) => ProxyTls.fromSecret({ secretName: "API_TLS", hosts: ["10.0.0.1:443", "https://api.example.com", "a.*.example.com", "x.io", "X.io"] }).validate(v, "tls")),
    ).toEqual([
      "tls.secretName (\"API_TLS\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
      'tls.hosts[0] ("10.0.0.1:443") must be a DNS name, optionally with a leading "*." label for a wildcard (e.g. "api.example.com", "*.example.com"); no IP address, port or scheme',
      'tls.hosts[1] ("https://api.example.com") must be a DNS name, optionally with a leading "*." label for a wildcard (e.g. "api.example.com", "*.example.com"); no IP address, port or scheme',
      'tls.hosts[2] ("a.*.example.com") must be a DNS name, optionally with a leading "*." label for a wildcard (e.g. "api.example.com", "*.example.com"); no IP address, port or scheme',
      'tls.hosts[4] ("X.io") is listed twice: remove the second "X.io"',
    ]);
    expect(messages((v) => ProxyTls.fromSecret(null as never).validate(v, "tls"))).toEqual(["tls (null) must be an object { secretName, hosts, reload? }"]);
  });

  test("refuses a reload not made with CertificateReload, and an empty generation", () => {
    expect(messages((v) => ProxyTls.fromSecret({ secretName: "t", hosts: ["a.io"], reload: "reloader" as never }).validate(v, "tls"))).toEqual([
      'tls.reload ("reloader") must be made with CertificateReload.manual({ generation? }) or CertificateReload.reloader()',
    ]);
    expect(messages((v) => ProxyTls.fromSecret({ secretName: "t", hosts: ["a.io"], reload: CertificateReload.manual({ generation: " " }) }).validate(v, "tls"))).toEqual([
      'tls.reload.generation (" ") must be a non-empty string, e.g. "2025-06-01": change it to roll Kong\'s pods',
    ]);
  });
});

describe("CertificateReload", () => {
  test("manual: no generation by default; reloader: Stakater Reloader", () => {
    expect([CertificateReload.manual().kind, CertificateReload.manual().generation]).toEqual(["manual", undefined]);
    expect(CertificateReload.manual({ generation: "2025-06" }).generation).toBe("2025-06");
    expect(CertificateReload.reloader().kind).toBe("reloader");
  });
});
