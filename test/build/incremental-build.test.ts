// Rebuild only what changed, and never show a stale page: after each kind of change, a build that reuses the last
// build's pages writes a dist/ equal, file for file and byte for byte, to a clean build of the same site.
import { describe, expect, it } from 'vitest';
import { cp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';

const config = (title: string) =>
  `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf({ title: '${title}' })] });\n`;

const files = {
  'astro.config.mjs': config('Shelf'),
  'content/tags.yml':
    '- id: attention\n  label: Attention\n  match: [attention]\n- id: sparse-attention\n  label: Sparse attention\n  parent: attention\n- id: vision\n  label: Vision\n',
  'content/papers/a.md': paperFile(
    'title: Sparse attention at scale\nauthors: ["Ada Lovelace", "Alan Turing"]\ndate: 2025-01-02\narxiv: 2401.00001\ntags: [sparse-attention]',
    'Sparse attention with \\(O(n)\\) cost for long inputs.',
  ),
  'content/papers/b.md': paperFile(
    'title: Dense attention revisited\nauthors: ["Alan Turing"]\ndate: 2025-01-02',
    'Dense attention for long inputs, compared with sparse attention.',
  ),
  'content/papers/c.md': paperFile(
    'title: Seeing in the dark\nauthors: ["Grace Hopper"]\ndate: 2025-01-01\ntags: [vision]',
    'A vision model for night images.',
  ),
  'content/papers/d.md': paperFile(
    'title: Vision transformers for attention maps\nauthors: ["Ada Lovelace"]\ndate: 2024-12-30\ntags: [vision]',
    'Attention maps of vision models.',
  ),
};

/** Every file under a folder, relative to it, with its bytes. */
async function tree(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const out = new Map<string, Buffer>();
  for (const entry of entries
    .filter((e) => e.isFile())
    .sort((a, b) => a.parentPath.localeCompare(b.parentPath) || a.name.localeCompare(b.name))) {
    const path = join(entry.parentPath, entry.name);
    out.set(relative(folder, path), await readFile(path));
  }
  return out;
}

async function build(root: string): Promise<string> {
  const result = await run(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

/** Builds the site from scratch in a copy with no cache, and compares its dist/ with the incremental one's. */
async function expectSameAsCleanBuild(root: string): Promise<void> {
  const clean = `${root}-clean`;
  await rm(clean, { recursive: true, force: true });
  await cp(root, clean, {
    recursive: true,
    filter: (source) => !/\/(?:dist|node_modules|\.astro)(?:\/|$)/.test(relative(root, source) ? `/${relative(root, source)}` : ''),
  });
  await build(clean);
  const [incremental, fresh] = await Promise.all([tree(join(root, 'dist')), tree(join(clean, 'dist'))]);
  expect([...incremental.keys()]).toEqual([...fresh.keys()]);
  const differing = [...fresh].filter(([path, bytes]) => !incremental.get(path)!.equals(bytes)).map(([path]) => path);
  expect(differing).toEqual([]);
}

const restoredCount = (output: string) =>
  Number(/pages and files: \d+ rendered, (\d+) restored from the last build/.exec(output)?.[1] ?? NaN);

describe('an incremental build', () => {
  it('equals a clean build after every kind of change, and says what it rendered and restored', async () => {
    const root = await writeFixture('incremental', files);
    const first = await build(root);
    expect(first).toMatch(/pages and files: \d+ rendered, 0 restored from the last build \(no earlier build in the cache to reuse\)/);

    const unchanged = await build(root);
    const keyed = restoredCount(unchanged);
    expect(keyed).toBeGreaterThan(15);
    await expectSameAsCleanBuild(root);

    const changes: [string, () => Promise<void>][] = [
      ["a paper's text", () => appendFile(join(root, 'content/papers/c.md'), '\nNow about attention too.\n')],
      [
        "a paper's tags",
        async () =>
          writeFile(
            join(root, 'content/papers/b.md'),
            (await readFile(join(root, 'content/papers/b.md'), 'utf8')).replace('date: 2025-01-02', 'date: 2025-01-02\ntags: [vision]'),
          ),
      ],
      [
        'a new paper',
        () =>
          writeFile(
            join(root, 'content/papers/e.md'),
            paperFile(
              'title: A new paper on sparse attention\nauthors: ["Grace Hopper", "Ada Lovelace"]\ndate: 2025-01-03',
              'Sparse attention again.',
            ),
          ),
      ],
      ['a deleted paper', () => rm(join(root, 'content/papers/d.md'))],
      [
        'tags.yml',
        async () =>
          writeFile(
            join(root, 'content/tags.yml'),
            (await readFile(join(root, 'content/tags.yml'), 'utf8')).replace('label: Vision', 'label: Computer vision'),
          ),
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
