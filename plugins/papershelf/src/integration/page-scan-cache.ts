import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a scan of the built pages found on each page, kept between builds with
 * the size and modification time the page had: a page restored in place by an
 * incremental build keeps both, so what was found on it still holds and the
 * page need not be read again. Pages not seen by this build's scan are
 * dropped when it is saved.
 */
export interface PageScanCache<T> {
  /** The last build's finding for this page, if the page has not changed since. */
  get(page: string, size: number, mtimeMs: number): T | undefined;
  set(page: string, size: number, mtimeMs: number, found: T): void;
  save(): void;
}

interface Entry<T> {
  size: number;
  mtimeMs: number;
  found: T;
}

export function pageScanCache<T>(file: string): PageScanCache<T> {
  let last: Record<string, Entry<T>> = {};
  try {
    last = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry<T>>;
  } catch {
    // No cache yet, or an unreadable one: every page is read.
  }
  const next: Record<string, Entry<T>> = {};
  return {
    get(page, size, mtimeMs) {
      const entry = last[page];
      if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs) return undefined;
      next[page] = entry;
      return entry.found;
    },
    set(page, size, mtimeMs, found) {
      next[page] = { size, mtimeMs, found };
    },
    save() {
      try {
        mkdirSync(dirname(file), { recursive: true });
        // Written beside and renamed into place, so a build stopped half-way never leaves half a file to read.
        writeFileSync(`${file}.partial`, JSON.stringify(next));
        renameSync(`${file}.partial`, file);
      } catch {
        // A cache that cannot be written costs the next build time, never correctness.
      }
    },
  };
}
