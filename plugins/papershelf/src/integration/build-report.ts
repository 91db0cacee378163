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
 * Reads the archive model's report from the built site, prints it, and
 * removes the file, which is for this step only. Returns the report, or
 * undefined when no page read the archive (a site that built none of its pages).
 */
export async function reportArchive(dist: string, logger: AstroIntegrationLogger): Promise<ArchiveBuildReport | undefined> {
  const path = join(dist, reportFile);
  let report: ArchiveBuildReport;
  try {
    report = JSON.parse(await readFile(path, 'utf8')) as ArchiveBuildReport;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  await rm(dirname(path), { recursive: true, force: true });
  for (const line of report.lines) logger.info(line);
  return report;
}
