// A content sync of a large archive checks and renders paper files on a second thread: the content store it writes
// must be the one a sync on the main thread alone writes (PAPERSHELF_CONTENT_WORKER=0), byte for byte.
import { describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';

const vocabulary = `
- id: attention
  label: Attention
  match: [attention]
- id: sparse-attention
  label: Sparse attention
  parent: attention
  match: ["/sparse attention/i"]
`;

/** 1,000 papers, so that the worker starts (after 500 tasks, two a file) and takes a good share of the rest. */
function papers(): Record<string, string> {
  const files: Record<string, string> = { 'content/tags.yml': vocabulary };
  for (let i = 0; i < 1000; i++) {
    const body = [
      `Paper ${i} on sparse attention in $O(n \\log n)$ time, with \\(\\vx^{${i}}\\) and an ümlaut.`,
      i % 3 === 0 ? `$$\\sum_{k=1}^{${i}} \\frac{1}{k^2}$$` : 'No display formula here.',
      i % 50 === 7 ? 'A formula that fails: $\\frac{1}{$ and one that is undefined: $\\softmx(x)$.' : '',
      i % 40 === 1 ? '```python\nprint("code")\n```' : '',
    ].join('\n\n');
    files[`content/papers/paper-${String(i).padStart(3, '0')}.md`] = paperFile(
      `title: "Sparse attention ${i}: $k$ heads"\nauthors: ["Ada Lovelace", "Author ${i}"]\ndate: 2025-0${(i % 9) + 1}-1${i % 10}\ntags: [${i % 2 ? 'attention' : ''}]`,
      body,
    );
  }
  return files;
}

async function sync(root: string, env: NodeJS.ProcessEnv): Promise<{ output: string; store: Buffer }> {
  const store = join(root, 'node_modules', '.astro', 'data-store.json');
  await rm(store, { force: true });
  const { code, output } = await run(process.execPath, [astroBin, 'sync', '--root', root], repoRoot, env);
  expect(code, output).toBe(0);
  return { output, store: await readFile(store) };
}

describe('content worker', () => {
  it('writes the content store a sync on the main thread writes, byte for byte, and says how much it did', async () => {
    const root = await writeFixture('content-worker-site', papers(), "{ macros: { '\\\\vx': '\\\\mathbf{x}' } }");
    const withWorker = await sync(root, {});
    const without = await sync(root, { PAPERSHELF_CONTENT_WORKER: '0' });
    const line = /content: (\d+) paper files checked and (\d+) rendered on a second thread/.exec(withWorker.output);
    expect(line, withWorker.output).not.toBeNull();
    // The worker's share depends on how busy the machine is (7 of 1,000 once, with other builds running): some, at least.
    expect(Number(line![1])).toBeGreaterThan(0);
    expect(Number(line![2])).toBeGreaterThan(0);
    expect(without.output).not.toContain('on a second thread');
    expect(withWorker.store.length).toBeGreaterThan(1000 * 1000);
    expect(withWorker.store.equals(without.store)).toBe(true);
    // The store holds what a reader sees: rendered formulas, the site's macro, the failed formula's mark.
    const text = withWorker.store.toString();
    expect(text).toContain('mathbf');
    expect(text).not.toMatch(/Undefined control sequence: \\+vx/); // the site's macro, on either thread
    expect(text).toContain('data-math-error');
  }, 240_000);
});
