// Macros of a paper's own LaTeX that arXiv keeps in its abstract as the authors typed them (`\ie`, `\rat`): the text
// they stand for, so a page does not show the backslash.
import { splitTex } from '../markdown/tex-segments.ts';

/**
 * The abbreviations computer-vision templates (CVPR's, ICCV's) define as
 * macros, which add their full stop only when no full stop follows.
 */
const abbreviations: Record<string, string> = {
  ie: 'i.e',
  eg: 'e.g',
  etal: 'et al',
  wrt: 'w.r.t',
  cf: 'cf',
  etc: 'etc',
  vs: 'vs',
  aka: 'a.k.a',
  iid: 'i.i.d',
};

/**
 * The text with an author's macros written out, outside formulas: the
 * abbreviations above (`\ie` → "i.e."), and a macro named after a word of
 * the title written with two capitals or more, the method's name (`\rat` →
 * "RAT" in "RAT: Bridging RNN Efficiency and Attention Accuracy"). An empty
 * group after one (`\rat{}`) goes with it. Any other command is left as
 * written: what it stands for cannot be known.
 */
export function expandAuthorMacros(text: string, title: string): string {
  if (!text.includes('\\')) return text;
  const names = new Map(
    (title.match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((word) => (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2)
      .map((word) => [word.toLowerCase(), word]),
  );
  return splitTex(text)
    .map((segment) =>
      segment.type === 'math'
        ? segment.raw
        : segment.value.replace(/\\([A-Za-z]+)(?![A-Za-z])(\{\})?(\.?)/g, (written, name: string, _group, stop: string) => {
            const abbreviation = abbreviations[name];
            if (abbreviation !== undefined) return `${abbreviation}.`;
            const word = names.get(name.toLowerCase());
            return word === undefined ? written : `${word}${stop}`;
          }),
    )
    .join('');
}
