import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatStagingMessage,
  inputsDigest,
  parseStagingRecord,
  priorDigest
} from '../../../src/rebuild/record.js';
import type { PrOutcome } from '../../../src/rebuild/types.js';

const BASE = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';
const SHA12 = 'abc1234000000000000000000000000000000012';
const SHA20 = '0123456000000000000000000000000000000020';
const OTHER = 'ffffffffffffffffffffffffffffffffffffffff';

const outcomes: PrOutcome[] = [
  { number: 20, title: 'Bump chart', author: null, status: 'merged', sha: SHA20 },
  { number: 12, title: 'Add redis', author: null, status: 'merged', sha: SHA12 },
  {
    number: 14,
    title: 'Tune redis',
    author: null,
    status: 'skipped',
    reason: { kind: 'conflict', files: ['apps/redis.yaml'], with: [12] }
  },
  { number: 15, title: 'WIP', author: null, status: 'skipped', reason: { kind: 'draft' } }
];

function digestOf(base: string, eligible: Array<{ number: number; sha: string }>): string {
  return inputsDigest({ baseSha: base, eligible });
}

/** A record written without verify-command. */
const UNVERIFIED = { verified: null, verifyFailed: [] };

describe('inputsDigest', () => {
  const eligible = [
    { number: 12, sha: SHA12 },
    { number: 20, sha: SHA20 }
  ];

  it('is a sha256 hex digest, stable for the same inputs', () => {
    expect(digestOf(BASE, eligible)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(BASE, eligible)).toBe(
      digestOf(
        BASE,
        eligible.map(e => ({ ...e }))
      )
    );
  });

  it('changes when the base moves, a PR gets a new commit, or the set of PRs changes', () => {
    const digest = digestOf(BASE, eligible);
    expect(digestOf(OTHER, eligible)).not.toBe(digest);
    expect(digestOf(BASE, [eligible[0], { number: 20, sha: OTHER }])).not.toBe(digest);
    expect(digestOf(BASE, [eligible[0]])).not.toBe(digest);
    expect(digestOf(BASE, [...eligible, { number: 30, sha: OTHER }])).not.toBe(digest);
    // Same commits, other PR numbers: a different staging history.
    expect(digestOf(BASE, [{ number: 13, sha: SHA12 }, eligible[1]])).not.toBe(digest);
  });

  it('depends on the set of PRs, not the order the caller listed them in', () => {
    expect(digestOf(BASE, [...eligible].reverse())).toBe(digestOf(BASE, eligible));
  });

  it('differs for different sets of PRs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const key = (xs: number[]): string => [...xs].sort((x, y) => x - y).join();
          fc.pre(key(a) !== key(b));
          const sha = BASE;
          const left = digestOf(
            BASE,
            a.map(number => ({ number, sha }))
          );
          const right = digestOf(
            BASE,
            b.map(number => ({ number, sha }))
          );
          expect(left).not.toBe(right);
        }
      )
    );
  });
});

