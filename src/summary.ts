import { appendSummary } from './io/runner.js';

/**
 * A piece of text with how it is shown: as code (names, SHAs, schedules), as a link, with an
 * outcome icon. The text renderer (terminals) shows only `text`; icons and links are for the job
 * summary, where emoji would not misalign columns and a link can be followed.
 */
export interface Span {
  text: string;
  code?: boolean;
  strong?: boolean;
  /** An http(s) URL; anything else is dropped by the renderer. */
  href?: string;
  /** An emoji shown before the text in the job summary. */
  icon?: string;
}

/** A cell or a line: plain text, one span, or spans side by side. */
export type Text = string | Span | readonly Span[];

export interface Fact {
  label: string;
  value: string;
  /** Shown as code: names, SHAs, paths. */
  code?: boolean;
  href?: string;
}

export interface Table {
  caption?: string;
  headers: string[];
  rows: Text[][];
  /** When set, the job summary folds the table in `<details>` under this line. */
  folded?: string;
}

export type Note =
  | { text: Text; code?: false }
  /** A command or commands to copy: one code block. */
  | { text: string; code: true };

/**
 * A mode's report, built once from plain data and rendered either as the job summary
 * (GitHub-flavoured HTML/markdown) or as plain text for the CLI. Text is untrusted: renderers
 * escape it, callers never pre-escape.
 */
export interface Report {
  title: string;
  /** One line a person reads first, e.g. "Pushed staging: 3 merged, 2 skipped". */
  headline: string;
  facts: Fact[];
  tables: Table[];
  /** Follow-up lines (hints) and commands to run. */
  notes: Note[];
}

export function escapeHtml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Keep @mentions inert inside the summary.
      .replace(/@/g, '&#64;')
      // The summary is markdown holding one raw HTML block: a blank line inside a cell would end
      // the block and let the rest of the text render as markdown (links, images).
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
  );
}

function isSpanList(text: Span | readonly Span[]): text is readonly Span[] {
  return Array.isArray(text);
}

function spans(text: Text): readonly Span[] {
  if (typeof text === 'string') return [{ text }];
  // Array.isArray does not narrow a readonly array type.
  return isSpanList(text) ? text : [text];
}

/** What a terminal shows: the words, without icons or links. */
export function plainText(text: Text): string {
  return spans(text)
    .map(s => s.text)
    .join('');
}

function spanHtml(span: Span): string {
  let html = escapeHtml(span.text);
  if (span.code) html = `<code>${html}</code>`;
  if (span.strong) html = `<strong>${html}</strong>`;
  // Only web links: a URL from the environment must never become a javascript: link.
  if (span.href && /^https?:\/\//i.test(span.href)) {
    html = `<a href="${escapeHtml(span.href)}">${html}</a>`;
  }
  return span.icon ? `${escapeHtml(span.icon)} ${html}` : html;
}

function textHtml(text: Text): string {
  return spans(text).map(spanHtml).join('');
}

/**
 * The job summary: HTML that GitHub's markdown renderer passes through as one block (no blank
 * line in it), with everything user-controlled escaped.
 */
export function renderHtml(report: Report): string {
  const parts: string[] = [];
  parts.push(`<h2>${escapeHtml(report.title)}</h2>`);
  parts.push(`<p><strong>${escapeHtml(report.headline)}</strong></p>`);
  if (report.facts.length > 0) {
    const items = report.facts.map(
      f =>
        `<li>${escapeHtml(f.label)}: ${spanHtml({ text: f.value, code: f.code, href: f.href })}</li>`
    );
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  for (const table of report.tables) {
    const head = `<tr>${table.headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    const body = table.rows
      .map(r => `<tr>${r.map(c => `<td>${textHtml(c)}</td>`).join('')}</tr>`)
      .join('');
    const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
    const html = `<table>${caption}${head}${body}</table>`;
    if (table.folded === undefined) parts.push(html);
    else parts.push(`<details><summary>${escapeHtml(table.folded)}</summary>`, html, '</details>');
  }
  for (const note of report.notes) {
    parts.push(
      note.code
        ? `<pre><code>${escapeHtml(note.text)}</code></pre>`
        : `<p>${textHtml(note.text)}</p>`
    );
  }
  return parts.join('\n') + '\n';
}

/** Plain text for terminals (the CLI and the demo). */
export function renderText(report: Report): string {
  const lines: string[] = [report.title, '='.repeat(report.title.length), '', report.headline, ''];
  for (const f of report.facts) lines.push(`${f.label}: ${f.value}`);
  if (report.facts.length > 0) lines.push('');
  for (const table of report.tables) {
    if (table.caption) lines.push(table.caption);
    // A line break or tab inside a cell would break the columns.
    const rows = table.rows.map(r => r.map(c => plainText(c).replace(/[\r\n\t]+/g, ' ')));
    const widths = table.headers.map((h, i) =>
      Math.max(h.length, ...rows.map(r => (r[i] ?? '').length))
    );
    const fmt = (cells: string[]): string =>
      cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    lines.push(fmt(table.headers));
    lines.push(fmt(widths.map(w => '-'.repeat(w))));
    for (const row of rows) lines.push(fmt(row));
    lines.push('');
  }
  for (const note of report.notes) {
    if (note.code) lines.push(...note.text.split('\n').map(line => `    ${line}`));
    else lines.push(plainText(note.text));
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** Writes the report as the job summary, once. A no-op outside Actions (no GITHUB_STEP_SUMMARY). */
export async function writeJobSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await appendSummary(renderHtml(report));
}
