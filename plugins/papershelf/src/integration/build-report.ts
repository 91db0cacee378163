import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { routeTable } from '../links/route-table.ts';
import type { ArchiveBuildReport } from '../archive/get-archive.ts';

/** Where the build-report route writes its file in `dist/`. */
const reportFile = routeTable.buildReport.pattern.replace(/^\//, '');

/**
 * Removes what an earlier, interrupted build left for the build's last steps
 * (its report, its list of redirects: `/_papershelf/`), so that only this
 * build's can be read when it is done.
 */
export async function clearBuildNotes(outDir: URL): Promise<void> {
  await rm(new URL(`${dirname(reportFile)}/`, outDir), { recursive: true, force: true });
}

/**
 * Reads a JSON file a route wrote in `dist/` for the build's last steps (the
 * report, the arXiv list, the search fields) and removes it, as it is for
 * those steps only. Undefined when the build wrote none.
 */
export async function takeBuildNote<T>(dist: string, file: string): Promise<T | undefined> {
  const path = join(dist, file);
  let note: T;
  try {
    note = JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  await rm(path);
  return note;
}

/**
 * Reads the archive model's report from the built site, prints it, and
 * removes the file, which is for this step only. Returns the report, or
 * undefined when no page read the archive (a site that built none of its pages).
 */
export async function reportArchive(dist: string, logger: AstroIntegrationLogger): Promise<ArchiveBuildReport | undefined> {
  const report = await takeBuildNote<ArchiveBuildReport>(dist, reportFile);
  if (!report) return undefined;
  // The notes' folder goes with the last of them.
  await rm(join(dist, dirname(reportFile)), { recursive: true, force: true });
  for (const line of report.lines) logger.info(line);
  return report;
}
