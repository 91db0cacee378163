import katex, { type KatexOptions } from 'katex';

/** KaTeX macros a site defines once, e.g. `{ '\\R': '\\mathbb{R}' }`. */
export type KatexMacros = Record<string, string>;

/**
 * The one set of KaTeX options for paper bodies and titles. `strict: 'ignore'`
 * keeps KaTeX's LaTeX-compatibility warnings off the console: they are not
 * failures and would drown the math report. KaTeX mutates `macros` when a
 * formula uses `\gdef`, so every call gets its own copy. `maxSize` caps the
 * sizes a formula sets (`\rule{1000em}{1000em}`, `\kern`) at 50 em, wider
 * than any page, which KaTeX otherwise draws as given, over the page.
 */
export function katexOptions(macros: KatexMacros = {}): KatexOptions {
  return { macros: { ...macros }, strict: 'ignore', output: 'htmlAndMathml', trust: refuseTrust, maxSize: 50 };
}

/**
 * KaTeX's `trust: false`, said out loud: `\href`, `\url`, `\includegraphics`
 * and `\htmlClass` stay off (a formula must not link or load anything), but
 * where `false` drew the command in red and said nothing, refusing with a
 * parse error makes the formula fail as any broken one does: shown as
 * written, and reported by `check` and the build's math report.
 */
function refuseTrust(context: { command: string }): boolean {
  throw new katex.ParseError(
    `${context.command} is turned off in formulas (they may not link or load anything); write the link or picture in the text instead`,
  );
}
