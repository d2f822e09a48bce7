// One git environment for the tests, fixtures, fakes and scripts: none of this machine's system or
// global configuration (signing, hooks, a default branch) may leak into a fixture or into the
// action's own git, and git never prompts. Loaded by scripts too: no relative imports.
import os from 'node:os';

/** Keeps the system and global git configuration out of a git process. */
export const GIT_ISOLATION: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull
};

/** `git -c` arguments that name the author and committer of a fixture's commits. */
export function authorArgs(name: string, email: string): string[] {
  return ['-c', `user.name=${name}`, '-c', `user.email=${email}`];
}

/**
 * The environment fixtures and fakes run git with: process.env without inherited GIT_* variables
 * (a GIT_DIR or GIT_INDEX_FILE from a hook would redirect commands), isolated, no prompts, C
 * locale, then `extra`.
 */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return { ...env, ...GIT_ISOLATION, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/**
 * Isolates the git of code under test that passes process.env through (the action's git wrapper).
 * Jest gives each test file its own process.env, so this stays within the file.
 */
export function isolateProcessGit(): void {
  Object.assign(process.env, GIT_ISOLATION);
}
