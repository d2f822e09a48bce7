// Errors users read in GitHub job logs. Each message says what was wrong, what was expected and how
// to fix it, so callers can print `message` alone (no stack trace) and fail the step.

/** Base class: anything the user can fix by changing the branch, the config or the manifests. */
export class StagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The staging config file, a version file or a CronJob manifest file is malformed. */
export class ConfigError extends StagingError {}

/** A branch name, dataset id, version, CronJob name, label or schedule breaks a rule. */
export class ValidationError extends StagingError {}

/** Quote untrusted text for a log line: JSON escaping keeps control characters visible. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
