import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  mktreeInput,
  parseTree,
  plainTreeMerge,
  type TreeEntry,
  type TreeStore
} from '../../../src/io/tree-merge.js';

const blob = (name: string, sha: string, mode = '100644'): TreeEntry => ({
  mode,
  name,
  sha: sha.repeat(40)
});

/** Trees in memory, named by a hash of their sorted entries (as git names them by content). */
function memoryStore(): TreeStore & { tree(entries: TreeEntry[]): string; written: number } {
  const trees = new Map<string, TreeEntry[]>();
  const tree = (entries: TreeEntry[]): string => {
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : 1));
    const sha = createHash('sha1').update(JSON.stringify(sorted)).digest('hex');
    trees.set(sha, sorted);
    return sha;
  };
  const store = {
    written: 0,
    tree,
    read: (sha: string) => {
      const entries = trees.get(sha);
      if (!entries) throw new Error(`no tree ${sha}`);
      return Promise.resolve(entries);
    },
    write: (entries: TreeEntry[]) => {
      store.written++;
      return Promise.resolve(tree(entries));
    }
  };
  return store;
}

describe('parseTree and mktreeInput', () => {
  it("reads a tree object's entries, raw name bytes kept, and writes them as mktree -z reads them", () => {
    const sha = 'ab'.repeat(20);
    const name = Buffer.from('café\n☕', 'utf8');
    const content = Buffer.concat([
      Buffer.from('100755 '),
      name,
      Buffer.from([0]),
      Buffer.from(sha, 'hex'),
      Buffer.from('40000 d\0'),
      Buffer.from('cd'.repeat(20), 'hex')
    ]);
    const entries = parseTree(content, 20);
    expect(entries).toEqual([
      { mode: '100755', name: name.toString('latin1'), sha },
      { mode: '40000', name: 'd', sha: 'cd'.repeat(20) }
    ]);
    expect(mktreeInput(entries)).toEqual(
      Buffer.concat([
        Buffer.from(`100755 blob ${sha}\t`),
        name,
        Buffer.from([0]),
        Buffer.from(`40000 tree ${'cd'.repeat(20)}\td\0\0`)
      ])
    );
    expect(() => parseTree(content.subarray(0, 30), 20)).toThrow('entry 1 is cut short');
  });
});

describe('plainTreeMerge', () => {
  it('takes each path from the side that changed it, inside directories both sides changed', async () => {
    const s = memoryStore();
    const dir = (entries: TreeEntry[]): TreeEntry => ({
      mode: '40000',
      name: 'src',
      sha: s.tree(entries)
    });
    const base = s.tree([blob('README', '1'), dir([blob('a', '2'), blob('b', '3')])]);
    const ours = s.tree([blob('README', '1'), dir([blob('a', '4'), blob('b', '3')])]);
    const theirs = s.tree([
      blob('README', '5'),
      dir([blob('a', '2'), blob('b', '3'), blob('c', '6')])
    ]);

    const merged = await plainTreeMerge(s, base, ours, theirs);

    expect(merged).toBe(
      s.tree([blob('README', '5'), dir([blob('a', '4'), blob('b', '3'), blob('c', '6')])])
    );
    // One side unchanged: its tree is the other's, nothing written.
    s.written = 0;
    expect(await plainTreeMerge(s, base, ours, base)).toBe(ours);
    expect(await plainTreeMerge(s, base, base, theirs)).toBe(theirs);
    expect(s.written).toBe(0);
  });

  it('leaves to merge-tree a path both sides changed (even alike), a file against a directory, an emptied directory, an old mode', async () => {
    const s = memoryStore();
    const dir = (name: string, entries: TreeEntry[]): TreeEntry => ({
      mode: '40000',
      name,
      sha: s.tree(entries)
    });
    const base = s.tree([blob('a', '1'), dir('d', [blob('x', '2'), blob('y', '3')])]);
    const cases: Array<[string, TreeEntry[], TreeEntry[]]> = [
      ['both edit a', [blob('a', '4')], [blob('a', '5')]],
      ['both edit a alike', [blob('a', '4')], [blob('a', '4')]],
      ['one edits, one deletes', [blob('a', '4')], []],
      ['a file against a directory', [dir('a', [blob('z', '6')])], [blob('a', '7')]],
      [
        'a directory emptied between them',
        [blob('a', '1'), dir('d', [blob('y', '3')])],
        [blob('a', '1'), dir('d', [blob('x', '2')])]
      ],
      ['a mode git no longer writes', [blob('a', '1'), blob('n', '8', '100664')], [blob('a', '9')]]
    ];
    for (const [label, ours, theirs] of cases) {
      const withD = (entries: TreeEntry[]): TreeEntry[] =>
        entries.some(e => e.name === 'd')
          ? entries
          : [...entries, dir('d', [blob('x', '2'), blob('y', '3')])];
      expect([
        label,
        await plainTreeMerge(s, base, s.tree(withD(ours)), s.tree(withD(theirs)))
      ]).toEqual([label, null]);
    }
  });
});
