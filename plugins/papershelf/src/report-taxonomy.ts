import type { AstroIntegrationLogger } from 'astro';
import { taxonomyReportLines } from './taxonomy/report-holder.ts';

/** Prints the taxonomy report the archive model left for this build. */
export function reportTaxonomy(logger: AstroIntegrationLogger): void {
  for (const line of taxonomyReportLines()) logger.info(line);
}

/** Clears the report before a build (several builds can share one process in tests). */
export function resetTaxonomyReport(): void {
  taxonomyReportLines().length = 0;
}
