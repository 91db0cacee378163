import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isIndexedPage, searchInputCode, searchInputOf } from '../search/search-input.ts';

/** A page of dist/ and the copy Pagefind reads, as they were when the copy was made. */
interface Copied {
  size: number;
  mtimeMs: number;
  /** The copy's size and time; `null` when the page is not indexed and has no copy. */
  copy: { size: number; mtimeMs: number } | null;
  /** A digest of the search fields added to the copy (none: ''). */
  fields?: string;
}

interface Manifest {
  code: string;
  pages: Record<string, Copied>;
}

/** What bringing the copies up to date did, for the build's log. */
export interface SearchInputUpdate {
  /** The folder Pagefind reads as its site. */
  site: string;
  /** Pages read again: new or rewritten since the last build (each copied, when Pagefind indexes it). */
  read: number;
  /** Pages unchanged since the last build, whose copy (or lack of one) still holds. */
  unchanged: number;
  /** Pages whose search fields were listed but which are not in dist/: their papers are in the index without fields. */
  unmatched: string[];
}

/**
 * Pagefind's input, kept in a folder of Astro's cache: every indexed page
 * under `folder` of dist/, reduced by `searchInputOf` where it can be, else
 * whole, at the same path, so Pagefind gives each the same address, and with
 * the page's search fields from `fields` (by the page's path in dist/). A page
 * restored in place by an incremental build keeps its size and modification
 * time, so its copy from the last build holds while its fields are the same;
 * after one edit only the pages written since are read and copied. A copy
 * that is missing or was changed is made again, and the copies of pages no
 * longer in dist/ are removed.
 */
export function updateSearchInput(
  dist: string,
  folder: string,
  mirror: string,
  fields: ReadonlyMap<string, string> = new Map(),
): SearchInputUpdate {
  const site = join(mirror, 'site');
  const manifestFile = join(mirror, 'manifest.json');
  const code = createHash('sha1').update(searchInputCode).digest('hex');
  const earlier = readManifest(manifestFile, code);
  // Copies made by other code, or with no manifest to vouch for them, go.
  if (!earlier) rmSync(site, { recursive: true, force: true });
  const pages: Record<string, Copied> = {};
  const unmatched = new Set(fields.keys());
  let read = 0;
  for (const page of htmlFiles(join(dist, folder)).map((file) => relative(dist, file))) {
    const { size, mtimeMs } = statSync(join(dist, page));
    // Fields are listed by site path (`papers/a/index.html`), whatever the system's separator.
    const key = page.split(sep).join('/');
    unmatched.delete(key);
    const pageFields = fields.get(key) ?? '';
    const fieldsDigest = pageFields && createHash('sha1').update(pageFields).digest('hex');
    const last = earlier?.pages[page];
    if (
      last &&
      last.size === size &&
      last.mtimeMs === mtimeMs &&
      (last.fields ?? '') === fieldsDigest &&
      copyHolds(join(site, page), last.copy)
    ) {
      pages[page] = last;
      continue;
    }
    pages[page] = { size, mtimeMs, copy: copyPage(join(dist, page), join(site, page), pageFields), fields: fieldsDigest };
    read++;
  }
  for (const page of Object.keys(earlier?.pages ?? {})) if (!pages[page]) rmSync(join(site, page), { force: true });
  writeManifest(manifestFile, { code, pages });
  return { site, read, unchanged: Object.keys(pages).length - read, unmatched: [...unmatched].sort() };
}

function copyPage(from: string, to: string, fields: string): Copied['copy'] {
  const html = readFileSync(from, 'utf8');
  if (!isIndexedPage(html)) {
    rmSync(to, { force: true });
    return null;
  }
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, searchInputOf(html, fields));
  const { size, mtimeMs } = statSync(to);
  return { size, mtimeMs };
}

function copyHolds(file: string, copy: Copied['copy']): boolean {
  try {
    const stats = statSync(file);
    return copy !== null && stats.size === copy.size && stats.mtimeMs === copy.mtimeMs;
  } catch {
    return copy === null;
  }
}

function htmlFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => join(folder, file));
  } catch {
    return [];
  }
}

function readManifest(file: string, code: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return manifest.code === code ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed into place, so a build stopped half-way never leaves half a file to read. */
function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, JSON.stringify(manifest));
  renameSync(`${file}.partial`, file);
}
