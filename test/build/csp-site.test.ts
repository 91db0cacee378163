// A site whose Content Security Policy comes from an integration set up after Papershelf, and lists script sources
// of its own: every page still allows the archive's script files ('self') and KaTeX's style attributes.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

// A hash the site lists for a script of its own (one it makes at run time, say): every page keeps it.
const configuredHash = 'sha256-7dQJvwmMGcY4lRHsmXtJBfzMaT7BWvG3qsNNdIUiFbo=';
const config = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import papershelf from 'astro-papershelf';
const laterCsp = {
  name: 'later-csp',
  hooks: {
    'astro:config:setup': ({ updateConfig }) =>
      // Config set up by an integration is not filled in with defaults: the algorithm is named.
      updateConfig({
        security: {
          csp: {
            algorithm: 'SHA-256',
            scriptDirective: { resources: ['https://stats.example.org'], hashes: ['${configuredHash}'] },
          },
        },
      }),
  },
};
export default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf(), laterCsp] });
`;

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture('csp-site', {
    'astro.config.mjs': config,
    'content/papers/one.md': paperFile('title: One\ndate: 2025-01-02', 'With \\(x^2\\).'),
    // A page of the site's own, which Papershelf leaves as Astro makes it.
    'src/pages/about.astro': '<html><head><title>About</title></head><body><p>About.</p></body></html>',
  });
}, 240_000);

const policy = (html: string) => load(html)('meta[http-equiv="content-security-policy"]').attr('content') ?? '';

describe('a CSP set by a later integration, with script sources of its own', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
  });

  it.each(['papers/one/index.html', 'index.html', 'search/index.html'])('%s allows its script files and KaTeX', async (file) => {
    const csp = policy(await site.read(file));
    expect(csp).toMatch(/script-src[^;]*'self'/);
    expect(csp).toMatch(/script-src[^;]*https:\/\/stats\.example\.org/);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    const $ = load(await site.read(file));
    // Every script of the archive is a file of the site ('self' covers it), none inline: so the page lists no
    // hash, where Astro lists the hash of every script and stylesheet of the site.
    expect($('script:not([src])').length).toBe(0);
    expect(csp.replace(`'${configuredHash}'`, '')).not.toContain("'sha256-");
    expect(csp).toContain(`'${configuredHash}'`);
  });

  it("leaves the policy of the site's own pages as Astro makes it, with the hashes of the site's files", async () => {
    const csp = policy(await site.read('about/index.html'));
    expect(csp).toMatch(/script-src[^;]*'sha256-/);
    expect((csp.match(/'sha256-/g) ?? []).length).toBeGreaterThan(1);
  });

  it('lets only the search page compile WebAssembly', async () => {
    expect(policy(await site.read('search/index.html'))).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(policy(await site.read('papers/one/index.html'))).not.toContain('wasm-unsafe-eval');
  });
});
