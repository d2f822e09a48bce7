// The I/O edge of deploy, cleanup and sweep: the config file, the catalog command, the version
// files and the production CronJobs, read from the checkout (and from the base branch with git).
import { glob, readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Git } from '../io/git.js';
import { DNS_LABEL_RULE, isDnsLabel } from '../kube/rules.js';
import { parseCatalog, resolveDatasets, type CatalogEntry } from './catalog.js';
import type { Dataset, Datasets } from './catalog.js';
import { parseConfig, parseCronJobDocuments, readVersion } from './config.js';
import { DEFAULT_NAMESPACE, type StagingConfig } from './config.js';
import { runCommand } from './command.js';
import { ConfigError, ValidationError, quote } from './errors.js';
import type { ProductionCronJob } from './manifests.js';

export { findDataset, versionWhere } from './catalog.js';

/** A path inside the checkout; a config that points outside it is refused. */
function inside(workspace: string, path: string, what: string): string {
  const full = resolve(workspace, path);
  const rel = relative(workspace, full);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') {
    throw new ConfigError(`${what} '${path}' is outside the repository checkout (${workspace}).`);
  }
  return full;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function loadConfig(workspace: string, path: string): Promise<StagingConfig | null> {
  const text = await readText(inside(workspace, path, 'config'));
  return text === null ? null : parseConfig(text, path);
}

export async function requireConfig(workspace: string, path: string): Promise<StagingConfig> {
  const config = await loadConfig(workspace, path);
  if (!config) {
    throw new ConfigError(
      `Config file '${path}' not found in ${workspace}. Add it (see the README's config schema), set the 'config' input, or run actions/checkout first.`
    );
  }
  return config;
}

/** The catalog `command` prints when run in `cwd`; `where` says which commit, for messages. */
async function runCatalog(command: string[], cwd: string, where: string): Promise<CatalogEntry[]> {
  const shown = command.join(' ');
  const out = await runCommand(command, cwd, `catalog-command '${shown}'${where}`);
  return parseCatalog(out, `the output of catalog-command '${shown}'${where}`);
}

/** Every dataset of the checkout: the config's, merged over its catalog command's output. */
export async function loadDatasets(workspace: string, config: StagingConfig): Promise<Datasets> {
  if (config.catalogCommand === null) return resolveDatasets(config, null);
  const catalog = await runCatalog(config.catalogCommand, workspace, '');
  return resolveDatasets(config, catalog, config.catalogCommand.join(' '));
}

/**
 * The namespace to work in: the `namespace` input, else the config's, else `default`. The input
 * is checked like the config's value, so a typo fails here instead of as an API server 404 (or a
 * request for a path nobody meant).
 */
export function resolveNamespace(input: string | null, config: StagingConfig | null): string {
  if (input === null) return config?.namespace ?? DEFAULT_NAMESPACE;
  if (!isDnsLabel(input)) {
    throw new ValidationError(
      `Input 'namespace' ${quote(input)} is not a Kubernetes namespace: it must be ${DNS_LABEL_RULE}, e.g. datasets.`
    );
  }
  return input;
}

/** The dataset's version in the checkout (the pushed commit). */
export async function versionInCheckout(workspace: string, dataset: Dataset): Promise<string> {
  if ('catalog' in dataset.version) return dataset.version.catalog;
  const { file, key } = dataset.version;
  const text = await readText(inside(workspace, file, 'version-file'));
  if (text === null) {
    throw new ConfigError(
      `version-file '${file}' of dataset '${dataset.id}' does not exist at this commit.`
    );
  }
  return readVersion(text, file, key);
}

/**
 * The catalog of another commit, printed in a temporary detached worktree of it: the command
 * reads that commit's code. The worktree is removed whatever happens.
 */
async function catalogAt(git: Git, ref: string, base: string, command: string[]) {
  return git.withWorktree(ref, 'staging-catalog-', dir =>
    runCatalog(command, dir, ` on ${base} (in a temporary worktree)`)
  );
}

/** Catalogs already printed for a base branch, so status asks each branch once. */
export type BaseCatalogs = Map<string, Promise<CatalogEntry[]>>;

/**
 * The dataset's version on the base branch, read from `origin/<base>`: its version file with git,
 * or its catalog command run there. Null when the dataset does not exist there yet (a brand-new
 * dataset may be staged before its first release).
 */
export async function versionOnBase(
  git: Git,
  base: string,
  dataset: Dataset,
  catalogs: BaseCatalogs = new Map()
): Promise<string | null> {
  const ref = `refs/remotes/origin/${base}`;
  if (!(await git.tryRevParse(ref))) {
    throw new ConfigError(
      `Cannot read '${base}' to check that the version differs from it: ${ref} is not in this checkout. ` +
        `Use actions/checkout with 'fetch-depth: 0' (or fetch ${base}) before deploy.`
    );
  }
  if ('catalog' in dataset.version) {
    const { command } = dataset.version;
    const key = `${base}\0${command.join('\0')}`;
    let printed = catalogs.get(key);
    if (printed === undefined) {
      printed = catalogAt(git, ref, base, command);
      catalogs.set(key, printed);
    }
    return (await printed).find(e => e.id === dataset.id)?.version ?? null;
  }
  const { file, key } = dataset.version;
  const text = await git.tryShowFile(ref, file);
  if (text === null) return null;
  try {
    return readVersion(text, `${base}:${file}`, key);
  } catch {
    // The file exists on base but without this key: the dataset has no released version there.
    return null;
  }
}

/** The production CronJobs: from the catalog, from the config's globs, or from its command. */
export async function productionCronJobs(
  workspace: string,
  dataset: Dataset
): Promise<ProductionCronJob[]> {
  const from = dataset.cronJobs;
  if ('manifests' in from) {
    const source = `the catalog printed by catalog-command '${from.from}'`;
    return from.manifests.map(cronJob => ({ source, cronJob }));
  }
  if ('command' in from) {
    const shown = from.command.join(' ');
    const out = await runCommand(
      from.command,
      workspace,
      `cronjobs-command '${shown}' of dataset '${dataset.id}'`
    );
    return parseCronJobDocuments(out, `the output of ${shown}`).map(cronJob => ({
      source: shown,
      cronJob
    }));
  }
  const patterns = from.globs;
  for (const p of patterns) inside(workspace, p, 'cronjobs glob');
  const matched = new Set<string>();
  for await (const path of glob(patterns, { cwd: workspace })) {
    if ((await stat(resolve(workspace, path))).isFile()) matched.add(resolve(workspace, path));
  }
  const files = [...matched].sort();
  if (files.length === 0) {
    throw new ConfigError(
      `cronjobs '${patterns.join(', ')}' of dataset '${dataset.id}' matches no files in ${workspace}.`
    );
  }
  const result: ProductionCronJob[] = [];
  for (const file of files) {
    const source = relative(workspace, file);
    const text = (await readText(file)) ?? '';
    for (const cronJob of parseCronJobDocuments(text, source)) result.push({ source, cronJob });
  }
  return result;
}
