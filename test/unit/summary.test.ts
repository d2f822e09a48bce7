import { describe, expect, it } from '@jest/globals';
import { escapeHtml, renderHtml, renderText, type Report } from '../../src/summary.js';

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
