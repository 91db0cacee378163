import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchIndexOptions } from '../search/build-search-index.ts';

/**
 * The last build's Pagefind index, kept beside Astro's cache: Pagefind
 * cannot update an index, but when no page of the site changed since the
 * last build the index it writes would be the same, byte for byte, so it is
 * copied back instead of built again (about 35 s at 10,000 papers).
 */
export interface SearchIndexCache {
  /** A digest of everything the index is made from: every built page, the options, Pagefind's version. */
  digest: string;
  /** Copies the cached index into `dist/pagefind/` when it was made from the same pages; false otherwise. */
  restore(): Promise<boolean>;
  /** Keeps the index just written to `dist/pagefind/` for the next build. */
  save(): Promise<void>;
}

/** The index cache of this build's `dist/` (`folder`: where the cache lives, e.g. `node_modules/.astro/papershelf-search/`). */
export async function searchIndexCache(dist: string, folder: string, options: SearchIndexOptions): Promise<SearchIndexCache> {
  const digest = await digestOf(dist, options);
  const cachedIndex = join(folder, 'pagefind');
  const digestFile = join(folder, 'digest');
  return {
    digest,
    async restore() {
      const cached = await readFile(digestFile, 'utf8').catch(() => undefined);
      if (cached !== digest) return false;
      await cp(cachedIndex, join(dist, 'pagefind'), { recursive: true });
      return true;
    },
    async save() {
      // The digest is written last, so an interrupted copy is never taken for a whole index.
      await rm(folder, { recursive: true, force: true });
      await cp(join(dist, 'pagefind'), cachedIndex, { recursive: true });
      await writeFile(digestFile, digest);
    },
  };
}

/** Every HTML page of the site (path and bytes), in a fixed order, with the options and Pagefind's version. */
async function digestOf(dist: string, options: SearchIndexOptions): Promise<string> {
  const hash = createHash('sha1');
  const pagefindVersion = await installedPagefindVersion();
  hash.update(JSON.stringify({ options, pagefindVersion }));
  const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  for (const page of pages) {
    hash.update(`\n${page}\n`);
    hash.update(await readFile(join(dist, page)));
  }
  return hash.digest('hex');
}

/** The version of the Pagefind package this build runs (its package.json is not among its exports, so it is found beside its entry). */
async function installedPagefindVersion(): Promise<string> {
  for (let folder = dirname(fileURLToPath(import.meta.resolve('pagefind'))); folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = await readFile(join(folder, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest === undefined) continue;
    const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
    if (name === 'pagefind' && version) return version;
  }
  return 'unknown';
}
