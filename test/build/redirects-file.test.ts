// arXiv redirects as one `_redirects` file (Netlify, Cloudflare Pages) instead of a page per id: the rules follow the
// base path and trailingSlash, cover each address with and without its trailing slash (Cloudflare matches exactly),
// lead to pages that exist, and no /arxiv/ page is written; the site's own file wins.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixture, paperFile } from '../support/fixture-site.ts';

const papers = {
  'content/papers/one.md': paperFile('title: One\ndate: 2025-01-02\narxiv: 2401.00001v2', 'First.'),
  'content/papers/two.md': paperFile('title: Two\ndate: 2025-01-01\narxiv: hep-th/9901001', 'Second.'),
  'content/papers/three.md': paperFile('title: Three, no id\ndate: 2025-01-01', 'Third.'),
};
const config = (extra: string, where = "base: '/archive', trailingSlash: 'always'") =>
  `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ site: 'https://example.org', ${where}, integrations: [mdx(), papershelf({ arxivRedirects: 'redirects-file' })]${extra} });\n`;

describe("arxivRedirects: 'redirects-file'", () => {
  it('writes every /arxiv/ address as a rule to its paper, and no redirect page', async () => {
    const site = await buildFixture('redirects-file', { ...papers, 'astro.config.mjs': config('') });
    expect(site.code, site.output).toBe(0);
    expect((await site.read('_redirects')).split('\n')).toEqual([
      '/archive/arxiv/2401.00001/ /archive/papers/one/ 301',
      '/archive/arxiv/2401.00001 /archive/papers/one/ 301',
      '/archive/arxiv/2401.00001v1/ /archive/papers/one/ 301',
      '/archive/arxiv/2401.00001v1 /archive/papers/one/ 301',
      '/archive/arxiv/2401.00001v2/ /archive/papers/one/ 301',
      '/archive/arxiv/2401.00001v2 /archive/papers/one/ 301',
      '/archive/arxiv/hep-th/9901001/ /archive/papers/two/ 301',
      '/archive/arxiv/hep-th/9901001 /archive/papers/two/ 301',
      '',
    ]);
    // Built under a base path, the rules work only from the root of what a host publishes: the build says so.
    expect(site.output).toContain('the site is built under /archive/, and Netlify and Cloudflare Pages read _redirects only at the root');
    await expect(site.read('papers/one/index.html')).resolves.toContain('<h1');
    expect(await readdir(join(site.root, 'dist'))).not.toContain('arxiv');
  }, 120_000);

  it("writes the site's own address form first at the root with trailingSlash 'never', and warns of nothing", async () => {
    const site = await buildFixture('redirects-file-never', { ...papers, 'astro.config.mjs': config('', "trailingSlash: 'never'") });
    expect(site.code, site.output).toBe(0);
    expect((await site.read('_redirects')).split('\n').slice(0, 2)).toEqual([
      '/arxiv/2401.00001 /papers/one 301',
      '/arxiv/2401.00001/ /papers/one 301',
    ]);
    expect(site.output).not.toContain('_redirects only at the root');
    expect(site.output).not.toContain('redirect rules');
  }, 120_000);

  it("leaves the site's own _redirects alone and says so", async () => {
    const site = await buildFixture('redirects-file-own', {
      ...papers,
      'astro.config.mjs': config(''),
      'public/_redirects': '/old /new 301\n',
    });
    expect(site.code, site.output).toBe(0);
    expect(await site.read('_redirects')).toBe('/old /new 301\n');
    expect(site.output).toContain("public/_redirects is the site's own, so the /arxiv/ redirects are not written into it");
  }, 120_000);
});
