import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { archiveProblems, sortProblems, validatePaperFile, type PaperProblem, type ValidateOptions } from './validate-paper.ts';

/** What checking a whole papers folder found. */
export interface ArchiveValidation {
  /** The paper files, relative to the root. */
  files: string[];
  /** Every problem, sorted by file and line. */
  problems: PaperProblem[];
}

/**
 * Validates every paper file of a folder (`.md` and `.mdx`; files and folders
 * starting with `_` or `.` are not papers, as for the loader) and the
 * archive as a whole: what `papershelf check` reports, and what the build
 * reports when it stops.
 */
export async function validateArchiveFolder(root: string, papersDir: string, options: ValidateOptions): Promise<ArchiveValidation> {
  const folder = resolve(root, papersDir);
  const names = await readdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`there is no papers folder \`${papersDir}\` in ${root}; run from the site's root, or pass --papers`);
    throw new Error(`cannot read the papers folder \`${papersDir}\` (${error.code ?? error.message}); check its permissions`);
  });
  const files = names.filter((file) => /\.(md|mdx)$/.test(file) && !file.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))).sort();
  const problems: PaperProblem[] = [];
  const ids: { file: string; arxiv: unknown }[] = [];
  for (const name of files) {
    const file = relative(root, join(folder, name));
    const result = validatePaperFile(await readFile(join(folder, name), 'utf8'), file, options);
    problems.push(...result.problems);
    ids.push({ file, arxiv: result.data?.arxiv });
  }
  problems.push(...archiveProblems(ids));
  return { files: files.map((name) => relative(root, join(folder, name))), problems: sortProblems(problems) };
}
