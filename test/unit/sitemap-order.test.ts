// The sitemap is handed its pages already sorted, so its own sort is a single pass: the file it writes must be the
// one it writes on its own, from pages in any order.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration } from 'astro';
import { givenPagesInOrder } from '../../plugins/papershelf/src/integration/sitemap.ts';

const configs = [
  { site: 'https://example.org', base: '/archive/', trailingSlash: 'ignore', build: { format: 'directory' } },
  // Astro gives the base without its slash here: @astrojs/sitemap adds it at the first page below the home page.
  { site: 'https://example.org', base: '/archive', trailingSlash: 'never', build: { format: 'directory' } },
];
const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: 'sitemap' };

// Numbers that sort differently as text, letters of other scripts, an upper-case segment, the home page.
const pages = [
  '',
  'papers/paper-10/',
  'papers/paper-9/',
  'papers/paper-100/',
  'tags/zürich/',
  'tags/Zebra/',
  'tags/zebra/',
  'tags/αβ/',
  'date/2025-08-27/',
  'date/2025-08-27/2/',
  'date/2025-08-27/10/',
  'authors/é/',
  'authors/e/',
];

async function written(integration: AstroIntegration, order: readonly string[], config: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sitemap-order-'));
  const hooks = integration.hooks as Record<string, (params: unknown) => unknown>;
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config: config as AstroConfig });
  try {
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: order.map((pathname) => ({ pathname })), logger });
    return await readFile(join(dir, 'sitemap-0.xml'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function shuffled(list: readonly string[], seed: number): string[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('givenPagesInOrder', () => {
  it.each(configs)('writes the sitemap @astrojs/sitemap writes on its own, from pages in any order (%o)', async (config) => {
    // On its own, the home page's address depends on whether a page below it came first; after them all, it ends in "/".
    const homeLast = [...pages.filter((p) => p !== ''), ''];
    const alone = await written(sitemap(), homeLast, config);
    expect(alone).toContain('<loc>https://example.org/archive/papers/paper-9/</loc>');
    expect(alone).toContain('<loc>https://example.org/archive/</loc>');
    for (const seed of [1, 2, 3, 4]) {
      const order = shuffled(pages, seed);
      expect(await written(givenPagesInOrder(sitemap()), order, config)).toBe(alone);
    }
    expect(await written(givenPagesInOrder(sitemap()), pages, config)).toBe(alone);
  });

  it('leaves an integration without a build:done hook as it is', () => {
    const integration: AstroIntegration = { name: 'other', hooks: {} };
    expect(givenPagesInOrder(integration)).toBe(integration);
  });
});
