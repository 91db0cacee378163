import type { ImportedPaper } from './imported-paper.ts';
import type { ImportResult } from './import-result.ts';
import { hfItemPaper } from './hf-daily-item.ts';
import { jsonErrorLine, jsonListItemLines } from './json-list-lines.ts';
import { otherFormatHint } from './detect-format.ts';

/** Where Hugging Face's daily list comes from, for messages that say how to get it again. */
export const hfDailyApi = 'https://huggingface.co/api/daily_papers';

/**
 * Papers from a saved answer of Hugging Face's daily list
 * (`/api/daily_papers?date=YYYY-MM-DD`, a JSON list), each item read by
 * `hfItemPaper`. `day` is the day the list is of; without it, each paper's
 * `submittedOnDailyAt`. Text that is not JSON, or JSON that is not a list,
 * imports nothing and says so; an item that cannot be used is reported with
 * its line, and the others are still read.
 */
export function hfDailyPapers(text: string, sourceName: string, day: string | undefined): ImportResult {
  let items: unknown;
  try {
    items = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    return fileProblem(
      jsonErrorLine(text, message),
      `not valid JSON (nothing was imported from this file): ${message}; save the answer of ${hfDailyApi}?date=YYYY-MM-DD again, whole; ${otherFormatHint('hf')}`,
    );
  }
  if (!Array.isArray(items)) return fileProblem(1, notAListMessage(items));
  const lines = jsonListItemLines(text);
  const lineOf = (index: number) => lines[index] ?? 1;
  const { papers, problems } = hfListPapers(items, day, (index) => `${sourceName}:${lineOf(index)}`);
  const textLines = text.split('\n');
  // A problem with a field (`paper.publishedAt`) is said at that field's line in its item, where the fix is.
  const fieldLine = (index: number, message: string) => {
    const field = /`paper\.(\w+)`/.exec(message)?.[1];
    const end = lines[index + 1] ?? textLines.length + 1;
    for (let line = lineOf(index); field && line < end; line++) if (textLines[line - 1]!.includes(`"${field}"`)) return line;
    return lineOf(index);
  };
  return { papers, problems: problems.map(({ index, message }) => ({ line: fieldLine(index, message), message })) };
}

/** Papers of the items of a daily list, and each item's problems by its index in the list. */
export function hfListPapers(
  items: readonly unknown[],
  day: string | undefined,
  sourceOf: (index: number) => string,
): { papers: ImportedPaper[]; problems: { index: number; message: string }[] } {
  const papers: ImportedPaper[] = [];
  const problems: { index: number; message: string }[] = [];
  items.forEach((item, index) => {
    const result = hfItemPaper(item, index + 1, sourceOf(index), day);
    if ('problem' in result) {
      problems.push({ index, message: result.problem });
      return;
    }
    papers.push(result.paper);
    problems.push(...result.problems.map((message) => ({ index, message })));
  });
  return { papers, problems };
}

/** Why a JSON value (a saved file's, or `holder`'s) is not the daily list, and what to save instead. */
export function notAListMessage(value: unknown, holder = 'the file'): string {
  const fix = `save the answer of ${hfDailyApi}?date=YYYY-MM-DD, which is a list of \`{ "paper": … }\` items`;
  if (value && typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string')
    return `${holder} holds an error answer of the Hugging Face API, not a list of papers: "${(value as { error: string }).error}"; ${fix}`;
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  const what =
    value && typeof value === 'object'
      ? `an object${
          keys.length
            ? ` (with ${keys
                .slice(0, 5)
                .map((key) => `\`${key}\``)
                .join(', ')})`
            : ''
        }`
      : `\`${JSON.stringify(value)}\``;
  return `not a list of daily papers: ${holder} holds ${what}, so nothing was imported from it; ${fix}`;
}

function fileProblem(line: number, message: string): ImportResult {
  return { papers: [], problems: [{ line, message }] };
}
