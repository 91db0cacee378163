import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { isIndexedPage, searchInputCode, searchInputOf } from '../search/search-input.ts';

/** Where an incremental build keeps the copies Pagefind reads: a folder of Astro's cache. */
export function searchInputFolder(config: Pick<AstroConfig, 'cacheDir'>): string {
  return fileURLToPath(new URL('papershelf-search-input/', config.cacheDir));
}

/** A page of dist/ and the copy Pagefind reads, as they were when the copy was made. */
interface Copied extends CopyMade {
  size: number;
  mtimeMs: number;
}

/** A copy Pagefind reads, made of one page (see `writeCopy`). */
export interface CopyMade {
  /** The copy's size and time; `null` when the page is not indexed and has no copy. */
  copy: { size: number; mtimeMs: number } | null;
  /** A digest of the search fields added to the copy (none: ''). */
  fields?: string;
}

/** A copy made as its page was rendered (see index-while-rendering.ts). */
export interface CopyMadeWhileRendering extends Required<CopyMade> {
  /** The rendered page's size in bytes. */
  rendered: number;
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
  /** Of those, the pages whose copy this step wrote or removed, rather than as they were rendered (see index-while-rendering.ts). */
  copiedNow: string[];
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
  /** Copies this build made as it rendered the pages (see index-while-rendering.ts), by page: not made again. */
  madeWhileRendering: ReadonlyMap<string, CopyMadeWhileRendering> = new Map(),
): SearchInputUpdate {
  const site = join(mirror, 'site');
  const manifestFile = join(mirror, 'manifest.json');
  const code = copiesCode();
  // Copies made while rendering were made after the unvouched ones went (see `dropUnvouchedCopies`).
  const earlier = madeWhileRendering.size > 0 ? readManifest(manifestFile, code) : dropUnvouchedCopies(mirror);
  const pages: Record<string, Copied> = {};
  const unmatched = new Set(fields.keys());
  let read = 0;
  const copiedNow: string[] = [];
  for (const page of htmlFiles(join(dist, folder)).map((file) => relative(dist, file))) {
    const { size, mtimeMs } = statSync(join(dist, page));
    // Fields are listed by site path (`papers/a/index.html`), whatever the system's separator.
    const key = page.split(sep).join('/');
    unmatched.delete(key);
    const pageFields = fields.get(key) ?? '';
    const fieldsDigest = digestOfFields(pageFields);
    const made = madeWhileRendering.get(page);
    // A page whose size in dist/ is not its rendered size was rewritten since (by an integration whose build step
    // ran before this one), and is copied again as it is now. A rewrite to the very same size goes unnoticed.
    if (made && made.rendered === size && made.fields === fieldsDigest && copyHolds(join(site, page), made.copy)) {
      pages[page] = { size, mtimeMs, copy: made.copy, fields: made.fields };
      read++;
      continue;
    }
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
    const copy = copyPage(join(dist, page), join(site, page), pageFields);
    pages[page] = { size, mtimeMs, copy, fields: fieldsDigest };
    read++;
    // A page Pagefind does not index (a listing, a redirect) changes what it reads only when it had a copy.
    if (copy !== null || last?.copy) copiedNow.push(key);
  }
  for (const page of Object.keys(earlier?.pages ?? {})) if (!pages[page]) rmSync(join(site, page), { force: true });
  writeManifest(manifestFile, { code, pages });
  return { site, read, copiedNow, unchanged: Object.keys(pages).length - read, unmatched: [...unmatched].sort() };
}

function copyPage(from: string, to: string, fields: string): Copied['copy'] {
  return writeCopy(readFileSync(from, 'utf8'), to, fields).copy;
}

/** A digest of a page's search fields, as the manifest keeps it ('' for none). */
export function digestOfFields(fields: string): string {
  return fields && createHash('sha1').update(fields).digest('hex');
}

/**
 * Writes the copy Pagefind reads of a page (`html`) to `to`: the page reduced
 * to what Pagefind reads, with its search fields; none, and any old one
 * removed, when Pagefind does not index the page.
 */
export function writeCopy(html: string, to: string, fields: string): Required<CopyMade> {
  const fieldsDigest = digestOfFields(fields);
  if (!isIndexedPage(html)) {
    rmSync(to, { force: true });
    return { copy: null, fields: fieldsDigest };
  }
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, searchInputOf(html, fields));
  const { size, mtimeMs } = statSync(to);
  return { copy: { size, mtimeMs }, fields: fieldsDigest };
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

/** Removes the copies under `folder` of `mirror` but those of `pages` (files in dist/): copies of pages gone. */
export function dropCopiesExcept(mirror: string, folder: string, pages: ReadonlyMap<string, unknown>): void {
  const site = join(mirror, 'site');
  for (const copy of htmlFiles(join(site, folder))) if (!pages.has(relative(site, copy))) rmSync(copy, { force: true });
}

/**
 * Removes the copies in `mirror` made by other code, or with no manifest to
 * vouch for them, and returns the manifest of those that stay.
 */
export function dropUnvouchedCopies(mirror: string): Manifest | undefined {
  const earlier = readManifest(join(mirror, 'manifest.json'), copiesCode());
  if (!earlier) rmSync(join(mirror, 'site'), { recursive: true, force: true });
  return earlier;
}

/** The digest of the code that makes the copies: copies made by other code are not these. */
function copiesCode(): string {
  return createHash('sha1').update(searchInputCode).digest('hex');
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
