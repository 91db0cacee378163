// The content sync's validator checks paper files on a worker thread in a build: it must find exactly what the
// same checks find on this thread, and lose no file when the worker stops. The worker only exists compiled, so this
// test loads the compiled plugin (`npm test` compiles it first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperValidator, workerPays, type ValidatorSetup } from '../../plugins/papershelf/dist/content/paper-validator.js';
import { paperFile } from '../support/fixture-site.ts';

let root: string;
let setup: ValidatorSetup;
const files: Record<string, string> = {
  'good.md': paperFile('title: 1984\nauthors: [Ada Lovelace]\ndate: 2025-08-27\narxiv: 2006.04760\ntags: [sparse attn]', 'Text.'),
  'bad-yaml.md': paperFile('title: [unclosed\ndate: 2025-08-27', 'Text.'),
  'impossible-day.md': paperFile('title: A paper\ndate: 2025-02-30', 'Text.'),
  'unknown-tag.md': paperFile('title: A paper\ndate: 2025-08-27\ntags: [sparse attention, no such tag]', 'Text.'),
  'no-frontmatter.md': 'Just text.\n',
};
// Many files, so that some are still with the worker when it is stopped.
for (let i = 0; i < 200; i++)
  files[`many-${i}.md`] = paperFile(`title: Paper ${i}\ndate: 2025-08-${String((i % 28) + 1).padStart(2, '0')}`, 'Text.');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'validator-'));
  await mkdir(join(root, 'content', 'papers'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, 'content', 'papers', name), text);
  setup = {
    root,
    definitions: [{ id: 'sparse-attention', label: 'Sparse attention', aliases: ['sparse attn'], match: [] }],
    vocabularyFile: 'content/tags.yml',
  };
});
afterAll(() => rm(root, { recursive: true, force: true }));

const paths = () => Object.keys(files).map((name) => join(root, 'content', 'papers', name));

describe('paperValidator', () => {
  it('finds on the worker what it finds on this thread', async () => {
    const here = paperValidator(setup, { worker: false });
    const there = paperValidator(setup, { worker: true });
    expect(here.thread).toBe('this');
    expect(there.thread).toBe('worker');
    const expected = await Promise.all(paths().map((path) => here.validate(path)));
    const found = await Promise.all(paths().map((path) => there.validate(path)));
    expect(there.thread).toBe('worker');
    there.close();
    expect(found).toEqual(expected);
    const byFile = Object.fromEntries(Object.keys(files).map((name, i) => [name, found[i]!]));
    expect(byFile['good.md']).toEqual({
      problems: [],
      frontmatter: { title: '1984', authors: ['Ada Lovelace'], date: '2025-08-27', arxiv: '2006.04760', tags: ['sparse attn'] },
    });
    expect(byFile['bad-yaml.md']!.problems.map((p) => [p.file, p.line])).toEqual([['content/papers/bad-yaml.md', 3]]);
    expect(byFile['impossible-day.md']!.problems[0]).toMatchObject({ file: 'content/papers/impossible-day.md', line: 3 });
    expect(byFile['impossible-day.md']!.frontmatter).toMatchObject({ date: '2025-02-30' });
    expect(byFile['unknown-tag.md']!.problems).toEqual([
      expect.objectContaining({ file: 'content/papers/unknown-tag.md', line: 4, message: expect.stringContaining('no such tag') }),
    ]);
    expect(byFile['no-frontmatter.md']!.problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('has no frontmatter') }),
    ]);
  });

  it('checks the files the worker still had on this thread when it is stopped, and every later one', async () => {
    const expected = await Promise.all(paths().map((path) => paperValidator(setup, { worker: false }).validate(path)));
    const validator = paperValidator(setup, { worker: true });
    const found = Promise.all(paths().map((path) => validator.validate(path)));
    validator.close();
    expect(validator.thread).toBe('this');
    expect(await found).toEqual(expected);
    expect(await validator.validate(paths()[0]!)).toEqual(expected[0]);
  });
});

describe('workerPays', () => {
  it('starts a worker for 2,000 paper files or more, counting Markdown files in subfolders', async () => {
    const site = await mkdtemp(join(tmpdir(), 'validator-count-'));
    try {
      await mkdir(join(site, 'papers', '2025'), { recursive: true });
      for (let i = 0; i < 1999; i++) await writeFile(join(site, 'papers', '2025', `p${i}.${i % 2 ? 'md' : 'mdx'}`), '');
      await writeFile(join(site, 'papers', 'notes.txt'), '');
      expect(await workerPays(site, 'papers')).toBe(false);
      await writeFile(join(site, 'papers', 'one-more.md'), '');
      expect(await workerPays(site, 'papers')).toBe(true);
      expect(await workerPays(site, 'no-such-folder')).toBe(false);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
