import { bool, oneOf } from "../core/checks";
import { Problems } from "../core/errors";
import { KongCluster } from "../kong/kong-cluster";
import type { HttpsRedirectStatusCode } from "../models/props";

/** What a platform's model routes accept from clients. */
export interface ClientTransport {
  /** Routes accept `https` (`grpcs`) only: the platform's Kong has a certificate and plain HTTP was not chosen. */
  readonly httpsOnly: boolean;
  /** What an https-only route answers plain HTTP with. */
  readonly httpsRedirectStatusCode: HttpsRedirectStatusCode;
  /** The model props that carry it to `model` (see `transportDefaults`); a model's own `httpsOnly` / `httpsRedirectStatusCode` win. */
  modelDefaults(model: ModelTransport): { readonly httpsOnly?: boolean; readonly httpsRedirectStatusCode?: HttpsRedirectStatusCode };
}

/** The props of the platform that decide it. */
interface TransportProps {
  readonly kong?: { readonly tls?: unknown };
  readonly plainHttp?: boolean;
  readonly httpsRedirectStatusCode?: HttpsRedirectStatusCode;
}

/**
 * HTTPS is the default and needs a certificate; plain HTTP is a decision an environment writes down (`plainHttp:
 * true`), as opening the proxy to the internet is (`sourceRanges`).
 */
export function checkClientTransport(v: Problems, props: TransportProps): void {
  bool(v, "plainHttp", props.plainHttp);
  const codeOk = oneOf(v, "httpsRedirectStatusCode", props.httpsRedirectStatusCode, [426, 301, 302, 307, 308] as const);
  const tls = props.kong !== null && typeof props.kong === "object" ? props.kong.tls : undefined;
  if (props.plainHttp === true) {
    if (codeOk && props.httpsRedirectStatusCode !== undefined) {
      v.add(
        "httpsRedirectStatusCode",
        props.httpsRedirectStatusCode,
        "has no effect with plainHttp: true: the model routes accept http, so Kong never answers plain HTTP with it; remove one of them",
      );
    }
  } else if (tls === undefined) {
    v.add(
      "kong.tls",
      undefined,
      "is required: the models' routes accept HTTPS only unless plainHttp is true, and HTTPS needs a certificate. Set kong.tls: ProxyTls.fromSecret({ secretName, hosts }), or plainHttp: true for development (API keys then cross the network in clear text)",
    );
  }
}

/** What the models' routes accept, once the props are checked and the Kong cluster is built. */
export function clientTransport(kong: KongCluster, props: TransportProps): ClientTransport {
  const httpsOnly = kong.tls !== undefined && props.plainHttp !== true;
  const httpsRedirectStatusCode = props.httpsRedirectStatusCode ?? 426;
  const code = httpsOnly ? props.httpsRedirectStatusCode : undefined;
  return { httpsOnly, httpsRedirectStatusCode, modelDefaults: (model) => transportDefaults(httpsOnly, code, model) };
}

/** The parts of a model's props its transport defaults depend on. */
interface ModelTransport {
  readonly protocol?: unknown;
  readonly httpsOnly?: unknown;
}

/**
 * The model props that carry a platform's transport to `model`: none when the model chooses `httpsOnly` itself (its
 * own redirect status, if any, goes with its choice); a gRPC route never meets plain HTTP (Kong's plain listener has
 * no HTTP/2), so it gets no redirect status.
 */
export function transportDefaults(
  httpsOnly: boolean,
  code: HttpsRedirectStatusCode | undefined,
  model: ModelTransport,
): { readonly httpsOnly?: boolean; readonly httpsRedirectStatusCode?: HttpsRedirectStatusCode } {
  if (model.httpsOnly !== undefined) return {};
  return { httpsOnly, httpsRedirectStatusCode: model.protocol === "grpc" || !httpsOnly ? undefined : code };
}
