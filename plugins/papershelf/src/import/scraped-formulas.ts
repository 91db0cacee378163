// Formulas of a scraped page, whose backslashes the page's text lost (`Oleft(n^2dright)` for `O\left(n^2d\right)`).

/**
 * A formula TeX's sized brackets give away once scraping took its
 * backslashes: a letter with `left(` glued to it, closed by `right)` in the
 * same run of text (`Oleft(n^{1.5}dright)`). Nothing else is sure enough to
 * be read as TeX.
 */
const lostBackslashes = /(?<![\p{L}\p{N}\\])([A-Za-z])left([([])((?:[^()[\]\n]|\([^()\n]*\)){0,60}?)right([)\]])/gu;

/**
 * The text with each formula that lost its backslashes written as TeX
 * again, between `\(` and `\)`, so the page renders it as the paper has it
 * (`Oleft(n^2dright)` → `\(O\left(n^2d\right)\)`).
 */
export function restoreScrapedFormulas(text: string): string {
  return text.replace(
    lostBackslashes,
    (_, name: string, open: string, inside: string, close: string) =>
      // A function's name written apart (`n log n`) lost its backslash too; in TeX the letters would run together.
      `\\(${name}\\left${open}${inside.replace(/(?<![\\\p{L}])(log|ln|exp|max|min|sin|cos|tan|det|dim)(?!\p{L})/gu, '\\$1')}\\right${close}\\)`,
  );
}
