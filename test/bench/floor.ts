// The benchmark's floor: the same unified pipeline over the same files, one HTML file per paper, then Pagefind.
// No Astro. Run: node test/bench/floor.ts <site-root>; prints its phases as JSON on the last line.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import { parse } from 'yaml';
import * as pagefind from 'pagefind';

const root = process.argv[2]!;
const papers = join(root, 'content', 'papers');
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });
const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeStringify);
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

let started = performance.now();
for (const file of await readdir(papers)) {
  const source = await readFile(join(papers, file), 'utf8');
  const end = source.indexOf('\n---\n', 4);
  const data = parse(source.slice(4, end)) as { title: string };
  const html = String(await processor.process(source.slice(end + 5)));
  const slug = file.replace(/\.md$/, '');
  await mkdir(join(dist, 'papers', slug), { recursive: true });
  await writeFile(
    join(dist, 'papers', slug, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(data.title)}</title></head><body><article data-pagefind-body><h1>${escape(data.title)}</h1>${html}</article></body></html>`,
  );
}
const render = performance.now() - started;
started = performance.now();
const { index } = await pagefind.createIndex({});
await index!.addDirectory({ path: dist });
await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
await pagefind.close();
console.log(JSON.stringify({ render: render / 1000, pagefind: (performance.now() - started) / 1000 }));
