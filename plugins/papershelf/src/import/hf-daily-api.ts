import { hfDailyApi, notAListMessage } from './hf-daily-papers.ts';

/** Options of `fetchHfDailyLists`. */
export interface HfFetchOptions {
  /** The list's address; Hugging Face's own by default. */
  api?: string | undefined;
  /** Pause before every request but the first, in milliseconds. */
  pauseMs: number;
  /** Called after each day with how many items its list has. */
  onDay?: (day: string, count: number) => void;
}

/** The most items the API gives in one page. */
const pageSize = 100;
/** A day never has this many pages; an API that keeps sending new ones is stopped here. */
const mostPagesADay = 50;

/**
 * Each day's daily list from Hugging Face, whole: page after page (`limit`,
 * `p`) until a page is empty or repeats what came before. A page shorter
 * than the limit does not end the day, since the API may cap a page below
 * the limit asked. An empty day is an empty list. Throws a message that
 * says how to import a saved answer instead when the API cannot be reached.
 */
export async function fetchHfDailyLists(days: readonly string[], options: HfFetchOptions): Promise<{ day: string; items: unknown[] }[]> {
  const api = options.api ?? hfDailyApi;
  const lists: { day: string; items: unknown[] }[] = [];
  let requests = 0;
  for (const day of days) {
    const items: unknown[] = [];
    const seen = new Set<string>();
    for (let page = 0; ; page++) {
      if (page === mostPagesADay)
        throw new Error(`the Hugging Face API at ${api} sent ${page} pages for ${day} and kept going; check PAPERSHELF_HF_API`);
      if (requests++ > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      const url = new URL(api);
      url.searchParams.set('date', day);
      url.searchParams.set('limit', String(pageSize));
      url.searchParams.set('p', String(page));
      const answer = await fetchJson(url, day);
      if (!Array.isArray(answer)) throw new Error(`${url}: ${notAListMessage(answer, 'the answer')}`);
      const fresh = answer.filter((item) => {
        const id = paperId(item);
        if (id === undefined) return true;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (fresh.length === 0) break;
      items.push(...fresh);
    }
    options.onDay?.(day, items.length);
    lists.push({ day, items });
  }
  return lists;
}

async function fetchJson(url: URL, day: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'papershelf (https://github.com/papershelf/papershelf)' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new Error(
      `cannot reach the Hugging Face API at ${url.origin} (${cause}). \`add --hf-date\` needs the network; without it, save the list of each day (${hfDailyApi}?date=${day}) to a file on a machine that has one, and run \`papershelf import <file>\``,
      { cause: error },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const hint = response.status === 429 ? 'wait a few minutes, or set PAPERSHELF_HF_PAUSE_MS higher' : 'try again later';
    throw new Error(`the Hugging Face API answered ${response.status} ${response.statusText} for ${url}; ${hint}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the Hugging Face API's answer for ${url} is not JSON (${(error as Error).message}); try again later`, {
      cause: error,
    });
  }
}

function paperId(item: unknown): string | undefined {
  const paper = item && typeof item === 'object' ? (item as { paper?: { id?: unknown } }).paper : undefined;
  return typeof paper?.id === 'string' ? paper.id : undefined;
}
