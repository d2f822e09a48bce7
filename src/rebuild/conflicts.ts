// Who a conflicting PR collides with: a pure attribution over file sets that git computed.

/**
 * `alsoConflictsWithBase`: the PR does not merge cleanly on the base alone. Otherwise the
 * collision is with the earlier merged PRs that touched one of the conflicting paths, or a path
 * inside or above one (file/directory clashes); when none did (renames), every earlier PR that
 * touched a path under the same directories is named, and as a last resort the result is empty
 * ("earlier merges").
 */
export function attributeConflict(
  files: string[],
  alsoConflictsWithBase: boolean,
  merged: Array<{ number: number; changed: string[] }>
): Array<number | 'base'> {
  // A PR collides on a path it changed, or on one inside it or containing it (file/directory).
  const touches = (f: string): boolean =>
    files.some(c => f === c || f.startsWith(`${c}/`) || c.startsWith(`${f}/`));
  const withPrs = merged.filter(m => m.changed.some(touches)).map(m => m.number);
  if (withPrs.length === 0 && !alsoConflictsWithBase) {
    const dirs = new Set(files.map(dirname));
    withPrs.push(
      ...merged.filter(m => m.changed.some(f => dirs.has(dirname(f)))).map(m => m.number)
    );
  }
  const result: Array<number | 'base'> = alsoConflictsWithBase ? ['base'] : [];
  return [...result, ...[...new Set(withPrs)].sort((a, b) => a - b)];
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
