import { readFile } from 'node:fs/promises';
import { resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteOptions } from './site-options.ts';
import { dailyPapers } from '../import/daily-papers.ts';
import { arxivFeedPapers } from '../import/arxiv-feed.ts';
import { bibtexPapers } from '../import/bibtex-papers.ts';
import { detectFormat, importFormats, type ImportFormat } from '../import/detect-format.ts';
import { today } from './today.ts';
import { writePapers } from '../import/write-papers.ts';
import { formatSummary } from './import-summary.ts';
import type { ImportedPaper } from '../import/imported-paper.ts';
import { progressReporter } from './progress.ts';

/** `papershelf import`: reads the files, writes the papers, prints a summary. Returns the exit code. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      papers: { type: 'string' },
    },
  });
  if (positionals.length === 0)
    throw new Error('import needs a file: papershelf import <file…> [--format daily|arxiv|bibtex] [--date YYYY-MM-DD]');
  if (values.format !== undefined && !(importFormats as readonly string[]).includes(values.format)) {
    throw new Error(
      `unknown --format \`${values.format}\`; use ${importFormats.map((f) => `\`${f}\``).join(', ')}, or leave it out to detect the format`,
    );
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error(`--date \`${values.date}\` is not YYYY-MM-DD`);

  const root = process.cwd();
  const papersDir = values.papers ?? (await readSiteOptions(root)).options.paths.papers;
  const papers: ImportedPaper[] = [];
  const problems: string[] = [];
  for (const file of positionals) {
    const shown = relative(root, resolve(file)) || file;
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read \`${shown}\` (${error.code ?? error.message}); check the path, relative to ${root}`);
    });
    const format = (values.format as ImportFormat | undefined) ?? detectFormat(text);
    if (format === 'daily') {
      const result = dailyPapers(text, shown, values.date);
      if (!result.ok) {
        console.error(result.message);
        return 1;
      }
      papers.push(...result.papers);
      problems.push(...result.problems.map((p) => `${shown}:${p.line}: ${p.message}`));
    } else {
      // arXiv and BibTeX records join the archive on --date, today by default.
      const result =
        format === 'arxiv' ? arxivFeedPapers(text, shown, values.date ?? today()) : bibtexPapers(text, shown, values.date ?? today());
      papers.push(...result.papers);
      problems.push(...result.problems.map((p) => `${shown}:${p.line}: ${p.message}`));
    }
  }
  const summary = await writePapers(papers, {
    dir: resolve(root, papersDir),
    root,
    force: values.force,
    dryRun: values['dry-run'],
    onProgress: progressReporter('importing'),
  });
  for (const problem of problems) console.error(problem);
  console.log(formatSummary(summary, { errors: problems.length, dryRun: values['dry-run'] }));
  return problems.length > 0 ? 1 : 0;
}
