// The content worker checks and renders paper files on a second thread in a build: it must answer exactly what the
// main thread would, and lose no file when it stops. The worker only exists compiled, so this test loads the
// compiled plugin (`npm test` compiles it first). The build test `content-worker-site` compares whole content syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperValidator, type ValidatorSetup } from '../../plugins/papershelf/dist/content/paper-validator.js';
import { contentWorker } from '../../plugins/papershelf/dist/content/content-worker-client.js';
import { workerEntryTypes, workerRenderer, type RenderSetup } from '../../plugins/papershelf/dist/content/worker-render.js';
import type { LoaderContext } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
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
const render: RenderSetup = {
  shared: { image: {}, syntaxHighlight: 'prism', shikiConfig: {}, gfm: true, smartypants: false },
  unified: { remarkRehype: {}, gfm: undefined, smartypants: false },
  pipeline: { macros: { '\\vx': '\\mathbf{x}' }, root: '' },
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'validator-'));
  await mkdir(join(root, 'content', 'papers'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, 'content', 'papers', name), text);
  setup = {
    root,
    definitions: [{ id: 'sparse-attention', label: 'Sparse attention', aliases: ['sparse attn'], match: [] }],
    vocabularyFile: 'content/tags.yml',
  };
  render.pipeline.root = root;
});
afterAll(() => rm(root, { recursive: true, force: true }));

const paths = () => Object.keys(files).map((name) => join(root, 'content', 'papers', name));
const onThisThread = () => Promise.all(paths().map((path) => paperValidator(setup, undefined)(path)));

describe('the content worker', () => {
  it('finds on the worker what the main thread finds', async () => {
    const worker = contentWorker({ validator: setup, render: undefined }, { startAfter: 0, queueLimit: Infinity });
    const validate = paperValidator(setup, worker);
    const found = await Promise.all(paths().map((path) => validate(path)));
    expect(worker.thread).toBe('worker');
    expect(worker.done.validate).toBe(paths().length);
    worker.close();
    expect(found).toEqual(await onThisThread());
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

  // The same renderer on both threads: this checks what crosses between them. The build test compares with Astro's own.
  it('answers a render task as its renderer does on this thread, failed formulas and macros included', async () => {
    const worker = contentWorker({ validator: setup, render }, { startAfter: 0, queueLimit: Infinity });
    const here = await workerRenderer(render);
    const entries = [
      {
        data: { title: 'A' },
        body: 'Inline $O(n^2)$ and \\(\\vx^d\\), display:\n\n$$\\sum_i x_i$$\n\nA broken $\\frac{1}{$ one.',
        filePath: paths()[0]!,
      },
      { data: { date: new Date('2025-08-27') }, body: '```python\nprint(1)\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |' },
    ];
    const there = await Promise.all(entries.map((entry) => worker.ask({ kind: 'render', entry })));
    expect(worker.done.render).toBe(entries.length);
    worker.close();
    expect(there).toEqual(await Promise.all(entries.map((entry) => here({ id: '', ...entry }))));
    expect((there[0] as { html: string }).html).toContain('mathbf');
  });

  it("uses the worker's rendering only once it has rendered the test paper as this thread does", async () => {
    const asAstro = await workerRenderer(render);
    const entry = { id: 'one', data: {}, body: 'Some $x^2$ text.' };
    const withHere = async (here: (e: typeof entry) => Promise<unknown>) => {
      const worker = contentWorker({ validator: setup, render }, { startAfter: 0, queueLimit: Infinity });
      let differs = 0;
      const markdown = {
        extensions: ['.md'],
        getEntryInfo: () => ({}),
        getRenderFunction: async () => here,
      } as unknown as ContentEntryType;
      const context = { entryTypes: new Map([['.md', markdown]]) } as unknown as LoaderContext;
      const types = workerEntryTypes(context, worker, () => differs++).entryTypes!;
      const renderEntry = await types.get('.md')!.getRenderFunction!({} as never);
      const results = [await renderEntry(entry), await renderEntry(entry)];
      const done = worker.done.render;
      worker.close();
      return { results, differs, done };
    };
    // A main thread that renders as the worker does: the worker's answers are used.
    const same = await withHere((e) => asAstro(e));
    expect(same.differs).toBe(0);
    expect(same.done).toBe(3); // the test paper, then both entries
    expect(same.results).toEqual([await asAstro(entry), await asAstro(entry)]);
    // A main thread that renders otherwise (another Astro, another plugin): its own rendering is used, and said.
    const other = await withHere(async (e) => ({ html: `<p>other ${e.body}</p>`, metadata: {} }));
    expect(other.differs).toBe(1);
    expect(other.results).toEqual([
      { html: '<p>other Some $x^2$ text.</p>', metadata: {} },
      { html: '<p>other Some $x^2$ text.</p>', metadata: {} },
    ]);
  });

  it('starts only after `startAfter` tasks, and leaves a task to this thread when it has enough waiting', async () => {
    const worker = contentWorker({ validator: setup, render: undefined }, { startAfter: 3, queueLimit: 2 });
    const ask = (path: string) => worker.ask({ kind: 'validate', filePath: path });
    expect(await Promise.all(paths().slice(0, 3).map(ask))).toEqual([undefined, undefined, undefined]);
    expect(worker.thread).toBe('this');
    const answers = await Promise.all(paths().slice(0, 5).map(ask));
    expect(worker.thread).toBe('worker');
    expect(answers.map((answer) => answer !== undefined)).toEqual([true, true, false, false, false]);
    expect(worker.done.validate).toBe(2);
    // `now` skips the queue (the renderer's check of the worker).
    const more = await Promise.all([
      ...paths().slice(0, 3).map(ask),
      worker.ask({ kind: 'validate', filePath: paths()[0]! }, { now: true }),
    ]);
    expect(more.map((answer) => answer !== undefined)).toEqual([true, true, false, true]);
    worker.close();
  });

  it('checks the files the worker still had on this thread when it is stopped, and every later one', async () => {
    const expected = await onThisThread();
    const worker = contentWorker({ validator: setup, render: undefined }, { startAfter: 0, queueLimit: Infinity });
    const validate = paperValidator(setup, worker);
    const found = Promise.all(paths().map((path) => validate(path)));
    worker.close();
    expect(worker.thread).toBe('this');
    expect(await found).toEqual(expected);
    expect(await validate(paths()[0]!)).toEqual(expected[0]);
  });
});