describe('formatStagingMessage', () => {
  const digest = digestOf(BASE, [
    { number: 12, sha: SHA12 },
    { number: 20, sha: SHA20 }
  ]);
  const message = formatStagingMessage({ baseBranch: 'main', baseSha: BASE, outcomes, digest });

  it('says what staging was built from, in merge order', () => {
    expect(message).toBe(
      [
        'staging: main@1a2b3c4 + 2 PRs',
        '',
        'Merged:',
        '- #12 Add redis (abc1234)',
        '- #20 Bump chart (0123456)',
        '',
        'Skipped (conflicts):',
        '- #14 Tune redis: conflict with #12 in apps/redis.yaml',
        '',
        `Staging-Action-Base: ${BASE}`,
        `Staging-Action-Digest: ${digest}`,
        'Staging-Action-Conflicts: [{"number":14,"files":["apps/redis.yaml"],"with":[12]}]',
        ''
      ].join('\n')
    );
  });

  it('uses singular and empty forms for the subject', () => {
    const one = formatStagingMessage({
      baseBranch: 'main',
      baseSha: BASE,
      outcomes: [outcomes[1]],
      digest
    });
    expect(one.split('\n')[0]).toBe('staging: main@1a2b3c4 + 1 PR');
    const none = formatStagingMessage({ baseBranch: 'main', baseSha: BASE, outcomes: [], digest });
    expect(none.split('\n')[0]).toBe('staging: main@1a2b3c4 + 0 PRs');
    expect(parseStagingRecord(none)).toEqual({ base: BASE, digest, conflicts: [], ...UNVERIFIED });
  });

  it('round-trips the record through the message', () => {
    expect(parseStagingRecord(message)).toEqual({
      base: BASE,
      digest,
      conflicts: [{ number: 14, files: ['apps/redis.yaml'], with: [12] }],
      ...UNVERIFIED
    });
  });

  it('round-trips any conflicts, including hostile file names', () => {
    const fileName = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });
    const conflict = fc.record({
      number: fc.integer({ min: 1, max: 100000 }),
      files: fc.array(fileName, { maxLength: 4 }),
      with: fc.array(fc.oneof(fc.constant('base' as const), fc.integer({ min: 1, max: 100000 })), {
        maxLength: 3
      })
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(conflict, { selector: c => c.number, maxLength: 4 }),
        fc.string({ unit: 'binary' }),
        (conflicts, title) => {
          const skipped: PrOutcome[] = conflicts.map(c => ({
            number: c.number,
            title,
            author: null,
            status: 'skipped',
            reason: { kind: 'conflict', files: c.files, with: c.with }
          }));
          const text = formatStagingMessage({
            baseBranch: 'main',
            baseSha: BASE,
            outcomes: skipped,
            digest
          });
          const sorted = [...conflicts].sort((a, b) => a.number - b.number);
          expect(parseStagingRecord(text)).toEqual({
            base: BASE,
            digest,
            conflicts: sorted,
            ...UNVERIFIED
          });
        }
      )
    );
  });

  it('keeps a hostile title from forging the record', () => {
    const forged = `${'0'.repeat(64)}`;
    const hostile: PrOutcome[] = [
      {
        number: 7,
        title: `Innocent\n\nStaging-Action-Base: ${OTHER}\nStaging-Action-Digest: ${forged}\nStaging-Action-Conflicts: []\n`,
        author: null,
        status: 'merged',
        sha: SHA12
      }
    ];
    const text = formatStagingMessage({
      baseBranch: 'main',
      baseSha: BASE,
      outcomes: hostile,
      digest
    });
    expect(text.split('\n').filter(l => l.startsWith('Staging-Action-Base:'))).toEqual([
      `Staging-Action-Base: ${BASE}`
    ]);
    expect(parseStagingRecord(text)).toEqual({ base: BASE, digest, conflicts: [], ...UNVERIFIED });
  });

  it('keeps a hostile base branch name on the subject line', () => {
    const text = formatStagingMessage({
      baseBranch: 'main\n\nStaging-Action-Base: x',
      baseSha: BASE,
      outcomes: [],
      digest
    });
    expect(text.split('\n')[0]).toBe('staging: main Staging-Action-Base: x@1a2b3c4 + 0 PRs');
  });
});

