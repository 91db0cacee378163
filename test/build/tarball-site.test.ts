// A fresh Astro 7 site, outside this repository, gets the whole archive from the packed tarball of the plugin
// (`npm pack`), the README's few lines of config and nothing else — its `papershelf` bin included.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load } from 'cheerio';
import { paperFile, repoRoot, run } from '../support/fixture-site.ts';

const rootPackage = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('a fresh site from the packed plugin', () => {
  it('installs the tarball, builds the archive and runs the bin', async () => {
    const site = await mkdtemp(join(tmpdir(), 'papershelf-fresh-'));
    // npm test compiled the plugin already; --ignore-scripts keeps prepack from rewriting dist/ while other build tests read it.
    const pack = await run(
      'npm',
      ['pack', '--workspace', 'astro-papershelf', '--pack-destination', site, '--silent', '--ignore-scripts'],
      repoRoot,
    );
    expect(pack.code, pack.output).toBe(0);
    const tarball = (await readdir(site)).find((file) => file.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^astro-papershelf-.*\.tgz$/);
    await writeFile(
      join(site, 'package.json'),
      JSON.stringify(
        {
          name: 'fresh-site',
          private: true,
          type: 'module',
          dependencies: {
            astro: rootPackage.dependencies['astro'],
            '@astrojs/mdx': rootPackage.dependencies['@astrojs/mdx'],
            'astro-papershelf': `file:./${tarball}`,
          },
        },
        null,
        2,
      ),
    );
    await mkdir(join(site, 'src'), { recursive: true });
    await writeFile(
      join(site, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import mdx from '@astrojs/mdx';",
        "import papershelf from 'astro-papershelf';",
        "export default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf()] });",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(site, 'src', 'content.config.ts'),
      [
        "import { defineCollection } from 'astro:content';",
        "import { papersLoader, paperSchema } from 'astro-papershelf/content';",
        'export const collections = { papers: defineCollection({ loader: papersLoader(), schema: paperSchema() }) };',
        '',
      ].join('\n'),
    );
    await mkdir(join(site, 'content', 'papers'), { recursive: true });
    await writeFile(
      join(site, 'content', 'papers', 'one.md'),
      paperFile(
        'title: A fresh paper on $k$-sparse attention\nauthors: ["Ada Lovelace"]\ndate: 2025-01-01\ntags: [attention]',
        'Sparse attention in \\(O(n)\\).',
      ),
    );
    const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], site);
    expect(install.code, install.output).toBe(0);
    const linked = await readFile(join(site, 'node_modules', 'astro-papershelf', 'package.json'), 'utf8');
    expect(JSON.parse(linked).name).toBe('astro-papershelf');
    const build = await run(process.execPath, [join(site, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], site);
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('search: indexed 1 page into dist/pagefind/');
    const page = load(await readFile(join(site, 'dist', 'papers', 'one', 'index.html'), 'utf8'));
    expect(page('h1 .katex annotation').text()).toBe('k');
    expect(page('.paper-tags a').attr('href')).toBe('/tags/attention/');
    // The bin as npm linked it for the site (a committed file, executable), on the project's Node.
    const check = await run(join(site, 'node_modules', '.bin', 'papershelf'), ['check'], site, {
      PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    });
    expect(check.output.trim()).toBe('checked 1 paper: no problems');
  }, 300_000);
});
