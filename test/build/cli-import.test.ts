// The `papershelf import` command as a person runs it: summary, exit codes, and messages that say what to do.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot, run } from '../support/fixture-site.ts';

const cli = join(repoRoot, 'plugins', 'papershelf', 'dist', 'cli', 'index.js');
const seed = join(repoRoot, 'content', 'sources', '2025-08-27.txt');

describe('papershelf import', () => {
  it('imports the seed into a folder, then reports all 59 unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-papers-'));
    const first = await run(
      process.execPath,
      [cli, 'import', seed, '--format', 'daily', '--date', '2025-08-27', '--papers', dir],
      repoRoot,
    );
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/^created: 59$/m);
    expect(await readdir(dir)).toHaveLength(59);
    const again = await run(process.execPath, [cli, 'import', seed, '--date', '2025-08-27', '--papers', dir], repoRoot);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/^created: 0\nunchanged: 59$/m);
  });

  it('stops without --date, saying which flag to add', async () => {
    const result = await run(process.execPath, [cli, 'import', seed], repoRoot);
    expect(result.code).toBe(1);
    expect(result.output).toContain('the page shows the day 08/27 but no year; say which day it is with --date YYYY-08-27');
  });

  it('imports the other files when one daily page cannot be read, and says that one was not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-papers-'));
    const other = join(dir, '..', `${basename(dir)}-sep-3.txt`);
    await writeFile(other, 'Sep 3\n\nA Paper of Another Day\n\nWe study a problem. Our method solves it well.\n');
    const result = await run(process.execPath, [cli, 'import', seed, other, '--date', '2025-08-27', '--papers', dir], repoRoot);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^created: 59$/m);
    expect(result.output).toMatch(
      /sep-3\.txt:1: --date 2025-08-27 does not match the page's date line \(YYYY-09-03\).*; nothing was imported from this file$/m,
    );
    expect(await readdir(dir)).toHaveLength(59);
  });

  it('names a file it cannot read', async () => {
    const result = await run(process.execPath, [cli, 'import', 'no-such-page.txt', '--date', '2025-08-27'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.output).toContain('papershelf: cannot read `no-such-page.txt` (ENOENT); check the path');
  });
});
