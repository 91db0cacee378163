import type { AstroIntegrationLogger } from 'astro';
import { archiveReportLines, recordArchiveSize } from '../archive/report-holder.ts';

/** Prints the report the archive model left for this build: its cost and the taxonomy report. */
export function reportArchive(logger: AstroIntegrationLogger): void {
  for (const line of archiveReportLines()) logger.info(line);
}

/** Clears the report before a build (several builds can share one process in tests). */
export function resetArchiveReport(): void {
  archiveReportLines().length = 0;
  recordArchiveSize(Number.NaN);
}
