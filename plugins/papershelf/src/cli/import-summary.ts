import type { ImportSummary, MatchedFile } from '../import/write-papers.ts';
import type { ImportedPaper } from '../import/imported-paper.ts';
import type { UnmatchedKeyword } from '../import/keyword-tags.ts';

/** What an import found besides the files it wrote, for the summary. */
export interface SummaryNotes {
  /** Records that could not be imported, or only in part (listed above the summary). */
  errors: number;
  dryRun: boolean;
  /** Withdrawn papers written with their mark (`--withdrawn mark`) or left out (`--withdrawn skip`). */
  withdrawn?: { marked: readonly ImportedPaper[]; skipped: readonly ImportedPaper[] };
  /** Keywords that stand for no tag, and the vocabulary file they were looked up in. */
  keywords?: { unmatched: readonly UnmatchedKeyword[]; vocabularyFile: string; hasVocabulary: boolean } | undefined;
}

/** The closing summary: a count per outcome, each with its file names; for a paper already there, the fields that changed. */
export function formatSummary(summary: ImportSummary, notes: SummaryNotes): string {
  const section = (label: string, lines: string[]) => [`${label}: ${lines.length}`, ...lines.map((line) => `  ${line}`)];
  const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;
  const { marked = [], skipped = [] } = notes.withdrawn ?? {};
  const withdrawnLine = (paper: ImportedPaper) => `${paper.source}: ${paper.arxiv ?? ''} "${paper.title}", withdrawn ${paper.withdrawn}`;
  const unmatched = notes.keywords?.unmatched ?? [];
  const lines = [
    notes.dryRun ? 'Dry run: nothing was written.' : '',
    ...section('created', summary.created),
    ...section('unchanged', summary.unchanged),
    `enriched: ${files(summary.enriched.length)}`,
    ...summary.enriched.map((file) => `  ${file.file}: ${enrichedFields(file)}`),
    ...section(
      'exists (kept as written; --force takes the values of this source, never its abstract)',
      summary.exists.map((file) => `${file.file}: differs in ${file.kept.join(', ')}`),
    ),
    ...(summary.repeated.length ? section('repeated (listed again in this import; the first listing is imported)', summary.repeated) : []),
    ...(marked.length
      ? section('withdrawn (written with `withdrawn: <day>`; --withdrawn skip leaves them out)', marked.map(withdrawnLine))
      : []),
    ...(skipped.length ? section('skipped (withdrawn; --withdrawn mark writes them with a mark)', skipped.map(withdrawnLine)) : []),
    ...(unmatched.length ? keywordSection(unmatched, notes.keywords!) : []),
    ...(summary.notWritten.length ? [`not written: ${summary.notWritten.length} (listed above, with why)`] : []),
    ...(summary.removedTemporary.length ? section('removed (temporary files of an interrupted import)', summary.removedTemporary) : []),
    `errors: ${notes.errors}${notes.errors ? ' (listed above, with their lines)' : ''}`,
  ];
  return lines.filter((line) => line !== '').join('\n');
}

function enrichedFields(file: MatchedFile): string {
  return [
    file.added.length ? `added ${file.added.join(', ')}` : '',
    file.updated.length ? `updated ${file.updated.join(', ')} (--force)` : '',
    file.kept.length ? `kept ${file.kept.join(', ')} as written` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function keywordSection(unmatched: readonly UnmatchedKeyword[], keywords: NonNullable<SummaryNotes['keywords']>): string[] {
  const where = keywords.hasVocabulary
    ? `add one to ${keywords.vocabularyFile} as an alias or a rule to tag papers by it`
    : `there is no ${keywords.vocabularyFile}; write one to tag papers by keywords`;
  return [
    `keywords that match no tag (not made tags; ${where}): ${unmatched.length}`,
    ...unmatched.map((k) => `  ${k.keyword}${k.papers > 1 ? ` (${k.papers} papers)` : ''}`),
  ];
}
