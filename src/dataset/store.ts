// Where a staged version writes, and how a user removes it once the version is retired. The command
// is printed for a human, never run: the store is deleted by hand when the user is ready.
import type { Fact, Note } from '../summary.js';

/** The placeholders a store template may use, as written in it. */
export const STORE_PLACEHOLDERS = ['{dataset_id}', '{version}', '{ext}'] as const;
const PLACEHOLDER = /\{[^{}]*\}/g;

export interface StoreParts {
  datasetId: string;
  version: string;
  ext: string;
}

/**
 * What is wrong with a store template, or null. Any `{...}` must be a known placeholder: a typo
 * such as `{dataset}` would otherwise print a path nobody wrote to.
 */
export function storeTemplateProblem(template: string): string | null {
  for (const [found] of template.matchAll(PLACEHOLDER)) {
    if (!(STORE_PLACEHOLDERS as readonly string[]).includes(found)) {
      return `has the unknown placeholder ${found} (known: ${STORE_PLACEHOLDERS.join(', ')})`;
    }
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) {
    return `has a "{" or "}" that is not part of a placeholder (${STORE_PLACEHOLDERS.join(', ')})`;
  }
  return null;
}

/**
 * The store path of a dataset version. A template without placeholders is a base path, as `store`
 * was before templates: `{store}/{dataset_id}/v{version}.{ext}`, without doubling a trailing "/".
 */
export function storePath(
  template: string,
  datasetId: string,
  version: string,
  ext: string
): string {
  if (template.match(PLACEHOLDER) === null) {
    return `${template.replace(/\/+$/, '')}/${datasetId}/v${version}.${ext}`;
  }
  const values: Record<string, string> = {
    '{dataset_id}': datasetId,
    '{version}': version,
    '{ext}': ext
  };
  return template.replace(PLACEHOLDER, found => values[found] ?? found);
}

/** Every store path (replicas included) of a version, in template order, without duplicates. */
export function storePaths(templates: readonly string[], parts: StoreParts): string[] {
  const paths = templates.map(t => storePath(t, parts.datasetId, parts.version, parts.ext));
  return [...new Set(paths)];
}

/** Single-quotes for POSIX shells: the only character to escape inside '' is ' itself. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command that deletes the store at `path` (S3, GCS or a local/mounted path). */
export function storeRemovalCommand(path: string): string {
  if (path.startsWith('s3://')) return `aws s3 rm --recursive ${shellQuote(path)}`;
  if (path.startsWith('gs://')) return `gcloud storage rm --recursive ${shellQuote(path)}`;
  return `rm -rf ${shellQuote(path)}`;
}

/** The facts of a report naming each store: the first is the store, the others its replicas. */
export function storeFacts(paths: readonly string[], label = 'Store'): Fact[] {
  return paths.map((value, i) => ({ label: i === 0 ? label : 'Replica', value, code: true }));
}

/** `intro`, then one removal command per store path (each command names its path). */
export function storeRemovalNotes(paths: readonly string[], intro: string): Note[] {
  if (paths.length === 0) return [];
  return [{ text: intro }, { text: paths.map(storeRemovalCommand).join('\n'), code: true }];
}
