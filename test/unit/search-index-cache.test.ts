// The last build's search index, kept beside Astro's cache: reused only while the pages it was made from and the
// index's own files are unchanged.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchIndexCache } from '../../plugins/papershelf/src/integration/search-index-cache.ts';

async function site(): Promise<{ dist: string; folder: string }> {
  const root = await mkdtemp(join(tmpdir(), 'search-index-cache-'));
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'papers', 'a'), { recursive: true });
  await writeFile(join(dist, 'papers', 'a', 'index.html'), '<article data-pagefind-body>A</article>');
  // Stands in for what Pagefind wrote.
  await mkdir(join(dist, 'pagefind', 'fragment'), { recursive: true });
  await writeFile(join(dist, 'pagefind', 'pagefind-entry.json'), '{"version":"1"}');
  await writeFile(join(dist, 'pagefind', 'pagefind-ui.js'), 'ui();');
  await writeFile(join(dist, 'pagefind', 'fragment', 'en_1.pf_fragment'), 'fragment');
  return { dist, folder: join(root, 'cache') };
}

describe('searchIndexCache', () => {
  it('restores the index into an emptied dist/ while no page changed', async () => {
    const { dist, folder } = await site();
    await (await searchIndexCache(dist, folder, {})).save();
    await rm(join(dist, 'pagefind'), { recursive: true });
    expect(await (await searchIndexCache(dist, folder, {})).restore()).toBe(true);
    expect(await readFile(join(dist, 'pagefind', 'pagefind-ui.js'), 'utf8')).toBe('ui();');
  });

  it('is not reused after a page changed', async () => {
    const { dist, folder } = await site();
    await (await searchIndexCache(dist, folder, {})).save();
    await writeFile(join(dist, 'papers', 'a', 'index.html'), '<article data-pagefind-body>A, edited</article>');
    expect(await (await searchIndexCache(dist, folder, {})).restore()).toBe(false);
  });

  it('is not reused after something rewrote one of its files in dist/ (the cache shares them)', async () => {
    const { dist, folder } = await site();
    await (await searchIndexCache(dist, folder, {})).save();
    // As a minifier run after the build would: the same file, rewritten in place.
    await writeFile(join(dist, 'pagefind', 'pagefind-ui.js'), 'ui( )');
    expect(await (await searchIndexCache(dist, folder, {})).restore()).toBe(false);
  });
});
