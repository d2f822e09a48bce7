// Limits GitHub's API enforces, as pure functions: the client applies them before a call, and
// decisions that compare with what GitHub stored (rebuild's statuses) apply the same ones.

/** GitHub rejects commit status descriptions over 140 characters. */
export const STATUS_DESCRIPTION_MAX = 140;

/** The description as GitHub will store it: cut to 140 characters, with an ellipsis. */
export function fitStatusDescription(description: string): string {
  return description.length > STATUS_DESCRIPTION_MAX
    ? `${description.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`
    : description;
}
