// One KaTeX in the tree: rehype-katex's own katex 0.16 would emit markup the 0.19 stylesheet draws wrongly.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function katexCopies(dir: string, depth = 0): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'katex' && basename(dir) === 'node_modules') found.push(path);
    else if (depth < 6) found.push(...(await katexCopies(path, depth + 1)));
  }
  return found;
}

describe('katex', () => {
  it('is installed once, at the version the site and rehype-katex share', async () => {
    const copies = await katexCopies(join(root, 'node_modules'));
    expect(copies).toEqual([join(root, 'node_modules', 'katex')]);
    const { version } = JSON.parse(await readFile(join(copies[0]!, 'package.json'), 'utf8')) as { version: string };
    const site = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(version).toBe(site.dependencies['katex']);
    // It walks the whole of node_modules: a few seconds when the build tests share the machine, past Vitest's 5 s.
  }, 60_000);
});
