// The one description of the action's interface: its modes, every input (which modes read it, its
// default, its documentation, how the CLI takes it) and every output. action.yml is generated from
// it (`npm run package`), the CLI's flags and --help derive from it, and the project tests check
// the README against it, so adding an input is one edit here.
//
// Plain data; scripts load it with Node's type stripping, hence the `.ts` specifiers.
// The parts live in spec/ by mode group; this file assembles them, in action.yml's order.

import { COMMON_INPUTS, CONTEXT_INPUTS } from './spec/common.ts';
import { DATASET_INPUTS, LIFECYCLE_INPUTS, SENTRY_INPUTS } from './spec/dataset.ts';
import { REBUILD_INPUTS } from './spec/rebuild.ts';
import type { InputSpec } from './spec/types.ts';

export { MODE_ALIASES, MODE_NAMES, MODE_SUMMARIES } from './spec/types.ts';
export type { CliSource, InputSpec, ModeName, OutputSpec } from './spec/types.ts';
export { OUTPUTS } from './spec/outputs.ts';

export const INPUTS: readonly InputSpec[] = [
  ...COMMON_INPUTS,
  ...REBUILD_INPUTS,
  ...DATASET_INPUTS,
  ...LIFECYCLE_INPUTS,
  ...SENTRY_INPUTS,
  ...CONTEXT_INPUTS
];
