// Times `papershelf import` of N synthetic records (an arXiv API feed and a .bib file) into an empty folder, then again.
// Run (with the project's Node 24, which runs TypeScript): npx node test/bench/time-import.ts 10000
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { random, paperMarkdown } from './generate-corpus.ts';

const count = Number(process.argv[2] ?? 10000);
const cli = join(import.meta.dirname, '..', '..', 'plugins', 'papershelf', 'dist', 'cli', 'index.js');
const next = random(7);
const records = Array.from({ length: count }, (_, i) => {
  const source = paperMarkdown(i, next);
  const title = /title: "(.*)"/.exec(source)![1]!;
  const authors = JSON.parse(/authors: (\[.*\])/.exec(source)![1]!) as string[];
  return {
    id: `${2400 + (i % 12) + 1}.${String(10000 + i).padStart(5, '0')}`,
    title,
    authors,
    abstract: source.slice(source.indexOf('\n---\n', 4) + 5).trim(),
  };
});
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const atom = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${records
  .map(
    (r) =>
      `<entry><id>http://arxiv.org/abs/${r.id}v1</id><published>2024-01-01T00:00:00Z</published><title>${escapeXml(r.title)}</title><summary>${escapeXml(r.abstract)}</summary>${r.authors.map((a) => `<author><name>${escapeXml(a)}</name></author>`).join('')}<arxiv:primary_category term="cs.LG"/></entry>`,
  )
  .join('\n')}\n</feed>\n`;
// A braced BibTeX field holds balanced braces as they are: the abstracts' formulas (`\mathrm{softmax}`) keep theirs.
const bib = records
  .map(
    (r, i) =>
      `@misc{k${i},\n  title = {${r.title}},\n  author = {${r.authors.join(' and ')}},\n  year = {2024},\n  eprint = {${r.id.replace('24', '23')}},\n  archivePrefix = {arXiv},\n  abstract = {${r.abstract}}\n}\n`,
  )
  .join('\n');

const dir = await mkdtemp(join(tmpdir(), 'time-import-'));
for (const [name, text] of [
  ['feed.xml', atom],
  ['library.bib', bib],
] as const) {
  await writeFile(join(dir, name), text);
  const papers = join(dir, `papers-${name}`);
  await mkdir(papers);
  for (const round of ['first', 'again']) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'import', join(dir, name), '--date', '2025-01-01', '--papers', papers], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${name} (${count} records), ${round} import: ${seconds} s, exit ${result.status}; ${result.stdout
        .split('\n')
        .filter((l) => /^(created|unchanged|errors):/.test(l))
        .join(', ')}`,
    );
  }
}
await rm(dir, { recursive: true, force: true });
