import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { formatProblem, validatePaperFile } from '../content/validate-paper.ts';

/** What every formula, closed or not, starts with: a dollar sign or a backslash before a parenthesis or bracket. */
const mayHoldFormula = /\$|\\[([]/;

/**
 * The formulas KaTeX cannot render in the files an import wrote, as `check`
 * reports them (`file:line: formula … : why`): the source's own TeX (a brace
 * left open), which the import keeps as written. The build shows such a
 * formula as TeX and reports it; the import says so at once. Checked without
 * the site's macros first, so the site's config is read only when a formula fails.
 */
export async function brokenFormulasIn(files: readonly string[], root: string, macros: () => Promise<KatexMacros>): Promise<string[]> {
  const read = await Promise.all(files.map(async (file) => ({ file, source: await readFile(resolve(root, file), 'utf8') })));
  // A file without `$`, `\(` or `\[` has no formula to fail; reading it again as Markdown and YAML cost about half a
  // millisecond a file, a fifth of a 3,000-record arXiv import's CPU profile. Not `hasTex`: to it an opener left
  // unclosed is text, and the check reports one.
  const sources = read.filter(({ source }) => mayHoldFormula.test(source));
  const problemsWith = (withMacros: KatexMacros, of: typeof sources) =>
    of.flatMap(({ file, source }) => validatePaperFile(source, file, { vocabularyFile: '', math: { macros: withMacros } }).problems);
  const failing = problemsWith({}, sources);
  if (failing.length === 0) return [];
  const again = problemsWith(
    await macros(),
    sources.filter(({ file }) => failing.some((problem) => problem.file === file)),
  );
  return again.map(
    (problem) => `${formatProblem(problem)}; the paper is written: fix the formula in its file (its page shows it as TeX until then)`,
  );
}
