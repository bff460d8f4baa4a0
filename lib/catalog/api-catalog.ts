import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IStackSynthesizer, ISynthesisSession } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { literal, plainObject } from "../core/checks";
import { childId } from "../core/construct-ids";
import { Problems } from "../core/errors";
import { knownKeys, strictKeys } from "../core/keys";
import { IKongGateway } from "../gateway/gateway-base";
import { KongCluster } from "../kong/kong-cluster";
import { curlSession } from "./curl";
import { catalogMarkdown } from "./markdown";
import { openApiText } from "./openapi";
import { readCatalog } from "./read-gateway";
import { topologyMermaid } from "./topology";
import type { CatalogData } from "./types";

export interface ApiCatalogProps {
  /** The gateway whose routes, plugins and consumers the catalog describes (a KongGateway, or one made elsewhere). */
  readonly gateway: IKongGateway;
  /**
   * The Kong cluster whose proxy serves the gateway: the OpenAPI servers (its fixed address, or its in-cluster name as
   * a variable's default), Kong's pods and its PostgreSQL in the topology.
   * @default none: servers are a `proxyAddress` variable; the topology has no database
   */
  readonly kong?: KongCluster;
  /**
   * Folder under `<outdir>/catalog/` the files are written to (letters, digits, `.`, `-`, `_`), unique in the app.
   * @default the id of the gateway's stack
   */
  readonly directory?: string;
  /** The title of the documents. @default the id of the gateway's stack */
  readonly title?: string;
}

/** Where an AiPlatform's API catalog is written (`AiPlatformProps.catalog`). */
export interface AiPlatformCatalogOptions {
  /** Folder under `<outdir>/catalog/`. @default the environment (`cdktf.out/catalog/dev/`) */
  readonly directory?: string;
}

export const API_CATALOG_KEYS = knownKeys<ApiCatalogProps>()(["gateway", "kong", "directory", "title"]);
export const CATALOG_OPTIONS_KEYS = knownKeys<AiPlatformCatalogOptions>()(["directory"]);

/** A value an error shows: objects (a construct given in the wrong place) as "<value>", anything else as it is. */
function shown(value: unknown): unknown {
  return value !== null && typeof value === "object" ? "<value>" : value;
}

/** Directories taken per app (root construct): two catalogs must not overwrite each other's files. */
const directories = new WeakMap<IConstruct, Map<string, string>>();

const DIRECTORY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/**
 * What a gateway offers, generated at synth for the teams that call it and the operators that run it: when the
 * gateway's stack is synthesized, writes to `<outdir>/catalog/<directory>/`
 * - `openapi.json`: an OpenAPI 3.1 document, one operation per route, path and method, with the security Kong
 *   enforces, the request-size limit, rate limits with their 429 and headers, CORS, and a tag per model;
 * - `catalog.md` and `catalog.json`: per model its routes, authentication, groups, limits, CORS, canary and health
 *   checks; per consumer its groups, credentials (where each is published, never a value) and limits;
 * - `topology.mmd`: a Mermaid diagram from the clients to Kong's proxy, routes, services, Deployments and PostgreSQL.
 *
 * Everything is read from the constructs at synth: the plugins attached to each route, service and consumer and to
 * the gateway, the route and service resources, the workloads. `AiPlatform` makes one per environment (its
 * `catalog`); add one for a gateway of your own:
 * ```ts
 * new ApiCatalog(gatewayStack, "catalog", { gateway, kong: cluster });
 * ```
 * The files are the same bytes for the same app. Nothing is added to the Terraform JSON.
 */
export class ApiCatalog extends Construct {
  /** The files written, in this order. */
  public static readonly FILES: readonly string[] = Object.freeze(["openapi.json", "catalog.json", "catalog.md", "topology.mmd"]);

  public readonly gateway: IKongGateway;
  public readonly kong?: KongCluster;
  /** The folder under `<outdir>/catalog/`. */
  public readonly directory: string;
  public readonly title: string;

