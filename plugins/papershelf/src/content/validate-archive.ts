import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { archiveProblems, sortProblems, validatePaperFile, type ArchiveFile, type PaperProblem, type ValidateOptions } from './validate-paper.ts';
import { paperIdOf } from './paper-id.ts';
import { fileNameProblem, isPaperFileName } from './paper-file-name.ts';

/** What checking a whole papers folder found. */
export interface ArchiveValidation {
  /** The paper files, relative to the root. */
  files: string[];
  /** Every problem, sorted by file and line. */
  problems: PaperProblem[];
  /** What is worth saying but does not fail (see `PaperValidation.notes`), sorted the same way. */
  notes: PaperProblem[];
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
    if (error.code === 'ENOTDIR') throw new Error(`\`${papersDir}\` is a file, not a folder; pass the folder of paper files (such as content/papers)`);
    throw new Error(`cannot read the papers folder \`${papersDir}\` (${error.code ?? error.message}); check its permissions`);
  });
  const files = names.filter(isPaperFileName).sort();
  const problems: PaperProblem[] = [];
  const notes: PaperProblem[] = [];
  const ids: ArchiveFile[] = [];
  for (const name of files) {
    const file = relative(root, join(folder, name));
    const named = fileNameProblem(name);
    if (named) problems.push({ file, message: named });
    const source = await readFile(join(folder, name), 'utf8').catch((error: NodeJS.ErrnoException) => error);
    if (source instanceof Error) {
      problems.push({ file, message: unreadableMessage(source) });
      continue;
    }
    const result = validatePaperFile(source, file, { ...options, root });
    problems.push(...result.problems);
    notes.push(...(result.notes ?? []));
    // The id as written, even when another field is wrong: a duplicate is worth knowing about now, not after the fix.
    ids.push({ file, id: paperIdOf(name), arxiv: result.frontmatter?.['arxiv'] });
  }
  problems.push(...archiveProblems(ids));
  return { files: files.map((name) => relative(root, join(folder, name))), problems: sortProblems(problems), notes: sortProblems(notes) };
}

/** Why a paper file could not be read, and what to do: a folder named like a paper, a link to a file that is gone. */
function unreadableMessage(error: NodeJS.ErrnoException): string {
  if (error.code === 'EISDIR') return 'is a folder, not a paper file; rename it so it does not end in .md or .mdx';
  if (error.code === 'ENOENT') return 'cannot be read: it is a link to a file that is not there; remove the link or restore the file';
  return `cannot be read (${error.code ?? error.message}); check its permissions`;
}