describe('parseStagingRecord', () => {
  const digest = 'a'.repeat(64);
  const trailers = (conflicts = '[]', base = BASE, dig = digest): string =>
    `Staging-Action-Base: ${base}\nStaging-Action-Digest: ${dig}\nStaging-Action-Conflicts: ${conflicts}`;

  it('returns null for an ordinary commit', () => {
    expect(
      parseStagingRecord('Merge pull request #3 from octo/feature\n\nAdd things\n')
    ).toBeNull();
    expect(parseStagingRecord('')).toBeNull();
  });

  it('reads only the last paragraph', () => {
    const quoted = `staging: main@1a2b3c4 + 1 PR\n\n${trailers()}\n\nSigned-off-by: A <a@example.com>\n`;
    expect(parseStagingRecord(quoted)).toBeNull();
  });

  it('tolerates other trailers and CRLF line endings in the last paragraph', () => {
    const text = `subject\r\n\r\n${trailers().replace(/\n/g, '\r\n')}\r\nCo-authored-by: B <b@example.com>\r\n`;
    expect(parseStagingRecord(text)).toEqual({ base: BASE, digest, conflicts: [], ...UNVERIFIED });
  });

  it.each([
    ['a non-trailer line in the last paragraph', `s\n\nnote\n${trailers()}`],
    ['a missing digest', `s\n\nStaging-Action-Base: ${BASE}\nStaging-Action-Conflicts: []`],
    [
      'a missing conflicts trailer',
      `s\n\nStaging-Action-Base: ${BASE}\nStaging-Action-Digest: ${digest}`
    ],
    ['a short base sha', `s\n\n${trailers('[]', '1a2b3c4')}`],
    ['an uppercase digest', `s\n\n${trailers('[]', BASE, 'A'.repeat(64))}`],
    ['invalid JSON', `s\n\n${trailers('[{')}`],
    ['conflicts that are not a list', `s\n\n${trailers('{"number":1}')}`],
    ['a conflict without files', `s\n\n${trailers('[{"number":1,"with":[2]}]')}`],
    [
      'a conflict partner that is neither a PR nor base',
      `s\n\n${trailers('[{"number":1,"files":[],"with":["main"]}]')}`
    ],
    ['a non-integer PR number', `s\n\n${trailers('[{"number":1.5,"files":[],"with":[]}]')}`],
    ['a repeated trailer', `s\n\n${trailers()}\nStaging-Action-Base: ${OTHER}`]
  ])('returns null for %s', (_what, text) => {
    expect(parseStagingRecord(text)).toBeNull();
  });

  it('accepts SHA-256 repositories', () => {
    const base = 'b'.repeat(64);
    expect(parseStagingRecord(`s\n\n${trailers('[]', base)}`)?.base).toBe(base);
  });
});

describe('the verify record', () => {
  const outcomes: PrOutcome[] = [];
  const digest = 'a'.repeat(64);
  const failure = {
    number: 7,
    sha: 'b'.repeat(40),
    prior: 'c'.repeat(64),
    with: [3],
    output: 'dup: svc-a\nexit 1'
  };

  it('round-trips what verify-command passed and the PRs it left out', () => {
    const text = formatStagingMessage({
      baseBranch: 'main',
      baseSha: BASE,
      outcomes,
      digest,
      verified: 'd'.repeat(64),
      verifyFailed: [failure]
    });
    expect(parseStagingRecord(text)).toEqual({
      base: BASE,
      digest,
      conflicts: [],
      verified: 'd'.repeat(64),
      verifyFailed: [failure]
    });
  });

  it('a record without verify-command is written exactly as before', () => {
    const text = formatStagingMessage({ baseBranch: 'main', baseSha: BASE, outcomes, digest });
    expect(text).not.toContain('Staging-Action-Verif');
  });

  it('a PR left out stays out only while its head, the base and the PRs before it are the same', () => {
    const inputs = {
      baseSha: BASE,
      eligible: [
        { number: 3, sha: 'a'.repeat(40) },
        { number: 7, sha: 'b'.repeat(40) }
      ]
    };
    const prior = priorDigest(inputs, 7);
    // A later PR does not change what #7 was verified on.
    expect(
      priorDigest(
        { ...inputs, eligible: [...inputs.eligible, { number: 9, sha: 'e'.repeat(40) }] },
        7
      )
    ).toBe(prior);
    expect(
      priorDigest(
        { ...inputs, eligible: [{ number: 3, sha: 'f'.repeat(40) }, inputs.eligible[1]] },
        7
      )
    ).not.toBe(prior);
    expect(priorDigest({ ...inputs, baseSha: 'f'.repeat(40) }, 7)).not.toBe(prior);
  });
});
