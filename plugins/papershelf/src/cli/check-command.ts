import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPaths } from '../defaults.ts';
import { checkPaper, type FileProblem } from '../content/check-paper.ts';
import { findDuplicatePapers } from '../content/duplicate-papers.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import { VocabularyError } from '../taxonomy/vocabulary-problem.ts';
import { reservedSlugs } from '../archive/build-archive.ts';

/**
 * `papershelf check`: every paper file checked as the build would (schema,
 * tags, duplicates, math, reserved names), without building. Prints each
 * problem as `file:line: message` and a count; returns 1 when there is any.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      papers: { type: 'string', default: defaultPaths.papers },
      tags: { type: 'string', default: defaultPaths.tags },
      'free-tags': { type: 'boolean', default: false },
    },
  });
  const root = process.cwd();
  const lines: string[] = [];
  let vocabulary;
  try {
    const { definitions } = readVocabularyFile(root, values.tags);
    vocabulary = definitions && !values['free-tags'] ? compileVocabulary(definitions, values.tags) : undefined;
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    lines.push(...error.problems.map((p) => `${values.tags}${p.line ? `:${p.line}` : ''}: ${p.message}`));
  }
  const folder = resolve(root, values.papers);
  const files = (await readdir(folder, { recursive: true }).catch(() => {
    throw new Error(`cannot read the papers folder \`${values.papers}\`; run from the site's root or pass --papers`);
  }))
    .filter((file) => /\.(md|mdx)$/.test(file) && !file.split('/').some((part) => part.startsWith('_')))
    .sort();
  const ids: { file: string; arxiv: unknown }[] = [];
  for (const file of files) {
    const shown = relative(root, join(folder, file));
    const result = checkPaper(await readFile(join(folder, file), 'utf8'), { vocabulary, vocabularyFile: values.tags });
    const slug = file.replace(/\.(md|mdx)$/, '').split('/').at(-1)!;
    const problems: FileProblem[] = [...result.problems];
    if (reservedSlugs.includes(slug)) problems.push({ line: undefined, message: `the file name \`${slug}\` is the address of an archive page; rename the file` });
    lines.push(...problems.map((p) => `${shown}${p.line ? `:${p.line}` : ''}: ${p.message}`));
    ids.push({ file: shown, arxiv: result.arxiv });
  }
  for (const duplicate of findDuplicatePapers(ids)) lines.push(`${duplicate.files[1]}: arXiv ${duplicate.arxiv} is also in ${duplicate.files.filter((_, i) => i !== 1).join(', ')}; keep one file per paper`);
  for (const line of lines) console.log(line);
  console.log(lines.length === 0 ? `checked ${files.length} ${files.length === 1 ? "paper" : "papers"}: no problems` : `checked ${files.length} ${files.length === 1 ? "paper" : "papers"}: ${lines.length} ${lines.length === 1 ? 'problem' : 'problems'}`);
  return lines.length > 0 ? 1 : 0;
}
