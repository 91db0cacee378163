// Rebuild only what changed, and never show a stale page (2 of 2): after a deleted paper, a change to tags.yml and a
// change to an option, a build that reuses the last build's pages writes the same dist/, file for file and byte for
// byte, as a clean build; and one edit restores most pages.
import { describe, expect, it } from 'vitest';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
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
    ];
    for (const [what, change] of changes) {
      await change();
      const output = await build(root);
      expect(output, what).toMatch(/pages and files: \d+ rendered, \d+ restored from the last build/);
      await expectSameAsCleanBuild(root);
    }

    // One edit re-renders the pages that show that paper, and restores the rest.
    await appendFile(join(root, 'content/papers/a.md'), '\nOne more sentence.\n');
    expect(restoredCount(await build(root))).toBeGreaterThan(10);
  }, 300_000);
});
