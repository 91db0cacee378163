/** One formula KaTeX could not render. */
export interface MathFailure {
  /** The file the formula is in, as the build saw it. */
  file: string;
  /** 1-based line in that file, when known. */
  line: number | undefined;
  /** KaTeX's own message. */
  message: string;
}

const key = Symbol.for('astro-papershelf.math-report');

/**
 * The build's math failures. Markdown renders in Vite's module graph and
 * titles in prerendered pages, which can load this module twice in one
 * process, so the list lives on `globalThis` under a registered symbol.
 */
export function mathFailures(): MathFailure[] {
  const holder = globalThis as unknown as Record<symbol, MathFailure[] | undefined>;
  return (holder[key] ??= []);
}

/** Records a failure once (a page can be rendered more than once). */
export function recordMathFailure(failure: MathFailure): void {
  const list = mathFailures();
  const seen = list.some((f) => f.file === failure.file && f.line === failure.line && f.message === failure.message);
  if (!seen) list.push(failure);
}

/** Starts a new report (each build, and each test build in one process). */
export function resetMathFailures(): void {
  mathFailures().length = 0;
}

/** The report as lines: `file:line: message`, then a count. */
export function formatMathReport(failures: readonly MathFailure[], root = ''): string[] {
  const sorted = [...failures].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const lines = sorted.map((f) => `${relative(f.file, root)}${f.line === undefined ? '' : `:${f.line}`}: ${f.message}`);
  const count = failures.length;
  lines.push(count === 0 ? 'math: every formula rendered' : `math: ${count} formula${count === 1 ? '' : 's'} failed to render; ${count === 1 ? 'it shows' : 'they show'} as TeX source on the page, so fix the TeX at the lines above`);
  return lines;
}

function relative(file: string, root: string): string {
  return root && file.startsWith(root) ? file.slice(root.length).replace(/^\/+/, '') : file;
}
