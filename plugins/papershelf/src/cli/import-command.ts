import { readFile } from 'node:fs/promises';
import { resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sitePaths } from './site-options.ts';
import { dailyPapers } from '../import/daily-papers.ts';
import { arxivFeedPapers } from '../import/arxiv-feed.ts';
import { bibtexPapers } from '../import/bibtex-papers.ts';
import { hfDailyPapers } from '../import/hf-daily-papers.ts';
import { detectFormat, importFormats, type ImportFormat } from '../import/detect-format.ts';
import { importText } from '../import/import-text.ts';
import { withdrawnPolicy } from '../import/withdrawn-papers.ts';
import type { ImportResult } from '../import/import-result.ts';
import { today } from './today.ts';
import type { ImportedPaper } from '../import/imported-paper.ts';
import { writeImported } from './write-imported.ts';
import { checkDateFlag } from './date-flag.ts';

/** `papershelf import`: reads the files, writes the papers, prints a summary. Returns the exit code. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      date: { type: 'string' },
      withdrawn: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      papers: { type: 'string' },
      tags: { type: 'string' },
    },
  });
  if (positionals.length === 0)
    throw new Error(`import needs a file: papershelf import <file…> [--format ${importFormats.join('|')}] [--date YYYY-MM-DD]`);
  if (values.format !== undefined && !(importFormats as readonly string[]).includes(values.format)) {
    throw new Error(
      `unknown --format \`${values.format}\`; use ${importFormats.map((f) => `\`${f}\``).join(', ')}, or leave it out to detect the format`,
    );
  }
  checkDateFlag(values.date);
  const withdrawn = withdrawnPolicy(values.withdrawn);

  const root = process.cwd();
  const paths = sitePaths(root, values);
  const papersDir = await paths.papersToWrite();
  const papers: ImportedPaper[] = [];
  const problems: string[] = [];
  for (const file of positionals) {
    const shown = relative(root, resolve(file)) || file;
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read \`${shown}\` (${error.code ?? error.message}); check the path, relative to ${root}`);
    });
    const { text, note } = importText(bytes, shown);
    if (note) console.error(note);
    const format = (values.format as ImportFormat | undefined) ?? detectFormat(text, file);
    let result: ImportResult;
    if (format === 'daily') {
      const daily = dailyPapers(text, shown, values.date);
      // A page that cannot be read as a whole (no date line, a --date it does not show) is an error of its own: the
      // other files are still imported.
      if (!daily.ok) {
        problems.push(`${daily.message}; nothing was imported from this file`);
        continue;
      }
      result = daily;
    } else if (format === 'hf') {
      // A saved daily list: its papers join on --date when given, else on the day each was on the list.
      result = hfDailyPapers(text, shown, values.date);
    } else {
      // arXiv and BibTeX records join the archive on --date, today by default.
      const reader = format === 'arxiv' ? arxivFeedPapers : bibtexPapers;
      result = reader(text, shown, values.date ?? today());
    }
    for (const line of result.notes ?? []) console.error(`${shown}: ${line}`);
    papers.push(...result.papers);
    problems.push(...result.problems.map((p) => `${shown}:${p.line}: ${p.message}`));
  }
  return writeImported(papers, problems, {
    root,
    papersDir,
    tagsFile: paths.tags,
    macros: paths.macros,
    force: values.force,
    dryRun: values['dry-run'],
    withdrawn,
    progressLabel: 'importing',
  });
}
