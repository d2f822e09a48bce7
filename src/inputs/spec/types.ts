// The shape of the interface's description: modes, and what an input and an output say.
// Plain data; its only imports are relative `.ts` ones (types included), so scripts load it with
// Node's type stripping, which does not map `.js` specifiers to `.ts` files.

export const MODE_NAMES = ['rebuild', 'deploy', 'cleanup', 'status', 'trigger', 'sweep'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

/** The design note's verbs, accepted by the CLI and the action alike. */
export const MODE_ALIASES: Readonly<Record<string, ModeName>> = {
  'deploy-staging': 'deploy',
  'cleanup-staging': 'cleanup'
};

/** One line per mode, for --help. */
export const MODE_SUMMARIES: Readonly<Record<ModeName, string>> = {
  rebuild: 'rebuild the staging branch from base + every open PR whose CI passes',
  deploy: "stage one dataset version's CronJobs on Kubernetes",
  cleanup: "delete a staged version's CronJobs, stage branch and Sentry monitors",
  status: 'list every staged version: its CronJobs, their last runs, branch and promotion',
  trigger: "run a staged version's CronJobs now (a Job from each), optionally waiting for them",
  sweep: 'clean up staged versions whose branch is gone, that were promoted, or that expired'
};

/** How the CLI takes an input. */
export type CliSource =
  /** The first positional argument. */
  | { positional: true }
  /** Never a flag (tokens): read from the first of these environment variables that is set. */
  | { env: readonly string[] }
  /** `--name VALUE` (`file`: the flag names a file whose content is the value). */
  | {
      flag: 'string' | 'boolean' | 'file';
      /** The value's placeholder in --help. */
      arg?: string;
      help: string;
      /** Environment variables that give the default when the flag is absent. */
      env?: readonly string[];
    };

export interface InputSpec {
  name: string;
  /** The modes that read it. */
  modes: readonly ModeName[] | 'all';
  required?: boolean;
  /** action.yml's default ('' for none). */
  default: string;
  /** action.yml's description (Markdown). */
  description: string;
  cli: CliSource;
  /** Not an action input: in Actions the value comes from the GITHUB_* context. */
  cliOnly?: boolean;
}

export interface OutputSpec {
  name: string;
  modes: readonly ModeName[];
  description: string;
}
