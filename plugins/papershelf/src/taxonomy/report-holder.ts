const key = Symbol.for('astro-papershelf.taxonomy-report');

/**
 * The lines of the build's taxonomy report. The archive model is built in
 * prerendering while the report is printed by the integration's
 * `astro:build:done`, so the lines live on `globalThis` under a registered
 * symbol, like the math report.
 */
export function taxonomyReportLines(): string[] {
  const holder = globalThis as unknown as Record<symbol, string[] | undefined>;
  return (holder[key] ??= []);
}

/** Keeps the report of the latest archive model. */
export function recordTaxonomyReport(lines: readonly string[]): void {
  taxonomyReportLines().splice(0, Infinity, ...lines);
}
