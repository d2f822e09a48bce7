// The action's entry: start run(). The CLI wrapper dist/cli.js imports this bundle for `cli`,
// which must not start the action, so run() starts only when this file is the entry point.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './main.js';

/** The CLI, loaded only when dist/cli.js asks for it. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return (await import('./cli.js')).main(argv, env);
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) await run();
