import type { ImportSummary, MatchedFile } from '../import/write-papers.ts';

/** What an import found besides the files it wrote, for the summary. */
export interface SummaryNotes {
  /** Records that could not be imported, or only in part (listed above the summary). */
  errors: number;
  dryRun: boolean;
}

/** The closing summary: a count per outcome, each with its file names; for a paper already there, the fields that changed. */
export function formatSummary(summary: ImportSummary, notes: SummaryNotes): string {
  const section = (label: string, lines: string[]) => [`${label}: ${lines.length}`, ...lines.map((line) => `  ${line}`)];
  const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;
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
