import { Lazy, Token } from "cdktf";
import { CaCertificate, caCertificateProp } from "../../lib/kubernetes/ca-certificate";
import { messages, stringToken } from "./helpers";

describe("CaCertificate", () => {
  test("fromSecret and fromConfigMap read the key ca.crt by default (what cert-manager writes)", () => {
    // GIVEN a CA from a Secret and one from a ConfigMap, without keys THEN both read ca.crt
    expect([CaCertificate.fromSecret("db-ca").kind, CaCertificate.fromSecret("db-ca").key]).toEqual(["Secret", "ca.crt"]);
    expect([CaCertificate.fromConfigMap("rds-ca").kind, CaCertificate.fromConfigMap("rds-ca").key]).toEqual(["ConfigMap", "ca.crt"]);
    expect(CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem").describe()).toBe('ConfigMap "rds-ca" key "global-bundle.pem"');
  });

  test("its volume holds the one key, always as the file ca.crt, so paths in Kong's settings never change", () => {
    expect(CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem").volume("postgres-ca")).toEqual({
      name: "postgres-ca",
      configMap: { name: "rds-ca", items: [{ key: "global-bundle.pem", path: "ca.crt" }] },
    });
    expect(CaCertificate.fromSecret("db-ca").volume("postgres-ca")).toEqual({
      name: "postgres-ca",
      secret: { secretName: "db-ca", items: [{ key: "ca.crt", path: "ca.crt" }] },
    });
  });

  test("refuses a malformed name or key; a token key is checked by Kubernetes", () => {
    expect(messages((v) => CaCertificate.fromSecret("DB_CA", "ca crt").validate(v, "caCertificate"))).toEqual([
      "caCertificate.name (\"DB_CA\") must be a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
      "caCertificate.key (\"ca crt\") must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'",
    ]);
    expect(messages((v) => CaCertificate.fromConfigMap("").validate(v, "ca"))).toEqual(['ca.name ("") is required: the name of the ConfigMap holding the CA certificate']);
    expect(messages((v) => CaCertificate.fromConfigMap("ca", stringToken()).validate(v, "ca"))).toEqual([]);
  });

  test("refuses a list or map reference as the key (it crashed the synth as a raw cdktf error)", () => {
    const list = Token.asList(Lazy.anyValue({ produce: () => ["ca.crt"] }));
    const map = Token.asStringMap(Lazy.anyValue({ produce: () => ({}) }));
    expect(messages((v) => CaCertificate.fromSecret("ca", list as never).validate(v, "ca"))).toEqual(["ca.key (<reference>) must be a Secret key: 1 to 253 letters, digits, '-', '_' or '.'"]);
    expect(messages((v) => CaCertificate.fromConfigMap("ca", map as never).validate(v, "ca"))).toEqual([
      "ca.key (<reference>) must be a ConfigMap key: 1 to 253 letters, digits, '-', '_' or '.'",
    ]);
  });

  test("a prop must be made with a factory", () => {
    expect(messages((v) => caCertificateProp(v, "caCertificate", { name: "ca" }))).toEqual([
      'caCertificate ({"name":"ca"}) must be made with CaCertificate.fromSecret(name, key?) or CaCertificate.fromConfigMap(name, key?), e.g. CaCertificate.fromConfigMap("rds-ca", "global-bundle.pem")',
    ]);
    expect(messages((v) => caCertificateProp(v, "caCertificate", undefined))).toEqual([]);
  });
});
