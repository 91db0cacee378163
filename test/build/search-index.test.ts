// The build's Pagefind step on a fixture: only paper pages, the count printed, and maxFragments honoured.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixture, paperFile } from '../support/fixture-site.ts';

const papers = Object.fromEntries(
  Array.from({ length: 7 }, (_, i) => [
    `content/papers/p${i}.md`,
    paperFile(`title: Paper number ${i}\ndate: 2025-08-2${i}\ntags: [t${i % 2}]`, `Abstract ${i} about attention.`),
  ]),
);

describe('the search index', () => {
  it('indexes only the paper pages, says how many, and bundles fragments under maxFragments', async () => {
    const site = await buildFixture('search-index', papers, { integration: '{ search: { maxFragments: 2 } }' });
    expect(site.code, site.output).toBe(0);
    expect(site.output).toMatch(/search: indexed 7 pages into dist\/pagefind\/ \(\d+ files, \d+ KB\) in \d+\.\d s/);
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([7]);
    const fragments = await readdir(join(site.root, 'dist', 'pagefind', 'fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(2);
  }, 120_000);
});
