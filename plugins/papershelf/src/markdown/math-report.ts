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

/** Records a failure once (a page can be rendered more than once, and the file be named by absolute or site-relative path). */
export function recordMathFailure(failure: MathFailure): void {
  const list = mathFailures();
  const same = (a: string, b: string) => a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
  const seen = list.some((f) => same(f.file, failure.file) && f.line === failure.line && f.message === failure.message);
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

/** The failures a rendered page carries (see `rehypeMathReport`): for pages the content layer had cached. */
export function mathFailuresInHtml(html: string, file: string): MathFailure[] {
  const failures: MathFailure[] = [];
  for (const match of html.matchAll(/<span class="katex-error"[^>]*>/g)) {
    const tag = match[0];
    const message = /data-math-error="([^"]*)"/.exec(tag)?.[1];
    if (message === undefined) continue;
    const line = /data-math-line="(\d+)"/.exec(tag)?.[1];
    failures.push({ file, line: line === undefined ? undefined : Number(line), message: decodeAttribute(message) });
  }
  return failures;
}

function decodeAttribute(text: string): string {
  return text.replace(/&#x([0-9a-f]+);|&#(\d+);|&quot;|&amp;|&lt;|&gt;/gi, (entity, hex?: string, dec?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' } as Record<string, string>)[entity.toLowerCase()]!;
  });
}
