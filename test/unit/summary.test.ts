import { describe, expect, it } from '@jest/globals';
import { escapeHtml, renderHtml, renderText, type Report, type Table } from '../../src/summary.js';
import { childElements, elements, findAll, parseHtml, textContent } from '../helpers/html.js';

function report(rows: string[][]): Report {
  return {
    title: 'Staging rebuild',
    headline: 'Pushed staging: 1 merged, 2 skipped',
    facts: [{ label: 'Base', value: 'main@1a2b3c4', code: true }],
    tables: [{ headers: ['PR', 'Title', 'Outcome'], rows }],
    notes: [{ text: 'git fetch origin staging\ngit log main..staging', code: true }]
  };
}

const hostile = [
  ['#1', '<img src=x onerror=alert(1)>', 'merged'],
  ['#2', '</td></table><script>alert(2)</script>', 'skipped'],
  ['#3', 'ping @here and @octo/team', 'skipped']
];

describe('renderHtml', () => {
  const html = renderHtml(report(hostile));

  it('shows hostile titles as text, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;/table&gt;');
    // Exactly the table the renderer opened: a title cannot close it early.
    expect(html.match(/<\/table>/g)).toHaveLength(1);
    expect(html.match(/<\/td>/g)).toHaveLength(9);
  });

  it('does not mention anyone', () => {
    expect(html).not.toMatch(/@\w/);
    expect(html).toContain('ping &#64;here');
  });

  it('has a row per PR', () => {
    expect(html.match(/<tr>/g)).toHaveLength(1 + hostile.length);
    for (const pr of ['#1', '#2', '#3']) expect(html).toContain(`<td>${pr}</td>`);
  });

  it('keeps a blank line in a cell from ending the HTML block (markdown would render after it)', () => {
    const out = renderHtml(
      report([['#4', 'title\n\n![tracker](https://example.com/x.png)', 'merged']])
    );
    expect(out).not.toMatch(/\n\s*\n/);
    expect(out).toContain('title&#10;&#10;![tracker]');
  });
});

describe('renderHtml with spans', () => {
  const table: Table = {
    headers: ['CronJob', 'Schedule', 'Result'],
    rows: [
      [
        { text: 'staging-x-v1-0-0-update', code: true },
        { text: '15 */6 * * *', code: true },
        { text: 'created', icon: '✅', strong: true }
      ]
    ]
  };
  const rich: Report = {
    title: 'Staging deploy',
    headline: 'Staged x 1.0.0',
    facts: [
      { label: 'Commit', value: 'abc', code: true, href: 'https://github.com/o/r/commit/abc' }
    ],
    tables: [table],
    notes: [
      {
        text: [
          { text: 'delete ' },
          { text: 'stage/x/v1.0.0', code: true, href: 'https://github.com/o/r/tree/stage/x/v1.0.0' }
        ]
      }
    ]
  };
  const html = renderHtml(rich);

  it('shows names and schedules as code, outcomes with their icon', () => {
    expect(html).toContain(
      '<tr><td><code>staging-x-v1-0-0-update</code></td><td><code>15 */6 * * *</code></td><td>✅ <strong>created</strong></td></tr>'
    );
  });

  it('links facts and inline text', () => {
    expect(html).toContain(
      '<li>Commit: <a href="https://github.com/o/r/commit/abc"><code>abc</code></a></li>'
    );
    expect(html).toContain(
      '<p>delete <a href="https://github.com/o/r/tree/stage/x/v1.0.0"><code>stage/x/v1.0.0</code></a></p>'
    );
  });

  it('links only to web pages, with the URL escaped', () => {
    const out = renderHtml({
      ...rich,
      facts: [],
      notes: [
        { text: { text: 'bad', href: 'javascript:alert(1)' } },
        { text: { text: 'odd', href: 'https://x.example/"><script>' } }
      ]
    });
    expect(out).toContain('<p>bad</p>');
    expect(out).toContain('<p><a href="https://x.example/&quot;&gt;&lt;script&gt;">odd</a></p>');
  });

  it('folds a table in <details> under its line', () => {
    const out = renderHtml({ ...rich, tables: [{ ...table, folded: '1 CronJob' }] });
    expect(out).toMatch(
      /\n<details><summary>1 CronJob<\/summary>\n<table>.*<\/table>\n<\/details>\n/
    );
    expect(out).not.toMatch(/\n\s*\n/);
  });

  it('prints the words alone as text: no icons, no URLs', () => {
    const text = renderText(rich);
    expect(text).toMatch(/^staging-x-v1-0-0-update +15 \*\/6 \* \* \* +created$/m);
    expect(text).toContain('Commit: abc');
    expect(text).toContain('delete stage/x/v1.0.0');
    expect(text).not.toContain('✅');
    expect(text).not.toContain('https://');
  });
});

describe('renderHtml, parsed', () => {
  it('builds the table a browser would, hostile titles as text', () => {
    const root = parseHtml(renderHtml(report(hostile)));
    expect(elements(root).filter(e => e.tag === 'img' || e.tag === 'script')).toEqual([]);
    const rows = findAll(root, 'tr').map(tr => childElements(tr).map(textContent));
    expect(rows).toEqual([['PR', 'Title', 'Outcome'], ...hostile]);
  });

  it('the same check fails on unescaped markup', () => {
    const raw = '<table><tr><td><img src=x onerror=alert(1)></td></tr></table>';
    expect(findAll(parseHtml(raw), 'img')).toHaveLength(1);
    expect(() => parseHtml('<table><tr><td></td></table>')).toThrow(/does not balance/);
  });
});

describe('escapeHtml', () => {
  it('escapes every character HTML or mentions care about', () => {
    expect(escapeHtml(`<a href="x" title='y'>&@b</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#64;b&lt;/a&gt;'
    );
  });
});

describe('renderText', () => {
  it('aligns table columns', () => {
    const text = renderText(
      report([
        ['#1', 'Short', 'merged'],
        ['#123', 'A much longer title', 'skipped']
      ])
    );
    const lines = text.split('\n');
    const header = lines.findIndex(l => l.startsWith('PR'));
    expect(lines.slice(header, header + 4)).toEqual([
      'PR    Title                Outcome',
      '----  -------------------  -------',
      '#1    Short                merged',
      '#123  A much longer title  skipped'
    ]);
  });

  it('keeps a row on one line when a cell holds a line break', () => {
    const text = renderText(report([['#1', 'two\nlines', 'merged']]));
    expect(text).toContain('#1  two lines  merged');
  });

  it('indents every line of a code note', () => {
    const text = renderText(report([]));
    expect(text).toContain('    git fetch origin staging\n    git log main..staging\n');
  });
});
