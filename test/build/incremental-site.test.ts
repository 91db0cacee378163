// Rebuild only what changed, and never show a stale page (2 of 2): after a deleted paper, a change to tags.yml, a
// change to an option and files an earlier build left in dist/, a build that reuses the last build's pages writes the
// same dist/, file for file and byte for byte, as a clean build; and one edit restores most pages.
import { describe, expect, it } from 'vitest';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFixture } from '../support/fixture-site.ts';
import { build, config, expectSameAsCleanBuild, files, restoredCount } from '../support/incremental.ts';

describe('an incremental build after changes to the site', () => {
  it('equals a clean build, and restores what one edit did not touch', async () => {
    const root = await writeFixture('incremental-site', files);
    await build(root);

    const changes: [string, () => Promise<void>][] = [
      ['a deleted paper', () => rm(join(root, 'content/papers/d.md'))],
      [
        'tags.yml',
        async () => {
          const file = join(root, 'content/tags.yml');
          await writeFile(file, (await readFile(file, 'utf8')).replace('label: Vision', 'label: Computer vision'));
        },
      ],
      ['an option', () => writeFile(join(root, 'astro.config.mjs'), config('Another shelf'))],
      [
        'files left in dist/ by an earlier build',
        async () => {
          await mkdir(join(root, 'dist/papers/gone'), { recursive: true });
          await writeFile(join(root, 'dist/papers/gone/index.html'), '<p>A paper deleted long ago</p>');
          await writeFile(join(root, 'dist/_astro/old.css'), 'p{}');
        },
      ],
    ];
    for (const [what, change] of changes) {
      await change();
      const output = await build(root);
      expect(output, what).toMatch(/pages and files: \d+ rendered, \d+ restored from the last build/);
      // dist/ is kept between builds; what this build did not write or restore is removed, and the build says so.
      if (what === 'a deleted paper' || what.startsWith('files left'))
        expect(output, what).toMatch(/removed \d+ files? left by earlier builds/);
      // Otherwise nothing is stale: not even the sitemap, which its integration writes again after the pages.
      else expect(output, what).not.toMatch(/removed \d+ files?/);
      // The deleted paper's three /arxiv/ pages (its id and two versions) go with it.
      if (what === 'a deleted paper') expect(output).toContain('arxiv: 1 redirect page (0 written, 1 unchanged)');
      await expectSameAsCleanBuild(root);
    }

    // One edit re-renders the pages that show that paper, and restores the rest.
    await appendFile(join(root, 'content/papers/a.md'), '\nOne more sentence.\n');
    expect(restoredCount(await build(root))).toBeGreaterThan(10);
  }, 300_000);
});
