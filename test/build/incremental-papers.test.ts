// Rebuild only what changed, and never show a stale page (1 of 2): with no change and after changes to papers —
// a paper's text, its tags, its date, its file's name, an author's name, a new paper — a build that reuses the last
// build's pages writes the same dist/, file for file and byte for byte, as a clean build of the same site. (Two
// files, so the two halves build side by side.)
import { describe, expect, it } from 'vitest';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paperFile, writeFixture } from '../support/fixture-site.ts';
import { build, expectSameAsCleanBuild, files, restoredCount } from '../support/incremental.ts';

describe('an incremental build after changes to papers', () => {
  it('equals a clean build, and says what it rendered and restored', async () => {
    const root = await writeFixture('incremental-papers', files);
    const first = await build(root);
    expect(first).toMatch(/pages and files: \d+ rendered, 0 restored from the last build \(no earlier build in the cache to reuse\)/);
    // Every build starts related papers on a worker as soon as the papers are loaded, where it fits in memory (a
    // first build too, finding every phrase afresh), and the model takes the worker's lists (same inputs, same key).
    expect(first).toMatch(/related papers computed on a second thread while Astro bundled/);

    const unchanged = await build(root);
    expect(restoredCount(unchanged)).toBeGreaterThan(15);
    expect(unchanged).toMatch(/related papers computed on a second thread while Astro bundled/);
    // No page changed, so the search index made from them is copied back rather than built again.
    expect(unchanged).toMatch(/search: no page changed since the last build, so its index was reused/);
    await expectSameAsCleanBuild(root);

    const changes: [string, () => Promise<void>][] = [
      ["a paper's text", () => appendFile(join(root, 'content/papers/c.md'), '\nNow about attention too.\n')],
      [
        "a paper's tags",
        async () => {
          const file = join(root, 'content/papers/b.md');
          await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2025-01-02', 'date: 2025-01-02\ntags: [vision]'));
        },
      ],
      [
        // Moves the paper to another day, between neighbours on the day it joins.
        "a paper's date",
        async () => {
          const file = join(root, 'content/papers/c.md');
          await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2025-01-01', 'date: 2025-01-02'));
        },
      ],
      [
        // Into the month before: both months' pages and data files change.
        "a paper's month",
        async () => {
          const file = join(root, 'content/papers/c.md');
          await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2025-01-02', 'date: 2024-12-31'));
        },
      ],
      [
        // Another slug: the old page, its /arxiv/ redirects and its place in every listing go.
        'a renamed paper file',
        () => rename(join(root, 'content/papers/d.md'), join(root, 'content/papers/d-renamed.md')),
      ],
      [
        "an author's name",
        async () => {
          const file = join(root, 'content/papers/a.md');
          await writeFile(file, (await readFile(file, 'utf8')).replace('"Alan Turing"', '"Alan M. Turing"'));
        },
      ],
      [
        'a new paper',
        () =>
          writeFile(
            join(root, 'content/papers/e.md'),
            paperFile(
              'title: A new paper on sparse attention\nauthors: ["Grace Hopper", "Ada Lovelace"]\ndate: 2025-01-03',
              'Sparse attention again.',
            ),
          ),
      ],
    ];
    for (const [what, change] of changes) {
      await change();
      const output = await build(root);
      expect(output, what).toMatch(/pages and files: \d+ rendered, \d+ restored from the last build/);
      expect(output, what).toMatch(/search: indexed \d+ pages into dist\/pagefind\//);
      expect(output, what).toMatch(/related papers computed on a second thread while Astro bundled/);
      await expectSameAsCleanBuild(root);
    }
  }, 300_000);
});
