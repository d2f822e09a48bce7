import { describe, expect, it } from '@jest/globals';
import {
  checkImageReference,
  imageRepository,
  sameRepository
} from '../../../src/dataset/image.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('checkImageReference', () => {
  it.each([
    'ghcr.io/acme/pipelines:4f2c1e9d0b',
    'localhost:5000/team/app:v1.2.3',
    `ghcr.io/acme/pipelines@${DIGEST}`,
    `ghcr.io/acme/pipelines:main@${DIGEST}`,
    'python:3.12-slim'
  ])('accepts %s', image => {
    expect(checkImageReference(image, 'the test')).toBe(image);
  });

  it.each([
    ['ghcr.io/acme/pipelines', 'no tag or digest: the kubelet would pull :latest'],
    ['ghcr.io/acme/pipelines:$(id)', 'shell syntax in the tag'],
    ['ghcr.io/Acme/pipelines:1', 'uppercase repository'],
    ['ghcr.io/acme/pipelines:1 2', 'a space'],
    ['ghcr.io/acme/pipelines&&id:1', 'shell syntax in the repository'],
    [`ghcr.io/acme/pipelines:${'x'.repeat(129)}`, 'a tag over 128 characters']
  ])('refuses %s (%s), naming where it came from', image => {
    expect(() => checkImageReference(image, "the 'docker-image' input")).toThrow(
      `(from the 'docker-image' input) is not a valid image reference`
    );
  });
});

describe('imageRepository and sameRepository', () => {
  it('strips tag and digest but keeps a registry port', () => {
    expect(imageRepository('localhost:5000/team/app:v1')).toBe('localhost:5000/team/app');
    expect(imageRepository(`ghcr.io/a/b:t@${DIGEST}`)).toBe('ghcr.io/a/b');
  });

  it('treats the Docker Hub spellings of one repository as the same', () => {
    expect(sameRepository('nginx', 'docker.io/library/nginx')).toBe(true);
    expect(sameRepository('library/nginx', 'index.docker.io/library/nginx')).toBe(true);
    expect(sameRepository('ghcr.io/acme/nginx', 'nginx')).toBe(false);
  });
});
