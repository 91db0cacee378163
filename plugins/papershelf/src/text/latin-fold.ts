/** Letters that Unicode does not decompose into a base letter and a mark, with their usual Latin spelling. */
const letters: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

const specialLetters = /[łŁøØæÆœŒßđĐþÞı]/g;

/**
 * Text with the letters that Unicode does not decompose (`ł`, `ø`, `æ`,
 * `ß`…) in their Latin spelling, and every other character as it is. What
 * the search index and a query need on top of Pagefind's own folding of
 * accents, which covers `é` and `ü` but not `Ł`.
 */
export function foldSpecialLetters(text: string): string {
  return text.replace(specialLetters, (c) => letters[c]!);
}

/**
 * Text without accents, in plain Latin letters where one exists:
 * `Łukasz Müller` → `Lukasz Muller`. Used wherever two spellings of a name
 * must meet (author pages) or a name must become ASCII (citation keys).
 */
export function foldLatin(text: string): string {
  return foldSpecialLetters(text).normalize('NFKD').replace(/\p{M}/gu, '');
}
