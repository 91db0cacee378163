import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Incremental builds keep `dist/` between builds (`vite.build.emptyOutDir:
 * false`): Astro then leaves a restored page where it is instead of deleting
 * every page and copying each back from its cache, which at 10,000 papers
 * saves about 40 s of a no-change rebuild. What that leaves behind is removed
 * here, so `dist/` still holds exactly what a clean build would write: a
 * deleted paper's pages, an old asset, a route that is gone.
 *
 * A file belongs to this build when it was written or copied after the
 * build started (pages rendered, assets, `public/` files, other
 * integrations' output) or Astro reports it among the routes' output (pages
 * restored in place). "After" reads the later of its modification and
 * change times: a copy may keep its source's modification time (macOS,
 * Windows, `cp --preserve`), but its change time is always when it was made.
 */

/**
 * Writes a mark of this build's start into the cache folder and returns its
 * modification time (ms): the file system's own clock, which every file the
 * build writes is compared with.
 */
export async function markBuildStart(cacheDir: URL): Promise<number> {
  const folder = fileURLToPath(new URL('papershelf/', cacheDir));
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'build-start');
  await writeFile(file, `${new Date().toISOString()}\n`);
  return (await stat(file)).mtimeMs;
}

/**
 * Removes every file of `dist/` this build neither wrote nor restored, and the
 * folders that leaves empty; returns what went. Folders the build's later
 * steps manage themselves (the search index) are left to them. Synchronous
 * file calls: tens of thousands of them, each far cheaper than a promise's
 * round trip through the thread pool.
 */
export function pruneStaleOutput(
  dist: string,
  startedAtMs: number,
  outputs: Map<string, URL[]>,
  managed: readonly string[] = [],
): string[] {
  const restored = new Set([...outputs.values()].flat().map((file) => fileURLToPath(file)));
  // Vite's emptying of its output folder spares a .git folder (a deploy branch checked out there); so does this.
  const spared = new Set(['.git', ...managed]);
  const removed: string[] = [];
  const emptied = new Set<string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(dist, path);
    if (spared.has(relativePath.split(sep)[0]!) || restored.has(path)) continue;
    const { mtimeMs, ctimeMs } = lstatSync(path);
    if (Math.max(mtimeMs, ctimeMs) >= startedAtMs) continue;
    rmSync(path, { force: true });
    removed.push(relativePath);
    for (let folder = entry.parentPath; folder.length > dist.length; folder = dirname(folder)) emptied.add(folder);
  }
  // Deepest first, so a folder emptied by removing its empty children goes too; rmdir refuses a folder with files.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: it still holds this build's files.
    }
  }
  return removed;
}
