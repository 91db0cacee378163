import { getCollection } from 'astro:content';
import options from 'virtual:papershelf/options';
import vocabulary from 'virtual:papershelf/vocabulary';
import { AstroError } from 'astro/errors';
import { ArchiveError, buildArchive, type Archive } from './build-archive.ts';
import { recordArchiveReport, recordArchiveSize } from './report-holder.ts';
import { mathFailuresInHtml, recordMathFailure } from '../markdown/math-report.ts';
import type { PaperData } from '../content/paper-schema.ts';

/** The fields of a `papers` collection entry the archive reads. */
interface PaperEntry {
  id: string;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  body?: string | undefined;
  rendered?: { html?: string } | undefined;
  data: unknown;
}

interface ArchiveCache {
  key: string;
  archive: Archive;
  entries: ReadonlyMap<string, PaperEntry>;
}

let cached: Promise<ArchiveCache> | undefined;

/**
 * The archive model, built once per build: every route reads this one
 * object, so cost grows with papers, not papers × pages. In dev it is built
 * again when any paper's digest changes.
 */
export async function getArchive(): Promise<Archive> {
  return (await loadArchive()).archive;
}

/** The collection entry of a paper, for `render()` from `astro:content`. */
export async function getPaperEntry(slug: string): Promise<PaperEntry | undefined> {
  return (await loadArchive()).entries.get(slug);
}

function loadArchive(): Promise<ArchiveCache> {
  // During a build the collection cannot change, so it is read once, not once per page.
  if (cached && !import.meta.env.DEV) return cached;
  const previous = cached;
  cached = (async () => {
    const entries = (await getCollection('papers')) as unknown as PaperEntry[];
    const key = entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('|');
    const last = await previous?.catch(() => undefined);
    if (last && last.key === key) return last;
    // Papers the content layer rendered in an earlier build still report their failed formulas.
    for (const entry of entries) {
      if (entry.rendered?.html?.includes('katex-error')) for (const failure of mathFailuresInHtml(entry.rendered.html, entry.filePath ?? entry.id)) recordMathFailure(failure);
    }
    const inputs = entries.map((entry) => ({ id: entry.id, filePath: entry.filePath ?? entry.id, body: entry.body ?? '', data: entry.data as PaperData }));
    const started = performance.now();
    const archive = buildArchiveOrExplain(inputs);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    recordArchiveSize(archive.papers.length);
    recordArchiveReport([`archive: ${archive.papers.length} papers, model built in ${seconds} s (days, taxonomy, related papers, authors, citation keys)`, ...archive.taxonomyReport]);
    return { key, archive, entries: new Map(entries.map((entry) => [entry.id, entry])) };
  })();
  return cached;
}

/** Builds the model; a problem in the papers becomes Astro's error with its hint, not a stack trace. */
function buildArchiveOrExplain(inputs: Parameters<typeof buildArchive>[0]): Archive {
  try {
    return buildArchive(inputs, { macros: options.macros, vocabulary, freeTags: options.freeTags, related: options.features.related });
  } catch (error) {
    if (error instanceof ArchiveError) throw new AstroError(error.message, error.hint);
    throw error;
  }
}
