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
