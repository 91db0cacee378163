import { getCollection } from 'astro:content';
import options from 'virtual:papershelf/options';
import { buildArchive, type Archive } from './build-archive.ts';
import type { PaperData } from '../content/paper-schema.ts';

/** The fields of a `papers` collection entry the archive reads. */
interface PaperEntry {
  id: string;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  body?: string | undefined;
  data: unknown;
}

let cached: { key: string; archive: Archive } | undefined;

/**
 * The archive model, built once per build: every route reads this one
 * object, so cost grows with papers, not papers × pages. In dev it is built
 * again when any paper's digest changes.
 */
export async function getArchive(): Promise<Archive> {
  const entries = await paperEntries();
  const key = entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('|');
  if (!cached || cached.key !== key) {
    const inputs = entries.map((entry) => ({ id: entry.id, filePath: entry.filePath ?? entry.id, body: entry.body ?? '', data: entry.data as PaperData }));
    cached = { key, archive: buildArchive(inputs, { macros: options.macros }) };
  }
  return cached.archive;
}

/** The collection entry of a paper, for `render()` from `astro:content`. */
export async function getPaperEntry(slug: string) {
  return (await paperEntries()).find((entry) => entry.id === slug);
}

async function paperEntries(): Promise<PaperEntry[]> {
  return (await getCollection('papers')) as unknown as PaperEntry[];
}
