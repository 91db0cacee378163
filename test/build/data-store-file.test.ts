// A static build reads the content layer's data store from its file rather than from a string literal of the
// whole store compiled into the bundle (see data-store-from-file.ts): the bundled module is read back, as Rolldown
// wrote it, by a plugin of the fixture's own.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixture, paperFile } from '../support/fixture-site.ts';

// Writes the code of every bundled chunk that holds Astro's data store module, with the environment's name.
const config = `import { defineConfig } from 'astro/config';
import { appendFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import papershelf from 'astro-papershelf';
const capture = {
  name: 'capture-data-store-chunk',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk' && chunk.moduleIds.includes('\\0astro:data-layer-content'))
        appendFileSync(new URL('./store-chunks.txt', import.meta.url), '--- ' + this.environment.name + '\\n' + chunk.code + '\\n');
  },
};
export default defineConfig({ site: 'https://example.org', vite: { plugins: [capture] }, integrations: [mdx(), papershelf()] });
`;

describe('the data store in a build', () => {
  it('is read from its file, and every page still shows its paper', async () => {
    const site = await buildFixture('data-store-file', {
      'astro.config.mjs': config,
      'content/papers/one.md': paperFile('title: Ünïcode and “quotes” in $x^2$\ndate: 2025-01-02', 'About \\(\\alpha\\) — with a “quote”.'),
      'content/papers/two.md': paperFile('title: Second paper\ndate: 2025-01-01', 'Plain text.'),
    });
    expect(site.code, site.output).toBe(0);
    const chunks = await readFile(join(site.root, 'store-chunks.txt'), 'utf8');
    // The bundle names the file and holds none of the store: no paper's text, no inlined JSON.
    expect(chunks).toContain('readFileSync(');
    expect(chunks).toContain(JSON.stringify(join(site.root, 'node_modules', '.astro', 'data-store.json')));
    expect(chunks).not.toMatch(/JSON\.parse\("/);
    expect(chunks).not.toContain('Second paper');
    const one = await site.read('papers/one/index.html');
    expect(one).toContain('Ünïcode and “quotes” in');
    expect(one).toContain('— with a “quote”.');
    expect(one).toContain('class="katex"');
    expect(await site.read('papers/two/index.html')).toContain('Plain text.');
  }, 120_000);
});
