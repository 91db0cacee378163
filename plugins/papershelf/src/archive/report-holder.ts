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
