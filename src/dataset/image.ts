// Image references: what the kubelet can pull, and which containers ran the production image.
import { ValidationError } from './errors.js';

// The grammar of github.com/distribution/reference, which the kubelet applies when it pulls: a
// reference that breaks it would be stored by the API server and then fail every run.
const DOMAIN_COMPONENT = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`
);

/**
 * The staged image, refused unless it is a reference a kubelet can pull, with a tag or digest.
 * `source` says where it came from, for the error.
 */
export function checkImageReference(image: string, source: string): string {
  if (!IMAGE_REFERENCE.test(image) || !/[:@]/.test(image.slice(image.lastIndexOf('/') + 1))) {
    throw new ValidationError(
      `Image ${JSON.stringify(image)} (from ${source}) is not a valid image reference: expected ` +
        '{repository}:{tag} or {repository}@sha256:{digest}, with a lowercase repository and a tag ' +
        'of up to 128 letters, digits, "_", "." and "-", e.g. ghcr.io/acme/pipelines:<git sha>.'
    );
  }
  return image;
}

/** The repository part of an image reference: without `@digest` and `:tag` (keeps registry ports). */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastColon = withoutDigest.lastIndexOf(':');
  return lastColon > withoutDigest.lastIndexOf('/')
    ? withoutDigest.slice(0, lastColon)
    : withoutDigest;
}

/** Docker Hub spellings (nginx, library/nginx, docker.io/library/nginx) compare equal. */
export function sameRepository(a: string, b: string): boolean {
  return canonicalRepository(a) === canonicalRepository(b);
}

function canonicalRepository(repository: string): string {
  const parts = repository.split('/');
  const first = parts[0] ?? '';
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first : 'docker.io';
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  const path = hasRegistry ? parts.slice(1) : parts;
  if (registry === 'docker.io' && path.length === 1) path.unshift('library');
  return [registry, ...path].join('/');
}

/** One production CronJob's images, for {@link productionRepository}. */
export interface ProductionImages {
  /** For errors: e.g. `CronJob "x" (from deploy/update.yaml)`. */
  what: string;
  /** The images of its regular containers (not init containers), in order. */
  containers: ReadonlyArray<string | undefined>;
}

/**
 * The repository the dataset's CronJobs run as their main image: the one the regular containers of
 * every production CronJob share; if several are shared (a sidecar on the same image everywhere),
 * the one of every CronJob's first container. Sidecars on other images never decide it, so a staged
 * image on a sidecar's repository is refused instead of swapping the sidecar.
 */
export function productionRepository(cronJobs: readonly ProductionImages[]): string {
  const reposOf = (c: ProductionImages): string[] =>
    c.containers.filter((i): i is string => i !== undefined).map(i => imageRepository(i));
  let shared: string[] | null = null;
  for (const cronJob of cronJobs) {
    const repos = reposOf(cronJob);
    shared = (shared ?? repos).filter(r => repos.some(s => sameRepository(r, s)));
  }
  const unique = (shared ?? []).filter(
    (r, i, all) => all.findIndex(s => sameRepository(r, s)) === i
  );
  if (unique.length === 1 && unique[0] !== undefined) return unique[0];
  const firsts = cronJobs.map(c => reposOf(c)[0]);
  const first = firsts[0];
  if (
    unique.length > 1 &&
    first !== undefined &&
    firsts.every(r => r !== undefined && sameRepository(r, first))
  ) {
    return first;
  }
  const list = cronJobs
    .map(c => `${c.what}: ${c.containers.map(i => i ?? '(none)').join(', ') || '(no containers)'}`)
    .join('; ');
  throw new ValidationError(
    unique.length === 0
      ? `The production CronJobs share no container image repository, so the production image ` +
          `cannot be told apart from sidecars (${list}). Run the production image in a regular ` +
          'container of every CronJob of the dataset.'
      : `The production CronJobs share several image repositories (${unique.join(', ')}) and ` +
          `do not all run the same one first, so the production image is ambiguous (${list}). ` +
          'Put the production image first in the containers of every CronJob of the dataset.'
  );
}
