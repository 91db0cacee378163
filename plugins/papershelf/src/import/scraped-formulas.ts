// Formulas of a scraped page, whose backslashes the page's text lost (`Oleft(n^2dright)` for `O\left(n^2d\right)`).
import { texFunctionNames } from '../text/readable-tex.ts';

/** A function's name written apart in a formula (`n log n`), which lost its backslash too. */
const functionName = new RegExp(`(?<![\\\\\\p{L}])(${texFunctionNames.join('|')})(?!\\p{L})`, 'gu');

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
      // In TeX the letters of a function's name written apart would run together.
      `\\(${name}\\left${open}${inside.replace(functionName, '\\$1')}\\right${close}\\)`,
  );
}
