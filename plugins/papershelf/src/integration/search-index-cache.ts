import { createHash } from 'node:crypto';
import { copyFile, cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pageScanCache, type PageScanCache } from './page-scan-cache.ts';
import { searchIndexFolder, type SearchIndexOptions, type SearchIndexPages } from '../search/build-search-index.ts';
import { pagefindPackage } from '../search/pagefind-package.ts';
import { compactIndexForm } from '../search/compact-page-names.ts';

/**
 * The last build's Pagefind index, kept beside Astro's cache: Pagefind
 * cannot update an index, but when no page of the site changed since the
 * last build the index it writes would be the same, byte for byte, so it is
 * copied back instead of built again (about 35 s at 10,000 papers).
 *
 * The digest hashes every page's bytes, but reads only pages written since
 * the last build: a page restored in place keeps its size and modification
 * time, so its hash from the last build (`page-hashes.json`) still holds.
 */
export interface SearchIndexCache {
  /** A digest of everything the index is made from: every page it reads, the options, Pagefind's version. */
  digest: string;
  /** Copies the cached index into `dist/pagefind/` when it was made from the same pages; false otherwise. */
  restore(): Promise<boolean>;
  /** Keeps the index just written to `dist/pagefind/` for the next build. */
  save(): Promise<void>;
  /** Keeps the pages' hashes for the next build's digest (after a reuse, when `save` is not called). */
  keepPageHashes(): Promise<void>;
}

/** The index cache of this build's `dist/` (`folder`: where the cache lives, e.g. `node_modules/.astro/papershelf-search/`). */
export async function searchIndexCache(
  dist: string,
  folder: string,
  options: SearchIndexOptions,
  pages: SearchIndexPages = {},
): Promise<SearchIndexCache> {
  const hashes = pageScanCache<string>(join(folder, 'page-hashes.json'));
  const digest = await digestOf(dist, options, pages, hashes);
  const cachedIndex = join(folder, 'pagefind');
  const digestFile = join(folder, 'digest');
  return {
    digest,
    async restore() {
      const [cached, stamp] = (await readFile(digestFile, 'utf8').catch(() => '')).split('\n');
      if (cached !== digest) return false;
      // The cached files are links to the last build's: if anything rewrote one in dist/ since, it is not that index.
      if (stamp !== filesStamp(cachedIndex)) return false;
      const live = join(dist, searchIndexFolder);
      // Usually dist/ still holds that very index (incremental builds keep dist/): then there is nothing to copy.
      if (sameFiles(cachedIndex, live)) return true;
      await rm(live, { recursive: true, force: true });
      await cp(cachedIndex, live, { recursive: true });
      return true;
    },
    async save() {
      // The digest is written last, so an interrupted copy is never taken for a whole index.
      await rm(folder, { recursive: true, force: true });
      await linkTree(join(dist, searchIndexFolder), cachedIndex);
      hashes.save();
      await writeFile(digestFile, `${digest}\n${filesStamp(cachedIndex)}`);
    },
    async keepPageHashes() {
      hashes.save();
    },
  };
}

/**
 * A copy of a folder made of hard links where it can be (a copy where the
 * cache is on another disk): the index's few thousand files are linked in a
 * tenth of the time a copy takes. Papershelf never writes into an index's
 * files (each build removes the folder and Pagefind writes new ones), but a
 * later integration might rewrite one in place (a minifier): `filesStamp`
 * then no longer matches, and the index is built again rather than reused.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const made = new Set<string>();
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (!made.has(dirname(target))) await mkdir(dirname(target), { recursive: true });
    made.add(dirname(target));
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/** A digest of a folder's files, their sizes and modification times: it changes when any file is rewritten. */
function filesStamp(folder: string): string {
  const hash = createHash('sha1');
  let files: string[];
  try {
    files = readdirSync(folder, { recursive: true }).map(String).sort();
  } catch {
    return '';
  }
  for (const file of files) {
    const stats = statSync(join(folder, file));
    if (stats.isFile()) hash.update(`${file}\t${stats.size}\t${stats.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Whether two index folders hold the same files. Pagefind names its files by
 * their content, and its entry file names the index's hash, so equal names
 * and an equal entry file are the same index.
 */
function sameFiles(a: string, b: string): boolean {
  const names = (folder: string) => {
    try {
      return readdirSync(folder, { recursive: true }).map(String).sort().join('\n');
    } catch {
      return undefined;
    }
  };
  const entry = (folder: string) => {
    try {
      return readFileSync(join(folder, 'pagefind-entry.json'), 'utf8');
    } catch {
      return undefined;
    }
  };
  const namesOfA = names(a);
  return namesOfA !== undefined && namesOfA === names(b) && entry(a) !== undefined && entry(a) === entry(b);
}

/** Every HTML page the index reads (path and bytes) and its search fields, in a fixed order, with the options and Pagefind's version. */
async function digestOf(
  dist: string,
  options: SearchIndexOptions,
  pagesRead: SearchIndexPages,
  hashes: PageScanCache<string>,
): Promise<string> {
  const hash = createHash('sha1');
  const pagefindVersion = (await pagefindPackage()).version;
  // Where Pagefind reads the pages from (dist/ or the reduced copies) is left out: the index is the same.
  // The form the index is rewritten to (compact-page-names.ts) counts: another version's rewrite is not this one's.
  hash.update(JSON.stringify({ options, folder: pagesRead.folder, pagefindVersion, compactIndexForm }));
  const folder = join(dist, pagesRead.folder ?? '');
  const listed = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  const pages = listed
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(dist, join(folder, file)))
    .sort();
  for (const page of pages) {
    const path = join(dist, page);
    const { size, mtimeMs } = statSync(path);
    let sha1 = hashes.get(page, size, mtimeMs);
    if (sha1 === undefined) {
      // Read synchronously: ten thousand pages, each far cheaper than a promise's round trip through the thread pool.
      sha1 = createHash('sha1').update(readFileSync(path)).digest('hex');
      hashes.set(page, size, mtimeMs, sha1);
    }
    hash.update(`\n${page}\n${sha1}`);
  }
  // The search fields are not in the pages but in the copies Pagefind reads: they count as much as the pages.
  for (const [page, fields] of [...(pagesRead.fields ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    hash.update(`\n${page}\n${fields}`);
  return hash.digest('hex');
}
