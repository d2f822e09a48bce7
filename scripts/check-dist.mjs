// Fails when the committed dist/ differs from a fresh build of src/ (users run dist/, not src/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function files(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const fresh = mkdtempSync(join(tmpdir(), 'staging-action-dist-'));
try {
  execFileSync(process.execPath, ['scripts/package.mjs', fresh], { stdio: 'inherit' });
  const want = files(fresh)
    .map(f => relative(fresh, f))
    .sort();
  const have = files('dist')
    .map(f => relative('dist', f))
    .sort();
  const problems = [];
  for (const f of new Set([...want, ...have])) {
    if (!want.includes(f)) problems.push(`dist/${f} is not produced by a fresh build`);
    else if (!have.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(fresh, f)).equals(readFileSync(join('dist', f)))) {
      problems.push(`dist/${f} differs from a fresh build`);
    }
  }
  if (problems.length > 0) {
    console.error(
      `dist/ is stale; run 'npm run package' and commit dist/:\n- ${problems.join('\n- ')}`
    );
    process.exitCode = 1;
  } else {
    console.log('dist/ matches a fresh build');
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
