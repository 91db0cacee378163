import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import options from 'virtual:papershelf/options';
import vocabulary from 'virtual:papershelf/vocabulary';
import { AstroError } from 'astro/errors';
import { ArchiveError, buildArchive, withRelatedPapers, type Archive } from './build-archive.ts';
import type { PaperData } from '../content/paper-schema.ts';
import { readFrontmatter } from '../content/read-frontmatter.ts';
import { cachedRelatedPapers } from './related-cache.ts';
import { paperMemoFile, type PaperMemoFile } from './paper-memo.ts';
import { relatedPrecomputed, type Precomputed } from './related-precompute.ts';
import { archiveCollection } from '../content/archive-collection.ts';
import { placeholderLineIndex, placeholderReport } from '../content/new-paper-placeholder.ts';

/** The fields of a `papers` collection entry the archive reads. */
interface PaperEntry {
  id: string;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  body?: string | undefined;
  data: unknown;
}

/** What the build says about the archive model once it is done (see the build-report route). */
export interface ArchiveBuildReport {
  /** Papers in the archive. */
  papers: number;
  /** Lines for the build's log: the model's size and cost, then the taxonomy report. */
  lines: string[];
}

interface LoadedArchive {
  key: string;
  archive: Archive;
  entries: ReadonlyMap<string, PaperEntry>;
  report: ArchiveBuildReport;
}

// The memo of this module: the archive of the current collection, so every page of a build reads one model.
let loaded: Promise<LoadedArchive> | undefined;

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

/**
 * Every paper's collection entry, by slug: read once for all papers. In dev
 * each read lists the whole collection again (to see edits), so 10,000 calls
 * of `getPaperEntry` would list it 10,000 times.
 */
export async function getPaperEntries(): Promise<ReadonlyMap<string, PaperEntry>> {
  return (await loadArchive()).entries;
}

/** The model's size, cost and taxonomy report, for the build's log. */
export async function getArchiveReport(): Promise<ArchiveBuildReport> {
  return (await loadArchive()).report;
}

function loadArchive(): Promise<LoadedArchive> {
  // During a build the collection cannot change, so it is read once, not once per page.
  if (loaded && !import.meta.env.DEV) return loaded;
  const previous = loaded;
  loaded = (async () => {
    const entries = (await getCollection(archiveCollection)) as unknown as PaperEntry[];
    const key = entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('|');
    const last = await previous?.catch(() => undefined);
    if (last && last.key === key) return last;
    const inputs = entries.map((entry) => {
      const filePath = entry.filePath ?? entry.id;
      return { id: entry.id, filePath, body: entry.body ?? '', data: entry.data as PaperData, titleLine: () => titleLine(filePath) };
    });
    let started = performance.now();
    const memo = paperMemoFile(options.site.relatedCache);
    // Everything but related papers first: a worker the papers loader started may still be computing them into the
    // cache on the second core, and the main thread would otherwise only wait for it.
    const withoutRelated = buildArchiveOrExplain(inputs, memo);
    memo.save();
    let building = performance.now() - started;
    const precomputed = import.meta.env.DEV ? undefined : await relatedPrecomputed(options.site.relatedCache?.folder);
    started = performance.now();
    let reused = false;
    const archive = options.features.related
      ? withRelatedPapers(
          withoutRelated,
          cachedRelatedPapers(options.site.relatedCache, (found) => (reused = found)),
        )
      : withoutRelated;
    // The model's own time, without the wait for the worker, which its own line gives.
    building += performance.now() - started;
    const seconds = (building / 1000).toFixed(2);
    const lines = [
      `archive: ${archive.papers.length} papers, model built in ${seconds} s (days, taxonomy, related papers, authors, citation keys)`,
      ...memoReport(memo),
      ...precomputedReport(precomputed, reused),
      ...archive.taxonomyReport,
      ...placeholderReport(
        inputs.filter((input) => !input.data.draft && placeholderLineIndex(input.body) >= 0).map((input) => input.filePath),
      ),
    ];
    return { key, archive, entries: new Map(entries.map((entry) => [entry.id, entry])), report: { papers: archive.papers.length, lines } };
  })();
  return loaded;
}

/** What the log says of the related-papers worker: how long the model waited for it, or why it was of no use. */
function precomputedReport(precomputed: Precomputed | undefined, reused: boolean): string[] {
  if (!precomputed) return [];
  // Neither case changes a page, only the time: the lines say so, and what to look at when they repeat.
  if (precomputed.failure)
    return [
      `archive: related papers were computed on the main thread, as their worker stopped (${precomputed.failure}); the pages are the same, only the build is slower`,
    ];
  if (!reused)
    return [
      "archive: related papers were computed on the main thread, as their worker's lists were not in the cache for these papers; the pages are the same. If this repeats on every build, check that Astro's cache folder (cacheDir) can be written",
    ];
  return [
    `archive: related papers computed on a second thread while Astro bundled and the rest of the model was built; the model then waited ${precomputed.waited.toFixed(2)} s for them`,
  ];
}

/** What the log says of the per-paper memo: how much of the papers' text it spared the model, once it had any. */
function memoReport(memo: PaperMemoFile): string[] {
  const { derived, kept } = memo.counts;
  if (kept === 0) return [];
  return [`archive: ${kept} of ${kept + derived} abstracts, snippets and tag-rule matches kept from the last build, ${derived} worked out`];
}

/** The line of a paper file's `title` field (read only when a formula in the title fails). */
function titleLine(filePath: string): number | undefined {
  try {
    return readFrontmatter(readFileSync(new URL(filePath, options.site.root), 'utf8'))?.lineOf('title');
  } catch {
    return undefined;
  }
}

/** Builds the model without related papers (see `withRelatedPapers`); a problem in the papers becomes Astro's error with its hint. */
function buildArchiveOrExplain(inputs: Parameters<typeof buildArchive>[0], memo: PaperMemoFile): Archive {
  try {
    return buildArchive(inputs, {
      macros: options.macros,
      vocabulary,
      freeTags: options.freeTags,
      related: false,
      authorPageMinPapers: options.authorPageMinPapers,
      memo,
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw new AstroError(error.message, error.hint);
    throw error;
  }
}