  constructor(scope: Construct, id: string, props: ApiCatalogProps) {
    super(scope, childId(scope, id, { inStack: false }));
    const v = new Problems(this);
    if (!plainObject(v, "props", props ?? null, "must be an object { gateway, kong?, directory?, title? }")) v.throwIfAny();
    strictKeys(v, "", props, API_CATALOG_KEYS);
    const p: Partial<ApiCatalogProps> = props;
    if (p.gateway === undefined) {
      v.add("gateway", undefined, "is required: a KongGateway (or KongGateway.fromAdminUrl(...))");
      v.throwIfAny();
    }
    if (p.gateway === null || typeof p.gateway !== "object" || !("stack" in p.gateway)) {
      v.add("gateway", shown(p.gateway), "must be a KongGateway (or KongGateway.fromAdminUrl(...))");
      v.throwIfAny();
    }
    const gateway = p.gateway as IKongGateway;
    const stackId = gateway.stack.node.id;
    const directory = p.directory ?? stackId;
    if (p.kong !== undefined && !(p.kong instanceof KongCluster)) v.add("kong", shown(p.kong), "must be a KongCluster");
    const written = "it is written into the files at synth, where a reference has no value";
    if (p.title !== undefined && literal(v, "title", p.title, written) && (typeof p.title !== "string" || p.title.trim() === "")) {
      v.add("title", p.title, "must be a non-empty string");
    }
    if (literal(v, "directory", directory, "it names the folder the files are written to at synth")) {
      if (typeof directory !== "string" || !DIRECTORY.test(directory)) {
        v.add("directory", directory, "must be a folder name of 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit");
      } else {
        claimDirectory(v, this, directory);
      }
    }
    v.throwIfAny();
    this.gateway = gateway;
    this.kong = p.kong;
    this.directory = directory;
    this.title = p.title ?? stackId;
    writeWhenSynthesized(gateway.stack, this);
  }

  /** The catalog as data (what `catalog.json` holds), read from the app's constructs now. */
  public data(): CatalogData {
    return readCatalog(this.node.root, { gateway: this.gateway, kong: this.kong, title: this.title });
  }

  /** The files' contents by name (`ApiCatalog.FILES`), rendered from the app's constructs now. */
  public render(): Record<string, string> {
    const data = this.data();
    return {
      "openapi.json": openApiText(data),
      "catalog.json": `${JSON.stringify(data, null, 2)}\n`,
      "catalog.md": catalogMarkdown(data),
      "topology.mmd": topologyMermaid(data),
    };
  }

  /** One curl command per route, after the lines that read the proxy's address and a credential (shell). */
  public clientCommands(): string {
    return curlSession(this.data());
  }

  /** Writes the files to `<outdir>/catalog/<directory>/`; returns their paths. Called when the gateway's stack is synthesized. */
  public write(outdir: string): string[] {
    const dir = join(outdir, "catalog", this.directory);
    mkdirSync(dir, { recursive: true });
    return Object.entries(this.render()).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    });
  }
}

function claimDirectory(v: Problems, catalog: ApiCatalog, directory: string): void {
  const root = catalog.node.root;
  const taken = directories.get(root) ?? new Map<string, string>();
  directories.set(root, taken);
  const holder = taken.get(directory);
  if (holder !== undefined) {
    v.add(
      "directory",
      directory,
      `is already the directory of the catalog ${holder}: both would write catalog/${directory}/ in the output folder; give one of them another directory`,
    );
  } else {
    taken.set(directory, catalog.node.path);
  }
}

/**
 * Writes the catalog right after the stack's own synthesis (a stack that fails its validations writes no catalog), in
 * every way an app is synthesized: `app.synth()`, `synthesize()`, `cdktf synth`, `Testing.fullSynth`. The stack's
 * synthesizer is wrapped, not replaced.
 */
function writeWhenSynthesized(stack: { synthesizer: IStackSynthesizer }, catalog: ApiCatalog): void {
  const inner = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      inner.synthesize(session);
      catalog.write(session.outdir);
    },
  };
}
