// An incremental build compared with a clean build of the same site: a fixture archive, and the comparison of their
// dist/ folders, file for file and byte for byte.
import { expect } from 'vitest';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { astroBin, paperFile, repoRoot, run } from './fixture-site.ts';

/** The fixture's Astro config, with the site's title (an option) as given. */
export const config = (title: string) =>
  `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx(), papershelf({ title: '${title}' })] });\n`;

/** A small archive: two days and a year end, tags with a parent and a rule, shared authors, arXiv ids (one with versions). */
export const files = {
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
    'title: Vision transformers for attention maps\nauthors: ["Ada Lovelace"]\ndate: 2024-12-30\narxiv: 2412.00004v2\ntags: [vision]',
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

/** Builds a site, expecting success, and returns its output. */
export async function build(root: string): Promise<string> {
  const result = await run(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

/** Builds the site from scratch in a copy with no cache, and compares its dist/ with the incremental one's. */
export async function expectSameAsCleanBuild(root: string): Promise<void> {
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

/** How many pages and files a build restored from the last one, from its own report. */
export const restoredCount = (output: string) =>
  Number(/pages and files: \d+ rendered, (\d+) restored from the last build/.exec(output)?.[1] ?? NaN);
