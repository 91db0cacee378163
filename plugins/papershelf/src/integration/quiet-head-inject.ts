/** The fields of a bundler log this filter reads. */
interface BundlerLog {
  code?: string | undefined;
  message: string;
}

/**
 * A `build.rolldownOptions.onLog` that drops the one warning Astro's
 * Markdown and MDX modules raise for every paper file
 * (`MODULE_LEVEL_DIRECTIVE` for "use astro:head-inject"): it is harmless,
 * and at thousands of papers it buries the warnings that matter.
 */
export function quietHeadInjectWarnings<Level, Log extends BundlerLog>(
  level: Level,
  log: Log,
  handler: (level: Level, log: Log) => void,
): void {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
  handler(level, log);
}
