import * as core from '@actions/core';

/**
 * A mode's report, built once from plain data and rendered either as the job summary
 * (GitHub-flavoured HTML/markdown) or as plain text for the CLI. Cells are untrusted text:
 * renderers escape them, callers never pre-escape.
 */
export interface Report {
  title: string;
  /** One line a person reads first, e.g. "Pushed staging (3 merged, 2 skipped)". */
  headline: string;
  /** Key facts: [label, value]. Values rendered as code when `code` is true. */
  facts: Array<{ label: string; value: string; code?: boolean }>;
  tables: Array<{ caption?: string; headers: string[]; rows: string[][] }>;
  /** Free-form follow-up lines (commands to run, hints). `code` lines are shown as a code block. */
  notes: Array<{ text: string; code?: boolean }>;
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

/** Markdown-free HTML for the job summary; everything user-controlled is escaped. */
export function renderHtml(report: Report): string {
  const parts: string[] = [];
  parts.push(`<h2>${escapeHtml(report.title)}</h2>`);
  parts.push(`<p><strong>${escapeHtml(report.headline)}</strong></p>`);
  if (report.facts.length > 0) {
    const items = report.facts.map(f => {
      const value = f.code ? `<code>${escapeHtml(f.value)}</code>` : escapeHtml(f.value);
      return `<li>${escapeHtml(f.label)}: ${value}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  for (const table of report.tables) {
    const head = `<tr>${table.headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    const body = table.rows
      .map(r => `<tr>${r.map(c => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('');
    const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
    parts.push(`<table>${caption}${head}${body}</table>`);
  }
  for (const note of report.notes) {
    parts.push(
      note.code
        ? `<pre><code>${escapeHtml(note.text)}</code></pre>`
        : `<p>${escapeHtml(note.text)}</p>`
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
    const rows = table.rows.map(r => r.map(c => c.replace(/[\r\n\t]+/g, ' ')));
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
    else lines.push(note.text);
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** Writes the report as the job summary, once. A no-op outside Actions (no GITHUB_STEP_SUMMARY). */
export async function writeJobSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderHtml(report)).write();
}
