// Packs the library and installs it into projects outside the repository with no network: every package comes from
// npm's cache, filled by the `npm ci` of this repository. npm cannot resolve a version range without the registry,
// so each scratch project gets a package-lock.json cut from the repository's own (the same versions, the same
// layout), with the tarball's entry added, and is installed with `npm ci` against a registry that does not exist.
import { execFileSync, spawnSync, SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
/** Nothing listens there: a request that missed npm's cache would fail instead of reaching the network. */
const NO_NETWORK = "http://127.0.0.1:9";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  inBundle?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/**
 * The environment for npm in a scratch project: none of the npm_* variables of the `npm test` that runs us (they
 * would point npm at this repository), the same cache, and no network.
 */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const k = key.toLowerCase();
    if (!k.startsWith("npm_") || k === "npm_config_cache" || k === "npm_config_userconfig") env[key] = value;
  }
  return {
    ...env,
    npm_config_registry: NO_NETWORK,
    npm_config_proxy: NO_NETWORK,
    npm_config_https_proxy: NO_NETWORK,
    npm_config_offline: "true",
    npm_config_fetch_retries: "0",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

/** Runs a command and returns its output; on failure, throws with its stdout and stderr. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv()): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

/** Where global-setup.ts leaves the tarball it packed for the run. */
export const TARBALL_ENV = "KONG_AI_PLATFORM_TARBALL";

/** The tarball packed for this run, or a fresh `npm pack` into `dest` when the file runs on its own. */
export function packedLibrary(dest: string): string {
  return process.env[TARBALL_ENV] ?? packLibrary(dest);
}

/** `npm pack` of this repository (its prepack compiles dist/ with declarations) into `dest`; the tarball's path. */
export function packLibrary(dest: string): string {
  execFileSync(NPM, ["pack", "--pack-destination", dest, "--silent"], { cwd: ROOT, env: npmEnv(), encoding: "utf8", stdio: "pipe" });
  const tarball = readdirSync(dest).find((f) => f.startsWith("kong-ai-platform-") && f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no kong-ai-platform-*.tgz into ${dest}`);
  return join(dest, tarball);
}

/** The tarball URL of a registry package, as npm computes it (the cache finds it by integrity anyway). */
function tarballUrl(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${version}.tgz`;
}

/**
 * The lockfile entries a project with these root dependencies needs, cut from the repository's lockfile: each
 * package at the path where the repository has it, with every dependency it resolves from there.
 */
function lockEntriesFor(names: string[]): Record<string, LockEntry> {
  const all = readJson<{ packages: Record<string, LockEntry> }>(join(ROOT, "package-lock.json")).packages;
  const locate = (from: string, name: string): string | undefined => {
    for (let dir = from; ; ) {
      const path = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (all[path]) return path;
      if (!dir) return undefined;
      const i = dir.lastIndexOf("/node_modules/");
      dir = i < 0 ? "" : dir.slice(0, i);
    }
  };
  const out: Record<string, LockEntry> = {};
  const queue = names.map((name) => {
    const path = locate("", name);
    if (!path) throw new Error(`${name} is not in the repository's package-lock.json: add it there (npm ci must have fetched it)`);
    return path;
  });
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (out[path]) continue;
    const entry: LockEntry = { ...all[path] };
    // in the scratch project every package is a plain dependency
    for (const flag of ["dev", "devOptional", "peer"]) delete entry[flag];
    if (!entry.inBundle && !entry.resolved && entry.version) entry.resolved = tarballUrl(path.slice(path.lastIndexOf("node_modules/") + 13), entry.version);
    out[path] = entry;
    const deps = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const name of Object.keys(deps)) {
      const found = locate(path, name);
      if (found) queue.push(found);
      else if (!entry.optionalDependencies?.[name] && !entry.peerDependenciesMeta?.[name]?.optional) {
        throw new Error(`${path} needs ${name}, which the repository's package-lock.json does not hold`);
      }
    }
  }
  return out;
}

/**
 * Installs `project` (a folder with a package.json naming kong-ai-platform among its dependencies) with the library
 * from `tarball` and everything else at the repository's versions, from npm's cache only. The package.json's
 * kong-ai-platform is pointed at the tarball; `npm ls` then confirms the tree, peer dependencies included.
 */
export function installOffline(project: string, tarball: string): void {
  const pkgPath = join(project, "package.json");
  const pkg = readJson<PackageJson>(pkgPath);
  const library = readJson<PackageJson>(join(ROOT, "package.json"));
  const spec = `file:${tarball}`;
  const dependencies = { ...pkg.dependencies, "kong-ai-platform": spec };
  const devDependencies = { ...pkg.devDependencies };
  const registryNames = [...Object.keys(dependencies), ...Object.keys(devDependencies)].filter((n) => n !== "kong-ai-platform");
  const packages: Record<string, LockEntry> = {
    "": { name: pkg.name, version: pkg.version, dependencies, devDependencies },
    ...lockEntriesFor(registryNames),
    "node_modules/kong-ai-platform": {
      version: library.version,
      resolved: spec,
      integrity: `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`,
      peerDependencies: library.peerDependencies,
    },
  };
  writeFileSync(pkgPath, `${JSON.stringify({ ...pkg, dependencies, devDependencies }, null, 2)}\n`);
  const lock = { name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages: sortKeys(packages) };
  writeFileSync(join(project, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  run(NPM, ["ci", "--no-audit", "--no-fund"], project);
  run(NPM, ["ls", "--all"], project);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export { NPM };
