// Writes action.yml from the one description of the inputs and outputs (src/inputs/spec.ts), so an
// input is added in one place. `node scripts/action-yml.ts` writes it (npm run package does);
// `--check` only fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { INPUTS, OUTPUTS } from '../src/inputs/spec.ts';

const HEADER = `# Generated from src/inputs/spec.ts by scripts/action-yml.ts (npm run package): edit those.
name: 'Staging Action'
description: >-
  Staging environments for teams who deploy from git: rebuild a staging branch from base + every
  passing PR, or stage and clean up versioned dataset CronJobs on Kubernetes.
author: 'staging-action'
branding:
  icon: 'layers'
  color: 'purple'
`;

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A folded block scalar, wrapped at 100 columns. */
function folded(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return `>-\n${lines.map(l => indent + l).join('\n')}`;
}

export async function actionYml(): Promise<string> {
  const inputs = INPUTS.filter(input => !input.cliOnly).flatMap(input => [
    `  ${input.name}:`,
    `    description: ${folded(input.description, '      ')}`,
    input.required ? '    required: true' : `    default: ${quote(input.default)}`
  ]);
  const outputs = OUTPUTS.flatMap(output => [
    `  ${output.name}:`,
    `    description: ${folded(output.description, '      ')}`
  ]);
  const text = [
    HEADER,
    'inputs:',
    ...inputs,
    '',
    'outputs:',
    ...outputs,
    '',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
    ''
  ].join('\n');
  const options = (await resolveConfig('action.yml')) ?? {};
  return format(text, { ...options, parser: 'yaml' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await actionYml();
  if (process.argv.includes('--check')) {
    if (readFileSync('action.yml', 'utf8') !== text) {
      console.error(
        'action.yml differs from src/inputs/spec.ts: run npm run package and commit it.'
      );
      process.exitCode = 1;
    }
  } else writeFileSync('action.yml', text);
}
