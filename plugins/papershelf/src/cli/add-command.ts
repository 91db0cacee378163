import { parseArgs } from 'node:util';
import { sitePaths } from './site-options.ts';
import { arxivBaseId, parseArxivId } from '../content/arxiv-id.ts';
import { arxivFeedPapers } from '../import/arxiv-feed.ts';
import { withdrawnPolicy } from '../import/withdrawn-papers.ts';
import type { ImportedPaper } from '../import/imported-paper.ts';
import { writeImported } from './write-imported.ts';
import { fetchHfDays } from './add-hf-days.ts';
import { today } from './today.ts';
import { checkDateFlag } from './date-flag.ts';

/** arXiv's API; `PAPERSHELF_ARXIV_API` points elsewhere (a mirror, or saved responses in tests). */
const apiUrl = () => process.env['PAPERSHELF_ARXIV_API'] ?? 'https://export.arxiv.org/api/query';
/** arXiv asks for no more than one request every three seconds. */
const pauseMs = () => Number(process.env['PAPERSHELF_ARXIV_PAUSE_MS'] ?? 3000);
const idsPerRequest = 50;

/**
 * `papershelf add <arxiv-id…>`: fetches the papers from the arXiv API and
 * writes them like `import`; `add --hf-date <day> [--to <day>]` fetches
 * Hugging Face's daily lists of those days instead.
 */
export async function runAdd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      'hf-date': { type: 'string' },
      to: { type: 'string' },
      withdrawn: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      papers: { type: 'string' },
      tags: { type: 'string' },
    },
  });
  const withdrawn = withdrawnPolicy(values.withdrawn);
  const fromHf = values['hf-date'] !== undefined || values.to !== undefined;
  if (fromHf && values['hf-date'] === undefined)
    throw new Error('--to needs --hf-date, the first day: papershelf add --hf-date 2025-08-27 --to 2025-09-02');
  if (fromHf && positionals.length > 0) throw new Error('add takes arXiv ids or --hf-date, not both; run it once for each');
  if (fromHf && values.date !== undefined)
    throw new Error('--date does not go with --hf-date: papers from Hugging Face join the archive on the day they were listed');
  const root = process.cwd();
  const paths = sitePaths(root, values);
  // Before anything is fetched: a folder that is not the site's is refused at once.
  const papersDir = await paths.papersToWrite();
  const { papers, problems } = fromHf ? await fetchHfDays(values['hf-date']!, values.to) : await fetchArxivIds(positionals, values.date);
  return writeImported(papers, problems, {
    root,
    papersDir,
    tagsFile: paths.tags,
    macros: paths.macros,
    force: values.force,
    dryRun: values['dry-run'],
    withdrawn,
    progressLabel: 'adding',
  });
}

async function fetchArxivIds(positionals: string[], date: string | undefined): Promise<{ papers: ImportedPaper[]; problems: string[] }> {
  if (positionals.length === 0)
    throw new Error(
      "add needs arXiv ids or a day of Hugging Face's list: papershelf add 2006.04768 math/0211159, or papershelf add --hf-date 2025-08-27",
    );
  const bad = positionals.filter((id) => !parseArxivId(id));
  if (bad.length > 0)
    throw new Error(
      `not arXiv ids: ${bad.map((id) => `\`${id}\``).join(', ')}; write them as 2006.04768, 2006.04768v3, math/0211159 or an arxiv.org URL`,
    );
  checkDateFlag(date);
  const ids = positionals.map((id) => parseArxivId(id)!);
  const papers: ImportedPaper[] = [];
  const problems: string[] = [];
  for (let start = 0; start < ids.length; start += idsPerRequest) {
    if (start > 0) await new Promise((r) => setTimeout(r, pauseMs()));
    const batch = ids.slice(start, start + idsPerRequest);
    const url = `${apiUrl()}?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
    const text = await fetchFeed(url);
    const result = arxivFeedPapers(text, 'arXiv API response', date ?? today());
    papers.push(...result.papers);
    problems.push(...result.problems.map((p) => `arXiv API response, line ${p.line}: ${p.message}`));
    const found = new Set(result.papers.map((p) => arxivBaseId(p.arxiv!)));
    for (const id of batch) if (!found.has(arxivBaseId(id))) problems.push(`${id}: arXiv has no such paper (check the id)`);
  }
  return { papers, problems };
}

async function fetchFeed(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'user-agent': 'papershelf (https://github.com/papershelf/papershelf)' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new Error(
      `cannot reach the arXiv API at ${new URL(url).origin} (${cause}). \`add\` needs the network; without it, save the API's answer to a file and run \`papershelf import <file> --format arxiv\``,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`the arXiv API answered ${response.status} ${response.statusText} for ${url}; try again in a minute`);
  return response.text();
}
