import { resolve } from 'node:path';
import type { ImportedPaper } from '../import/imported-paper.ts';
import { writePapers } from '../import/write-papers.ts';
import { tagByKeywords } from '../import/keyword-tags.ts';
import { applyWithdrawnPolicy, type WithdrawnPolicy } from '../import/withdrawn-papers.ts';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import { readVocabularyFile } from '../taxonomy/read-vocabulary-file.ts';
import { formatSummary } from './import-summary.ts';
import { progressReporter } from './progress.ts';
import { brokenFormulasIn } from './written-formulas.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';

/** How `import` and `add` write what they read. */
export interface WriteImportedOptions {
  root: string;
  /** The papers folder, relative to the root. */
  papersDir: string;
  /** The vocabulary file; asked only when a record has keywords, so the site's config is read only then. */
  tagsFile: () => Promise<string>;
  force: boolean;
  dryRun: boolean;
  withdrawn: WithdrawnPolicy;
  /** The word of the progress line: `importing`, `adding`. */
  progressLabel: string;
  /** The site's KaTeX macros; asked only when a written formula fails without them. */
  macros: () => Promise<KatexMacros>;
}

/**
 * The common end of `import` and `add`: withdrawn papers marked or left
 * out, keywords turned into the vocabulary's tags, the papers written
 * (`writePapers`), their formulas checked (`brokenFormulasIn`), then the
 * problems on stderr and the summary on stdout.
 * Returns the exit code: 1 when any record had a problem, or a file of the
 * folder cannot be matched against.
 */
export async function writeImported(
  papers: readonly ImportedPaper[],
  problems: readonly string[],
  options: WriteImportedOptions,
): Promise<number> {
  const { papers: kept, marked, skipped } = applyWithdrawnPolicy(papers, options.withdrawn);
  let keywords;
  let toWrite = kept;
  if (kept.some((paper) => paper.keywords?.length)) {
    const vocabularyFile = await options.tagsFile();
    const { definitions } = readVocabularyFile(options.root, vocabularyFile);
    const tagged = tagByKeywords(kept, definitions ? compileVocabulary(definitions, vocabularyFile) : undefined);
    toWrite = tagged.papers;
    keywords = { unmatched: tagged.unmatched, vocabularyFile, hasVocabulary: definitions !== undefined };
  }
  const summary = await writePapers(toWrite, {
    dir: resolve(options.root, options.papersDir),
    root: options.root,
    force: options.force,
    dryRun: options.dryRun,
    onProgress: progressReporter(options.progressLabel),
  });
  // A dry run wrote no file to check; `check` finds the same formulas once the papers are written.
  const formulas = options.dryRun ? [] : await brokenFormulasIn(summary.created, options.root, options.macros);
  // The sources' problems, then the folder's and the records' that writing found: each is an error of this import.
  const errors = [...problems, ...summary.problems, ...formulas, ...summary.notWritten];
  for (const error of errors) console.error(error);
  console.log(formatSummary(summary, { errors: errors.length, dryRun: options.dryRun, withdrawn: { marked, skipped }, keywords }));
  return errors.length > 0 ? 1 : 0;
}
