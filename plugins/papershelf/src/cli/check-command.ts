import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPaper, type FileProblem } from '../content/check-paper.ts';
import { findDuplicatePapers } from '../content/duplicate-papers.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import { VocabularyError } from '../taxonomy/vocabulary-problem.ts';
import { reservedSlugs } from '../archive/build-archive.ts';
import { findTemporaryFiles } from '../import/temporary-files.ts';
import { readSiteOptions } from './site-options.ts';

/**
 * `papershelf check`: every paper file checked as the build would (schema,
 * tags, duplicates, math, reserved names), without building, with the
 * settings of the site's own `papershelf()` call (paths, free tags, KaTeX
 * macros); flags override them. Prints each problem as `file:line: message`
 * and a count; returns 1 when there is any.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      papers: { type: 'string' },
      tags: { type: 'string' },
      'free-tags': { type: 'boolean' },
    },
  });
  const root = process.cwd();
  const { options } = await readSiteOptions(root);
  const papersDir = values.papers ?? options.paths.papers;
  const tagsFile = values.tags ?? options.paths.tags;
  const freeTags = values['free-tags'] ?? options.freeTags;
  const lines: string[] = [];
  let vocabulary;
  try {
    const { definitions } = readVocabularyFile(root, tagsFile);
    vocabulary = definitions && !freeTags ? compileVocabulary(definitions, tagsFile) : undefined;
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    lines.push(...error.problems.map((p) => `${tagsFile}${p.line ? `:${p.line}` : ''}: ${p.message}`));
  }
  const folder = resolve(root, papersDir);
  const files = (await readdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`there is no papers folder \`${papersDir}\` in ${root}; run from the site's root, or pass --papers`);
    throw new Error(`cannot read the papers folder \`${papersDir}\` (${error.code ?? error.message}); check its permissions`);
  }))
    .filter((file) => /\.(md|mdx)$/.test(file) && !file.split('/').some((part) => part.startsWith('_') || part.startsWith('.')))
    .sort();
  const ids: { file: string; arxiv: unknown }[] = [];
  for (const file of files) {
    const shown = relative(root, join(folder, file));
    const result = checkPaper(await readFile(join(folder, file), 'utf8'), { vocabulary, vocabularyFile: tagsFile, macros: options.macros });
    const slug = file.replace(/\.(md|mdx)$/, '').split('/').at(-1)!;
    const problems: FileProblem[] = [...result.problems];
    if (reservedSlugs.includes(slug)) problems.push({ line: undefined, message: `the file name \`${slug}\` is the address of an archive page; rename the file` });
    lines.push(...problems.map((p) => `${shown}${p.line ? `:${p.line}` : ''}: ${p.message}`));
    ids.push({ file: shown, arxiv: result.arxiv });
  }
  for (const duplicate of findDuplicatePapers(ids)) lines.push(`${duplicate.files[1]}: arXiv ${duplicate.arxiv} is also in ${duplicate.files.filter((_, i) => i !== 1).join(', ')}; keep one file per paper`);
  for (const file of await findTemporaryFiles(folder)) {
    lines.push(`${relative(root, join(folder, file))}: a temporary file left by an interrupted import; delete it (the next \`papershelf import\` removes it too)`);
  }
  for (const line of lines) console.log(line);
  const papers = `${files.length} ${files.length === 1 ? 'paper' : 'papers'}`;
  console.log(lines.length === 0 ? `checked ${papers}: no problems` : `checked ${papers}: ${lines.length} ${lines.length === 1 ? 'problem' : 'problems'}`);
  return lines.length > 0 ? 1 : 0;
}
