const key = Symbol.for('astro-papershelf.archive-report');

/**
 * The lines of the build's archive report (the model's size and cost, the
 * taxonomy report). The archive model is built in
 * prerendering while the report is printed by the integration's
 * `astro:build:done`, so the lines live on `globalThis` under a registered
 * symbol, like the math report.
 */
export function archiveReportLines(): string[] {
  const holder = globalThis as unknown as Record<symbol, string[] | undefined>;
  return (holder[key] ??= []);
}

/** Keeps the report of the latest archive model. */
export function recordArchiveReport(lines: readonly string[]): void {
  archiveReportLines().splice(0, Infinity, ...lines);
}

const sizeKey = Symbol.for('astro-papershelf.archive-size');

/** Keeps the number of papers the build's archive has, for the steps after it (the search index). */
export function recordArchiveSize(papers: number): void {
  (globalThis as unknown as Record<symbol, number>)[sizeKey] = papers;
}

/** The number of papers of this build's archive, or undefined when no page read the archive. */
export function archiveSize(): number | undefined {
  return (globalThis as unknown as Record<symbol, number | undefined>)[sizeKey];
}
