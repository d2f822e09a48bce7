// `npm run render-summaries`: the demo's job summaries as pages, read back through an HTML parser
// the way a browser builds them — rows, links, code and escaping are checked on the element tree,
// not on the raw text.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  childElements,
  elements,
  findAll,
  parseHtml,
  textContent,
  type Element
} from '../helpers/html.js';
import { ROOT, spawnNode } from '../helpers/run-action.js';

const HOSTILE = 'docs: <img src=x onerror=alert(1)> & @everyone';
let dir = '';
const pages = new Map<string, Element>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'staging-summaries-'));
  const run = await spawnNode(['--no-warnings', 'scripts/render-summaries.ts', dir], {
    cwd: ROOT,
    env: {},
    timeoutMs: 110_000
  });
  if (run.code !== 0) throw new Error(`render-summaries failed:\n${run.stdout}${run.stderr}`);
  for (const name of ['index', 'rebuild', 'rebuild-unchanged', 'deploy', 'cleanup']) {
    pages.set(name, parseHtml(await readFile(path.join(dir, `${name}.html`), 'utf8')));
  }
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

function page(name: string): Element {
  const found = pages.get(name);
  if (!found) throw new Error(`no page ${name}`);
  return found;
}

/** A table as cells of text, header row first. */
function cells(table: Element): string[][] {
  return findAll(table, 'tr').map(tr =>
    elements(tr)
      .filter(e => e.tag === 'td' || e.tag === 'th')
      .map(c => textContent(c).trim())
  );
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0];
}

const headline = (name: string): string =>
  textContent(only(findAll(page(name), 'strong').slice(0, 1)));

describe('every page', () => {
  it('holds no element or attribute that user-controlled text could have brought in', () => {
    for (const [, root] of pages) {
      const all = elements(root);
      expect(all.filter(e => ['img', 'script', 'iframe', 'svg'].includes(e.tag))).toEqual([]);
      expect(all.flatMap(e => Object.keys(e.attrs)).filter(a => a.startsWith('on'))).toEqual([]);
      for (const a of findAll(root, 'a'))
        expect(a.attrs.href).toMatch(/^(https?:\/\/|[\w-]+\.html$)/);
    }
  });

  it('the index links every summary', () => {
    expect(findAll(page('index'), 'a').map(a => a.attrs.href)).toEqual([
      'rebuild.html',
      'rebuild-unchanged.html',
      'deploy.html',
      'cleanup.html',
      'sweep.html'
    ]);
  });
});

describe('rebuild', () => {
  const table = (): Element => only(findAll(page('rebuild'), 'table'));

  it('has a row per PR: merged first, then the skipped ones grouped by reason', () => {
    expect(headline('rebuild')).toBe('Created staging: 3 merged, 4 skipped');
    const rows = cells(table());
    expect(rows[0]).toEqual(['PR', 'Title', 'Author', 'Outcome', 'Details']);
    expect(rows.slice(1).map(r => [r[0], r[3]])).toEqual([
      ['#1', '✅ merged'],
      ['#2', '✅ merged'],
      ['#7', '✅ merged'],
      ['#3', '⚠️ conflict'],
      ['#4', '❌ CI failing'],
      ['#5', '⏳ CI pending'],
      ['#6', '📝 draft']
    ]);
  });

  it('shows a hostile PR title as the text it is', () => {
    const row = findAll(table(), 'tr').find(tr => textContent(tr).startsWith('#7'));
    const title = childElements(row as Element, 'td')[1];
    expect(textContent(title)).toBe(HOSTILE);
    expect(childElements(title)).toEqual([]);
  });

  it('links PR numbers, merged commits and the checks of a red PR', () => {
    const rows = findAll(table(), 'tr').slice(1);
    const server = /^http:\/\/127\.0\.0\.1:\d+\/acme\/platform/;
    for (const tr of rows) {
      const [pr] = childElements(tr, 'td');
      const link = only(findAll(pr, 'a'));
      expect(link.attrs.href).toMatch(server);
      expect(link.attrs.href?.endsWith(`/pull/${textContent(link).slice(1)}`)).toBe(true);
    }
    const merged = childElements(rows[0], 'td')[4];
    const commit = only(findAll(merged, 'a'));
    expect(commit.attrs.href).toMatch(/\/commit\/[0-9a-f]{40}$/);
    expect(childElements(commit).map(e => e.tag)).toEqual(['code']);
    const red = childElements(rows[4], 'td')[4];
    expect(only(findAll(red, 'a')).attrs.href).toMatch(/\/pull\/4\/checks$/);
  });

  it('gives base and staging as linked code', () => {
    const facts = findAll(page('rebuild'), 'li');
    const base = facts.find(li => textContent(li).startsWith('Base:')) as Element;
    expect(only(findAll(base, 'a')).attrs.href).toMatch(/\/commit\/[0-9a-f]{40}$/);
    expect(findAll(base, 'code')).toHaveLength(1);
  });
});

