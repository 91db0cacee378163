// Astro keeps a paper's rendered HTML, and restores the pages that show it, until the entry's digest changes; the
// digest is of the file and of Papershelf's rendering code, so a new version of that code renders every paper again.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import xxhash from 'xxhash-wasm';
import { astroBin, buildFixture, paperFile, repoRoot, run } from '../support/fixture-site.ts';

describe('rendered papers kept between builds', () => {
  it('are used while the file and the rendering code are the same, and rendered again when the digest is another', async () => {
    const source = paperFile('title: Fast\ndate: 2025-08-27', 'A fresh abstract with \\(7\\times\\) speedup.');
    const site = await buildFixture('render-code-cache', { 'content/papers/fast.md': source });
    expect(site.code, site.output).toBe(0);
    const store = join(site.root, 'node_modules', '.astro', 'data-store.json');
    const page = () => site.read('papers/fast/index.html');
    const rebuild = async () => {
      const build = await run(process.execPath, [astroBin, 'build', '--root', site.root], repoRoot);
      expect(build.code, build.output).toBe(0);
    };
    // The entry's digest is not the file's alone, as Astro would make it: another version of the code makes another.
    const digestOf = /"content\/papers\/fast\.md","([0-9a-f]{16})"/;
    const kept = await readFile(store, 'utf8');
    const { h64ToString } = await xxhash();
    expect(digestOf.exec(kept)?.[1]).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf.exec(kept)![1]).not.toBe(h64ToString(source));
    // What the cache holds is what the next build shows: mark it, and a rebuild with the same code shows the mark.
    await writeFile(store, kept.replaceAll('A fresh abstract', 'A kept abstract'));
    await rebuild();
    expect(await page()).toContain('A kept abstract');
    // As a build of another version finds the entry: its digest is not this version's, so it is rendered again.
    await writeFile(store, (await readFile(store, 'utf8')).replace(digestOf, '"content/papers/fast.md","0000000000000000"'));
    await rebuild();
    expect(await page()).toContain('A fresh abstract');
  }, 240_000);
});
