// `npm run render-summaries [-- DIR]`: every job summary of the demo's scenarios (rebuild, its
// unchanged rerun, deploy, cleanup, sweep), each as a page to open in a browser, in DIR (default
// summaries/, ignored by git). The job summary is GitHub-flavoured Markdown holding one raw HTML
// block (no blank line in it), which GitHub passes through its sanitizer as it is: the page body is
// that HTML. Runs dist/ like the demo, so build it first.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runDemo } from './demo.ts';

// Enough of GitHub's markdown styles to judge widths, wrapping and code at a glance.
const STYLE = `
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1012px;
  margin: 2em auto; color: #1f2328; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%;
  overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3;
  padding: .2em .4em; border-radius: 6px; white-space: break-spaces; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
pre code { background: none; padding: 0; }
a { color: #0969da; }
`;

function page(name: string, summary: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${name}</title><style>${STYLE}</style></head>`,
    '<body>',
    summary.trimEnd(),
    '</body>',
    '</html>',
    ''
  ].join('\n');
}

const dir = resolve(process.argv[2] ?? 'summaries');
const summaries: Array<[name: string, html: string]> = [];
await runDemo({
  print: () => undefined,
  summary: (name, html) => summaries.push([name, html]),
  cleanupAsAction: true
});
await mkdir(dir, { recursive: true });
for (const [name, html] of summaries) await writeFile(join(dir, `${name}.html`), page(name, html));
const links = summaries.map(([name]) => `<li><a href="${name}.html">${name}</a></li>`).join('');
await writeFile(join(dir, 'index.html'), page('Job summaries', `<ul>${links}</ul>`));
process.stdout.write(
  `${summaries.length} job summaries in ${dir}: ${summaries.map(([n]) => `${n}.html`).join(', ')}\n`
);