describe('the unchanged rerun', () => {
  it('is the headline and counts, with the table folded away', () => {
    expect(headline('rebuild-unchanged')).toBe('Staging unchanged: 3 merged, 4 skipped');
    const details = only(findAll(page('rebuild-unchanged'), 'details'));
    expect(textContent(only(childElements(details, 'summary')))).toBe(
      '7 open pull request(s): 3 merged, 4 skipped'
    );
    const table = only(findAll(page('rebuild-unchanged'), 'table'));
    expect(table.parent).toBe(details);
    expect(cells(table)).toHaveLength(8);
  });
});

describe('deploy', () => {
  const table = (): Element => only(findAll(page('deploy'), 'table'));

  it('has a row per CronJob, names and schedules as code, no image column', () => {
    expect(cells(table())).toEqual([
      ['CronJob', 'Staged from', 'Kind', 'Schedule', 'Result'],
      [
        'staging-noaa-gfs-forecast-v0-3-0-archive-grib-files',
        'noaa-gfs-forecast-archive-grib-files',
        'archive-grib-files',
        '7 3 * * *',
        '✅ created'
      ],
      [
        'staging-noaa-gfs-forecast-v0-3-0-update',
        'noaa-gfs-forecast-update',
        'update',
        '22 */6 * * *',
        '✅ created'
      ],
      [
        'staging-noaa-gfs-forecast-v0-3-0-validate',
        'noaa-gfs-forecast-validate',
        'validate',
        '52 */6 * * *',
        '✅ created'
      ]
    ]);
    for (const tr of findAll(table(), 'tr').slice(1)) {
      const [name, , , schedule] = childElements(tr, 'td');
      expect(childElements(name).map(e => e.tag)).toEqual(['code']);
      expect(childElements(schedule).map(e => e.tag)).toEqual(['code']);
    }
    const image = findAll(page('deploy'), 'li').find(li => textContent(li).startsWith('Image:'));
    expect(textContent(only(findAll(image as Element, 'code')))).toMatch(
      /^ghcr\.io\/acme\/pipelines:[0-9a-f]{40}$/
    );
  });

  it('says how to clean up in one command block', () => {
    const blocks = findAll(page('deploy'), 'pre').map(textContent);
    expect(blocks.filter(b => b.includes('cleanup'))).toEqual([
      'staging-action cleanup --dataset-id noaa-gfs-forecast --version 0.3.0'
    ]);
    expect(blocks.some(b => b.includes('git push'))).toBe(false);
  });
});

describe('cleanup', () => {
  it('has a row per removed resource, names as code', () => {
    const rows = cells(only(findAll(page('cleanup'), 'table')));
    expect(rows[0]).toEqual(['Resource', 'Name', 'Result']);
    expect(rows.slice(1).map(r => r[0])).toEqual([
      'CronJob',
      'CronJob',
      'CronJob',
      'Sentry monitor',
      'Sentry monitor',
      'Sentry monitor',
      'Branch'
    ]);
    expect(rows.slice(1).every(r => r[2] === '🗑️ deleted')).toBe(true);
    expect(headline('cleanup')).toBe(
      'Cleaned up noaa-gfs-forecast 0.3.0: 7 deleted, 0 already gone'
    );
  });
});
