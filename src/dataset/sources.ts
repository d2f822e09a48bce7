// The I/O edge of deploy and cleanup: the config file, the version files and the production
// CronJobs, read from the checkout (and from the base branch with git).
import { getExecOutput } from '@actions/exec';
import { glob, readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Git } from '../io/git.js';
import { DNS_LABEL_RULE, isDnsLabel } from '../kube/rules.js';
import { datasetConfig, parseConfig, parseCronJobDocuments, readVersion } from './config.js';
import { DEFAULT_NAMESPACE, type DatasetConfig, type StagingConfig } from './config.js';
import { ConfigError, ValidationError, quote } from './errors.js';
import type { ProductionCronJob } from './manifests.js';

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

export { datasetConfig };

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
export async function versionInCheckout(
  workspace: string,
  dataset: DatasetConfig
): Promise<string> {
  const text = await readText(inside(workspace, dataset.versionFile, 'version-file'));
  if (text === null) {
    throw new ConfigError(
      `version-file '${dataset.versionFile}' of dataset '${dataset.id}' does not exist at this commit.`
    );
  }
  return readVersion(text, dataset.versionFile, dataset.versionKey);
}

/**
 * The dataset's version on the base branch, read with git from `origin/<base>`; null when the
 * dataset does not exist there yet (a brand-new dataset may be staged before its first release).
 */
export async function versionOnBase(
  git: Git,
  base: string,
  dataset: DatasetConfig
): Promise<string | null> {
  const ref = `refs/remotes/origin/${base}`;
  if (!(await git.tryRevParse(ref))) {
    throw new ConfigError(
      `Cannot read '${base}' to check that the version differs from it: ${ref} is not in this checkout. ` +
        `Use actions/checkout with 'fetch-depth: 0' (or fetch ${base}) before deploy.`
    );
  }
  const text = await git.tryShowFile(ref, dataset.versionFile);
  if (text === null) return null;
  try {
    return readVersion(text, `${base}:${dataset.versionFile}`, dataset.versionKey);
  } catch {
    // The file exists on base but without this key: the dataset has no released version there.
    return null;
  }
}

/** The production CronJobs: from the config's globs, or from the output of its command. */
export async function productionCronJobs(
  workspace: string,
  dataset: DatasetConfig
): Promise<ProductionCronJob[]> {
  if (dataset.cronjobsCommand) {
    const [command, ...args] = dataset.cronjobsCommand as [string, ...string[]];
    const shown = dataset.cronjobsCommand.join(' ');
    const out = await getExecOutput(command, args, {
      cwd: workspace,
      silent: true,
      ignoreReturnCode: true
    });
    if (out.exitCode !== 0) {
      throw new ConfigError(
        `cronjobs-command '${shown}' of dataset '${dataset.id}' failed (exit ${out.exitCode}): ${out.stderr.trim()}`
      );
    }
    return parseCronJobDocuments(out.stdout, `the output of ${shown}`).map(cronJob => ({
      source: shown,
      cronJob
    }));
  }
  const patterns = dataset.cronjobs ?? [];
  for (const p of patterns) inside(workspace, p, 'cronjobs glob');
  const matched = new Set<string>();
  for await (const path of glob(patterns, { cwd: workspace })) {
    if ((await stat(resolve(workspace, path))).isFile()) matched.add(resolve(workspace, path));
  }
  const files = [...matched].sort();
  if (files.length === 0) {
    throw new ConfigError(
      `cronjobs '${(dataset.cronjobs ?? []).join(', ')}' of dataset '${dataset.id}' matches no files in ${workspace}.`
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
