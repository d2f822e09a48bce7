import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './main.js';

// One bundle serves both: the runner executes this file (run the action); the CLI wrapper
// dist/cli.js imports `cli` from it, which must not start the action.
export { main as cli } from './cli.js';

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) await run();
