import { readFrontmatter } from '../content/read-frontmatter.ts';
import { validatePaperFile } from '../content/validate-paper.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { paperFileContent, paperFileData } from './paper-file.ts';

/** Fields without which there is no paper file: a record whose value of one fails is not written. */
const requiredFields = new Set(['title', 'date']);

/** A record as it may be written, and what was wrong with it. */
export type RecordValidation =
  /** `content`: the file a new paper is written as; `leftOut`: one message per optional value rejected, which the paper is written without. */
  { ok: true; paper: ImportedPaper; content: string; leftOut: string[] } | { ok: false; message: string };

/**
 * A record checked as the file it becomes, with the build's own validator,
 * so an import never writes a paper that `check` and the build then reject:
 * an optional value that fails (`published: 2023-02-29`) is left out and
 * reported; a record whose title or date fails is not written.
 */
export function validateRecord(paper: ImportedPaper, file: string): RecordValidation {
  const content = paperFileContent(paper);
  const { problems } = validatePaperFile(content, file, { vocabularyFile: '' });
  if (problems.length === 0) return { ok: true, paper, content, leftOut: [] };
  const frontmatter = readFrontmatter(content)!;
  const fields = Object.keys(paperFileData(paper));
  const fieldAt = (line: number | undefined) => fields.find((field) => frontmatter.lineOf(field) === line);
  const failing = problems.map((problem) => ({ field: fieldAt(problem.line), message: problem.message }));
  const fatal = failing.find(({ field }) => field === undefined || requiredFields.has(field));
  if (fatal) return { ok: false, message: `"${paper.title}" not written: ${fatal.message}; fix the record and import again` };
  const kept = { ...paper };
  for (const { field } of failing) delete (kept as Partial<ImportedPaper>)[field as keyof ImportedPaper];
  const keptContent = paperFileContent(kept);
  const recheck = validatePaperFile(keptContent, file, { vocabularyFile: '' }).problems[0];
  if (recheck) return { ok: false, message: `"${paper.title}" not written: ${recheck.message}; fix the record and import again` };
  return {
    ok: true,
    paper: kept,
    content: keptContent,
    leftOut: failing.map(
      ({ message }) => `${message}; left out of "${paper.title}" (the rest of it is imported): fix the record and import again to add it`,
    ),
  };
}
